import { plainComment } from "../../records/feedback-comment.js";
import { requireVersion } from "../../records/lookup.js";
import { tallyText } from "../../render/labels.js";
import { type CliIo, nowOf } from "../io.js";
import { openStore } from "../open-store.js";

export interface FeedbackCommandOptions {
  db: string;
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
  const store = openStore(options.db, io.cwd, true);
  try {
    const { version } = await requireVersion(store, id.trim(), options.version);
    const feedback = {
      checkId: version.checkId,
      version: version.n,
      helpful: options.helpful,
      ...(comment ? { comment } : {}),
      createdAt: nowOf(io).toISOString(),
    };
    await store.addFeedback(feedback);
    const tally = (await store.getCheck(version.checkId))?.versions.find((v) => v.n === version.n)
      ?.feedback ?? { helpful: 0, notHelpful: 0 };
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ feedback, tally })}\n`);
    } else {
      io.stdout.write(
        `Thank you: recorded "${options.helpful ? "helpful" : "not helpful"}" for version ${version.n} of ${version.checkId}. This version so far: ${tallyText(tally)}.\n`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
