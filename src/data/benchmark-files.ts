// Finds a benchmark's files, failing with a message that names the folder or file missing and
// the flag that points elsewhere.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { FactuallyError } from "../core/errors.js";

/** Where a benchmark's data lives and what its folder must hold, for messages. */
export interface BenchmarkFolder {
  dir: string;
  /** e.g. "the LIAR-PLUS folder (val2.tsv)". */
  describe: string;
}

/** The path of `name` in the folder; BAD_INPUT naming the folder or the file when missing. */
export function requireDataFile(folder: BenchmarkFolder, name: string): string {
  const missing = !existsSync(folder.dir) ? folder.dir : join(folder.dir, name);
  if (missing === folder.dir || !existsSync(missing)) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${missing} not found; pass --data DIR pointing at ${folder.describe}`,
      { target: missing },
    );
  }
  return missing;
}
