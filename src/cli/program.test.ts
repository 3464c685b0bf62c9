// The command line end to end, in process: exit codes, messages, and that nothing stored is lost.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LATEST_SCHEMA } from "../store/sqlite/migrations.js";
import { runCaptured } from "./captured-io.js";

const FIXTURES = resolve(import.meta.dirname, "../../test/fixtures/ingest");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-cli-"));
  db = join(dir, "corpus.db");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runCaptured(args, { cwd: dir, env });
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ABOUT_MASKS = JSON.stringify({
  id: "masks",
  title: "Face masks and respiratory viruses",
  text: "Community use of face masks reduced the transmission of respiratory viruses in households.",
});
const ABOUT_VITAMIN = JSON.stringify({
  id: "vitamin",
  title: "Vitamin D supplements",
  text: "Vitamin D supplementation did not prevent fractures in older adults living at home.",
});

/** Stored documents, read with a second connection, so the CLI's own code is not trusted. */
function storedIds(): string[] {
  const conn = new Database(db, { readonly: true });
  try {
    return (
      conn.prepare("SELECT id FROM documents ORDER BY id").all() as Array<{ id: string }>
    ).map((r) => r.id);
  } finally {
    conn.close();
  }
}

function expectOneLineError(run: Run, ...fragments: string[]) {
  expect(run.code).toBe(2);
  for (const fragment of fragments) expect(run.stderr).toContain(fragment);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("factually ingest", () => {
  it("stores documents and prints a summary with counts", async () => {
    const file = write("docs.jsonl", `${ABOUT_MASKS}\n${ABOUT_VITAMIN}\n`);
    const run = await cli(["ingest", file, "--db", db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Ingested 2 documents from 1 file into .*\(2 added, 0 updated, 0 unchanged, 0 duplicate\) · 2 passages indexed · 0 skipped · \d+\.\d s/,
    );
    expect(storedIds()).toEqual(["masks", "vitamin"]);
  });

  it("does not duplicate documents ingested again", async () => {
    const file = write("docs.jsonl", `${ABOUT_MASKS}\n${ABOUT_VITAMIN}\n`);
    await cli(["ingest", file, "--db", db]);
    const again = await cli(["ingest", file, "--db", db, "--json"]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as { documents: Record<string, number> };
    expect(summary.documents).toEqual({ added: 0, updated: 0, unchanged: 2, duplicate: 0 });
    expect(storedIds()).toEqual(["masks", "vitamin"]);
  });

  it("takes the database from FACTUALLY_DB, and --db over it", async () => {
    const file = write("docs.jsonl", `${ABOUT_MASKS}\n`);
    const fromEnv = join(dir, "env.db");
    expect((await cli(["ingest", file], { FACTUALLY_DB: fromEnv })).code).toBe(0);
    expect(existsSync(fromEnv)).toBe(true);
    expect((await cli(["ingest", file, "--db", db], { FACTUALLY_DB: fromEnv })).code).toBe(0);
    expect(storedIds()).toEqual(["masks"]);
  });

  it("uses ./data/factually.db when nothing else is configured", async () => {
    const file = write("docs.jsonl", `${ABOUT_MASKS}\n`);
    expect((await cli(["ingest", file])).code).toBe(0);
    expect(existsSync(join(dir, "data", "factually.db"))).toBe(true);
  });

  it("reports a missing path, naming it, and stores nothing", async () => {
    const good = write("docs.jsonl", `${ABOUT_MASKS}\n`);
    const run = await cli(["ingest", good, "nope/missing.jsonl", "--db", db]);
    expectOneLineError(run, "nope/missing.jsonl", "check the path");
    expect(storedIds()).toEqual([]);
  });

  it("skips a malformed JSONL line with file:line and keeps the rest", async () => {
    write("docs.jsonl", `${ABOUT_MASKS}\n{"id": "broken", "text": \n${ABOUT_VITAMIN}\n`);
    const run = await cli(["ingest", "docs.jsonl", "--db", db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^skipped docs\.jsonl:2: /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toContain("1 skipped");
    expect(storedIds()).toEqual(["masks", "vitamin"]);
  });

  it("skips a PDF that fails to parse and an HTML page without text, keeping the other files", async () => {
    copyFileSync(join(FIXTURES, "truncated.pdf"), join(dir, "truncated.pdf"));
    copyFileSync(join(FIXTURES, "empty-shell.html"), join(dir, "empty-shell.html"));
    write("docs.jsonl", `${ABOUT_MASKS}\n`);
    const run = await cli(["ingest", ".", "--db", db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^skipped truncated\.pdf: .+/m);
    expect(run.stderr).toMatch(/^skipped empty-shell\.html: .+/m);
    expect(run.stderr).toContain("Everything else was stored");
    expect(storedIds()).toEqual(["masks"]);
  });

  it("skips an unreadable file, naming it, and keeps what was stored before", async () => {
    const first = write("first.jsonl", `${ABOUT_MASKS}\n`);
    expect((await cli(["ingest", first, "--db", db])).code).toBe(0);
    // Root reads any file whatever its mode, so there the kernel's own unreadable file stands in.
    const isRoot = process.getuid?.() === 0;
    const unreadable = isRoot ? "/proc/self/mem" : write("locked.txt", "secret");
    if (!isRoot) chmodSync(unreadable, 0o000);
    const run = await cli([
      "ingest",
      unreadable,
      write("more.jsonl", `${ABOUT_VITAMIN}\n`),
      "--db",
      db,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^skipped .*(mem|locked\.txt): cannot read the file/m);
    expect(storedIds()).toEqual(["masks", "vitamin"]);
  });

  it("leaves a database file that is not SQLite untouched", async () => {
    const notSqlite = write("notes.db", "these are my notes, not a database\n".repeat(200));
    const before = readFileSync(notSqlite);
    const run = await cli(["ingest", write("docs.jsonl", `${ABOUT_MASKS}\n`), "--db", notSqlite]);
    expectOneLineError(run, "notes.db", "is not a Factually database", "--db");
    expect(readFileSync(notSqlite).equals(before)).toBe(true);
  });

  it("refuses a database from a newer schema, and loses nothing in it", async () => {
    const file = write("docs.jsonl", `${ABOUT_MASKS}\n`);
    await cli(["ingest", file, "--db", db]);
    const conn = new Database(db);
    conn.pragma(`user_version = ${LATEST_SCHEMA + 1}`);
    conn.close();
    const run = await cli(["ingest", write("more.jsonl", `${ABOUT_VITAMIN}\n`), "--db", db]);
    expectOneLineError(run, "corpus.db", "newer Factually", "upgrade");
    expect(storedIds()).toEqual(["masks"]);
  });

  it("rejects an unknown --format with the list of formats", async () => {
    const run = await cli(["ingest", "x", "--format", "docx", "--db", db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("jsonl");
    expect(existsSync(db)).toBe(false);
  });
});

describe("factually search", () => {
  beforeEach(async () => {
    const file = write("docs.jsonl", `${ABOUT_MASKS}\n${ABOUT_VITAMIN}\n`);
    expect((await cli(["ingest", file, "--db", db])).code).toBe(0);
  });

  it("ranks the matching document first and marks the matched words", async () => {
    const run = await cli(["search", "Do face masks reduce transmission?", "--db", db]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("1. Face masks and respiratory viruses");
    expect(run.stdout).toContain("«face» «masks» «reduced» the «transmission»");
  });

  it("prints JSON with offsets and highlight ranges", async () => {
    const run = await cli(["search", "vitamin fractures", "--db", db, "--json", "--limit", "1"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      results: Array<{
        id: string;
        rank: number;
        passage: { text: string; highlights: [number, number][] };
      }>;
    };
    expect(out.results).toHaveLength(1);
    const [first] = out.results;
    expect(first?.id).toBe("vitamin");
    const words = first?.passage.highlights.map(([s, e]) => first.passage.text.slice(s, e));
    expect(words).toEqual(["Vitamin", "fractures"]);
  });

  it.each([
    ['"unbalanced masks'],
    ["NEAR(face masks)"],
    ["masks AND OR NOT"],
    ["mask* -vitamin title:masks ^face"],
    ["{face masks}"],
    ["😷 masks"],
  ])("treats %s as plain words", async (query) => {
    const run = await cli(["search", query, "--db", db, "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { results: Array<{ id: string }> };
    expect(out.results[0]?.id).toBe("masks");
  });

  it("says so when nothing matches", async () => {
    const run = await cli(["search", "quantum chromodynamics", "--db", db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No documents match "quantum chromodynamics"');
  });

  it.each([[""], ["   "]])("rejects the empty query %j with exit 2", async (query) => {
    const run = await cli(["search", query, "--db", db]);
    expectOneLineError(run, "the query is empty");
  });

  it("rejects a query without a single word", async () => {
    expectOneLineError(await cli(["search", "?! -- ()", "--db", db]), "has no words");
  });

  it("rejects a limit that is not a whole number from 1 to 1000", async () => {
    for (const limit of ["0", "-3", "ten", "2.5", "5000"]) {
      const run = await cli(["search", "masks", "--db", db, "--limit", limit]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("expected a whole number from 1 to 1000");
    }
  });

  it("says a PostgreSQL server cannot be reached, without the password and without a file check", async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as { port: number };
    await new Promise((done) => server.close(done));
    const run = await cli([
      "search",
      "masks",
      "--db",
      `postgres://app:hunter2@127.0.0.1:${port}/facts`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `cannot reach the PostgreSQL database postgres://app@127.0.0.1:${port}/facts`,
    );
    expect(run.stderr).toContain("check that the server is running");
    expect(run.stderr).not.toContain("no database at");
    expect(run.stderr).not.toContain("hunter2");
  });

  it("points at ingest when the database does not exist, without creating it", async () => {
    const missing = join(dir, "missing.db");
    const run = await cli(["search", "masks", "--db", missing]);
    expectOneLineError(run, "no database at", "factually ingest");
    expect(existsSync(missing)).toBe(false);
  });
});

describe("configuration and usage errors", () => {
  it("reads the database path from factually.config.json", async () => {
    write("factually.config.json", JSON.stringify({ db: "from-config.db" }));
    const run = await cli(["ingest", write("docs.jsonl", `${ABOUT_MASKS}\n`)]);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "from-config.db"))).toBe(true);
  });

  it("names the config file and the bad key", async () => {
    write("factually.config.json", JSON.stringify({ database: "x.db" }));
    const run = await cli(["search", "masks"]);
    expectOneLineError(run, "factually.config.json", "database", "the keys it accepts are: db");
  });

  it("names a config file that is not JSON", async () => {
    write("factually.config.json", "{ db: ");
    expectOneLineError(await cli(["search", "masks"]), "factually.config.json is not valid JSON");
  });

  it("exits 2 on an unknown command or option, 0 on --help", async () => {
    expect((await cli(["frobnicate"])).code).toBe(2);
    const typo = await cli(["nosuch", "--help"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'nosuch'");
    expect(typo.stdout).toBe("");
    expect((await cli(["search", "x", "--colour"])).code).toBe(2);
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("ingest");
  });
});

describe("factually eval check-covid", () => {
  it("names the Check-COVID folder, not SciFact's, when its data is missing", async () => {
    const run = await cli(["eval", "check-covid", "--data", "no-such-dir"]);
    expectOneLineError(
      run,
      "no-such-dir",
      "the Check-COVID folder (corpus.json, test/, dev/, train/)",
    );
    expect(run.stderr).not.toContain("SciFact");
  });
});

describe("factually eval scifact-retrieval", () => {
  it("names the missing data folder and how to point at one", async () => {
    const run = await cli(["eval", "scifact-retrieval", "--data", "no-such-dir"]);
    expectOneLineError(run, "no-such-dir", "--data");
  });
});
