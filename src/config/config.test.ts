import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "factually-config-"));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe("loadConfig", () => {
  it("defaults to ./data/factually.db in the working folder", () => {
    expect(loadConfig({ cwd, env: {} })).toEqual({ db: join(cwd, "data", "factually.db") });
  });

  it("ranks flag over env over file over default", () => {
    writeFileSync(join(cwd, "factually.config.json"), JSON.stringify({ db: "file.db" }));
    const file = join(cwd, "factually.config.json");
    expect(loadConfig({ cwd, env: {} })).toEqual({ db: join(cwd, "file.db"), file });
    expect(loadConfig({ cwd, env: { FACTUALLY_DB: "env.db" } }).db).toBe(join(cwd, "env.db"));
    expect(loadConfig({ cwd, env: { FACTUALLY_DB: "env.db" }, flags: { db: "flag.db" } }).db).toBe(
      join(cwd, "flag.db"),
    );
  });

  it("resolves the file's db path against the file's folder, and reads FACTUALLY_CONFIG", () => {
    const other = mkdtempSync(join(tmpdir(), "factually-config-other-"));
    try {
      writeFileSync(join(other, "custom.json"), JSON.stringify({ db: "here.db" }));
      const config = loadConfig({ cwd, env: { FACTUALLY_CONFIG: join(other, "custom.json") } });
      expect(config.db).toBe(join(other, "here.db"));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("treats empty env values as unset and keeps :memory: as is", () => {
    expect(loadConfig({ cwd, env: { FACTUALLY_DB: " " } }).db).toBe(
      join(cwd, "data", "factually.db"),
    );
    expect(loadConfig({ cwd, env: { FACTUALLY_DB: ":memory:" } }).db).toBe(":memory:");
  });

  it("fails with BAD_CONFIG naming the file for unknown keys, wrong types and a missing file", () => {
    writeFileSync(join(cwd, "factually.config.json"), JSON.stringify({ db: 3 }));
    expect(() => loadConfig({ cwd, env: {} })).toThrow(/factually\.config\.json: db: /);
    writeFileSync(join(cwd, "factually.config.json"), JSON.stringify({ dbpath: "x" }));
    expect(() => loadConfig({ cwd, env: {} })).toThrow(/dbpath/);
    expect(() => loadConfig({ cwd, env: { FACTUALLY_CONFIG: "nope.json" } })).toThrow(
      /FACTUALLY_CONFIG points at .*nope\.json, which does not exist/,
    );
  });
});
