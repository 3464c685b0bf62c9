// `factually feedback <id> --helpful yes|no [--comment "…"] [--version n]`: one reader's
// rating of a version, stored with the time it was given.
import { FactuallyError } from "../../core/errors.js";
import { MAX_COMMENT_CHARS } from "../../core/schema/check.js";
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

// Control characters (terminal escapes, NUL) and invisible direction/zero-width marks.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The comment as plain text: control characters (terminal escapes, NULs) removed, line breaks
 * kept, surrounding space trimmed; over the limit is the user's to shorten, not ours to cut.
 */
export function plainComment(raw: string): string | undefined {
  const text = raw.normalize("NFC").replace(/\r\n?/g, "\n").replace(INVISIBLE, "").trim();
  if (text.length > MAX_COMMENT_CHARS) {
    throw new FactuallyError(
      "BAD_INPUT",
      `the comment is ${text.length.toLocaleString("en")} characters; the limit is ${MAX_COMMENT_CHARS.toLocaleString("en")} — shorten it`,
    );
  }
  return text === "" ? undefined : text;
}
