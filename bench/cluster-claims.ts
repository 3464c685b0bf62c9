// Distinct claims for the cluster benchmark: the sample corpus's titles, then the same titles
// under a few content-word lead-ins, kept only when their check id is new — so every check in a
// run is a real run of its own, never one request joining another.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkIdForInput } from "../dist/text/check-id.js";

export const CORPUS = fileURLToPath(
  new URL("../corpus/check-covid/abstracts.jsonl", import.meta.url),
);

/** Lead-ins with content words (stopwords alone would give the same check id). */
const LEAD_INS = [
  "",
  "Studies report: ",
  "A trial found ",
  "Researchers concluded ",
  "Evidence suggests ",
  "Clinicians observed ",
  "A review showed ",
];

/** `count` claims with distinct check ids; throws when the corpus cannot give that many. */
export function distinctClaims(count: number): string[] {
  const titles = readFileSync(CORPUS, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { title?: string }).title?.trim() ?? "")
    .filter((title) => title.length >= 20);
  const ids = new Set<string>();
  const claims: string[] = [];
  for (const lead of LEAD_INS) {
    for (const title of titles) {
      const text = lead === "" ? title : `${lead}${title[0]?.toLowerCase()}${title.slice(1)}`;
      const id = checkIdForInput(text);
      if (ids.has(id)) continue;
      ids.add(id);
      claims.push(text);
      if (claims.length === count) return claims;
    }
  }
  throw new RangeError(`the sample corpus gives ${claims.length} distinct claims, not ${count}`);
}
