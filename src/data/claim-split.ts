// Which part of a data set a claim belongs to: a stable hash of its id (never its position),
// so that every pair of one claim lands on the same side and the split never moves.
import { createHash } from "node:crypto";

export type ClaimPart = "train" | "report";

/** Share of each set's claims that is kept for reporting (never trained or tuned on). */
export const REPORT_SHARE = 0.3;

/**
 * `report` for a stable ~30 % of a set's claims, `train` for the rest. `group` is the claim's
 * group id (a claim id, or the id that ties paraphrases and twins of one claim together).
 */
export function claimPart(set: string, group: string, reportShare = REPORT_SHARE): ClaimPart {
  const digest = createHash("sha256").update(`factually-split\u0000${set}\u0000${group}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < reportShare ? "report" : "train";
}
