// The CLI's input edge with the built binary: claims with one long unbroken token, a letter under
// a pile of accents or control characters make a check (exit 0) or a usage error (exit 2), never
// an "internal error". Few runs on purpose: each starts a process; the API fuzz test does volume.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32, randomInt } from "../text/prng.js";
import { ROOT, requireBuiltBinary, runBuiltCli } from "./testing/built-cli.js";

const DOCUMENTS = join(ROOT, "test/fixtures/ingest/guide.md");

let dir: string;
let db: string;

beforeAll(async () => {
  requireBuiltBinary();
  dir = mkdtempSync(join(tmpdir(), "factually-fuzz-e2e-"));
  db = join(dir, "fuzz.db");
  const ingest = await runBuiltCli(["ingest", DOCUMENTS, "--db", db], { cwd: dir });
  expect(ingest.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A base64 blob of `n` seeded random bytes. */
function blob(seed: number, n: number): string {
  const random = mulberry32(seed);
  return Buffer.from(Array.from({ length: n }, () => randomInt(random, 0, 255))).toString("base64");
}

const CASES: Array<[string, string]> = [
  ["a base64 blob of 640 characters", `Masks ${blob(9, 480)} reduce influenza`],
  ["Thai without spaces", "การสวมหน้ากากช่วยลดการแพร่กระจายของโรคโควิด".repeat(12)],
  ["a word under 1,900 accents", `Masks${"\u0301".repeat(1900)}`],
  ["control and bidi characters", "Masks\u0007 reduce\u001b[31m flu\u202e"],
];

describe("factually check on unusual input", () => {
  it.each(CASES)(
    "checks %s without an internal error",
    async (_name, claim) => {
      const run = await runBuiltCli(["check", claim, "--db", db], { cwd: dir });
      expect(run.stderr).not.toMatch(/internal error/i);
      expect([0, 2], run.stderr).toContain(run.code);
    },
    60_000,
  );
});
