import type { Config } from "../../config/config.js";
import { plainComment } from "../../records/feedback-comment.js";
import { requireVersion } from "../../records/lookup.js";
import { tallyText } from "../../render/labels.js";
import { openCliEngine } from "../cli-engine.js";
import { type CliIo, nowOf } from "../io.js";

export interface FeedbackCommandOptions {
  config: Config;
  helpful: boolean;
  comment?: string;
  version?: number;
  json: boolean;
}

export async function feedbackCommand(
  id: string,
  options: FeedbackCommandOptions,
  io: CliIo,
): Promise<number> {
  const comment = options.comment === undefined ? undefined : plainComment(options.comment);
  const engine = await openCliEngine(options.config, io, { mustExist: true });
  try {
    const { version } = await requireVersion(engine.checks, id.trim(), options.version);
    const feedback = {
      checkId: version.checkId,
      version: version.n,
      helpful: options.helpful,
      ...(comment ? { comment } : {}),
      createdAt: nowOf(io).toISOString(),
    };
    await engine.checks.addFeedback(feedback);
    const tally = (await engine.checks.getCheck(version.checkId))?.versions.find(
      (v) => v.n === version.n,
    )?.feedback ?? { helpful: 0, notHelpful: 0 };
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ feedback, tally })}\n`);
    } else {
      io.stdout.write(
        `Thank you: recorded "${options.helpful ? "helpful" : "not helpful"}" for version ${version.n} of ${version.checkId}. This version so far: ${tallyText(tally)}.\n`,
      );
    }
    return 0;
  } finally {
    await engine.close();
  }
}
