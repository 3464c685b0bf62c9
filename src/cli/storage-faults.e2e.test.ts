// Storage faults through the built binary: a damaged database, one on read-only media and a
// full disk each get a message naming the file and what to do, never "internal error".
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CAN_MOUNT,
  damagePages,
  makeDatabase,
  readOnlyCopy,
  tinyDisk,
} from "../store/sqlite/testing/storage-conditions.js";
import { ROOT, requireBuiltBinary, runBuiltCli } from "./testing/built-cli.js";

let dir: string;
let source: string;
const undo: Array<() => void> = [];

beforeAll(async () => {
  requireBuiltBinary();
  dir = mkdtempSync(join(tmpdir(), "factually-faults-e2e-"));
  source = join(dir, "source.db");
  await makeDatabase(source);
}, 60_000);
afterAll(() => {
  for (const step of undo.reverse()) step();
  rmSync(dir, { recursive: true, force: true });
});

const factually = (...args: string[]) => runBuiltCli(args, { cwd: dir });

describe("a damaged database", () => {
  it("makes search, check and ingest say it is damaged, name the file and exit 1", async () => {
    const file = join(dir, "damaged.db");
    copyFileSync(source, file);
    damagePages(file);
    const runs = await Promise.all([
      factually("search", "masks influenza", "--limit", "50", "--db", file),
      factually("check", "Masks reduce influenza in households.", "--db", file),
      factually("ingest", join(ROOT, "corpus/check-covid/abstracts.jsonl"), "--db", file),
    ]);
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/internal error/i);
      expect(run.stderr).toContain(`the database ${file} is damaged`);
      expect(run.stderr).toContain('sqlite3 damaged.db "PRAGMA integrity_check"');
      expect(run.code).toBe(1);
    }
  }, 60_000);
});

describe("a database on read-only media", () => {
  it("is read by show, search and history; check says read-only", async () => {
    const copy = readOnlyCopy(source, join(dir, "media"));
    undo.push(copy.release);
    const [search, history, show, check] = await Promise.all([
      factually("search", "masks", "--db", copy.file),
      factually("history", "--db", copy.file),
      factually("show", "no-such-check-12345678", "--db", copy.file),
      factually("check", "Masks reduce influenza.", "--db", copy.file),
    ]);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toContain("Document");
    expect(history.code, history.stderr).toBe(0);
    // The database opened: the check id is what is missing.
    expect(show.stderr).toContain("no check no-such-check-12345678; try `factually history`");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("is read-only");
    expect(check.stderr).not.toMatch(/internal error/i);
  }, 60_000);
});

describe("a full disk", () => {
  it.skipIf(!CAN_MOUNT)(
    "makes ingest say the disk is full; what was stored stays",
    async () => {
      const disk = tinyDisk(join(dir, "disk"), "1m");
      undo.push(disk.release);
      const file = join(disk.dir, "full.db");
      const corpus = join(ROOT, "corpus/check-covid/abstracts.jsonl");
      const first = await factually(
        "ingest",
        join(ROOT, "test/fixtures/ingest/guide.md"),
        "--db",
        file,
      );
      expect(first.code, first.stderr).toBe(0);
      const full = await factually("ingest", corpus, "--db", file);
      expect(full.code).toBe(1);
      expect(full.stderr).toContain("is full");
      expect(full.stderr).toContain("free some disk space");
      expect(full.stderr).not.toMatch(/internal error/i);
      const after = await factually("search", "guide", "--db", file);
      expect(after.code, after.stderr).toBe(0);
    },
    60_000,
  );
});
