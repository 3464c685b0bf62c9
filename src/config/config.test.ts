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
    expect(loadConfig({ cwd, env: {} })).toEqual({
      db: join(cwd, "data", "factually.db"),
      freshnessDays: 30,
      web: expect.objectContaining({ search: ["local"], robots: true, allowLoopback: false }),
      server: {
        maxRunning: 2,
        maxQueued: 20,
        checksPerMinute: 10,
        refreshesPerMinute: 5,
        ratingsPerMinute: 30,
        commentBytesPerHour: 20_000,
        maxBodyBytes: 65536,
        corsOrigins: [],
        allowedHosts: [],
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        sessionIdleMinutes: 120,
        sessionMaxHours: 24,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 512,
      },
      autoRefresh: { enabled: false, perDay: 100, minAgeDays: 30 },
    });
  });

  it("ranks flag over env over file over default", () => {
    writeFileSync(join(cwd, "factually.config.json"), JSON.stringify({ db: "file.db" }));
    const file = join(cwd, "factually.config.json");
    expect(loadConfig({ cwd, env: {} })).toEqual({
      db: join(cwd, "file.db"),
      freshnessDays: 30,
      web: expect.objectContaining({ search: ["local"] }),
      server: expect.objectContaining({ maxRunning: 2 }),
      autoRefresh: expect.objectContaining({ enabled: false }),
      file,
    });
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

  it("takes a PostgreSQL URL from FACTUALLY_DATABASE_URL, --db or the file, unresolved", () => {
    const url = "postgres://app:secret@db.example:5432/facts";
    expect(
      loadConfig({ cwd, env: { FACTUALLY_DATABASE_URL: url, FACTUALLY_DB: "env.db" } }).db,
    ).toBe(url);
    expect(
      loadConfig({ cwd, env: { FACTUALLY_DATABASE_URL: url }, flags: { db: "flag.db" } }).db,
    ).toBe(join(cwd, "flag.db"));
    expect(loadConfig({ cwd, env: {}, flags: { db: "postgresql://h/db" } }).db).toBe(
      "postgresql://h/db",
    );
    writeFileSync(join(cwd, "factually.config.json"), JSON.stringify({ db: url }));
    expect(loadConfig({ cwd, env: {} }).db).toBe(url);
  });

  it("refuses a FACTUALLY_DATABASE_URL that is not a PostgreSQL URL, without echoing its password", () => {
    for (const value of ["mysql://u:hunter2@h/db", "postgres://u:hunter2@/db", "./file.db"]) {
      let error: unknown;
      try {
        loadConfig({ cwd, env: { FACTUALLY_DATABASE_URL: value } });
      } catch (caught) {
        error = caught;
      }
      expect(error, value).toMatchObject({
        code: "BAD_CONFIG",
        message: expect.stringContaining("FACTUALLY_DATABASE_URL"),
      });
      expect(String((error as Error).message)).not.toContain("hunter2");
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

  it("reads the freshness window, publisher and base URL from the file, env winning", () => {
    writeFileSync(
      join(cwd, "factually.config.json"),
      JSON.stringify({
        freshnessDays: 7,
        publisher: { name: "Example Desk", url: "https://desk.example" },
        baseUrl: "https://checks.example/",
      }),
    );
    expect(loadConfig({ cwd, env: {} })).toMatchObject({
      freshnessDays: 7,
      publisher: { name: "Example Desk", url: "https://desk.example" },
      baseUrl: "https://checks.example",
    });
    const env = {
      FACTUALLY_FRESHNESS_DAYS: "3",
      FACTUALLY_PUBLISHER: "Other Desk",
      FACTUALLY_PUBLISHER_URL: "https://other.example",
      FACTUALLY_BASE_URL: "http://localhost:8787",
    };
    expect(loadConfig({ cwd, env })).toMatchObject({
      freshnessDays: 3,
      publisher: { name: "Other Desk", url: "https://other.example" },
      baseUrl: "http://localhost:8787",
    });
  });

  it("reads scheduled re-checks: off by default, the minimum age following the freshness window", () => {
    expect(loadConfig({ cwd, env: { FACTUALLY_FRESHNESS_DAYS: "7" } }).autoRefresh).toEqual({
      enabled: false,
      perDay: 100,
      minAgeDays: 7,
    });
    const env = {
      FACTUALLY_AUTO_REFRESH: " ON ",
      FACTUALLY_AUTO_REFRESH_PER_DAY: "250",
      FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS: "1.5",
    };
    expect(loadConfig({ cwd, env }).autoRefresh).toEqual({
      enabled: true,
      perDay: 250,
      minAgeDays: 1.5,
    });
    expect(loadConfig({ cwd, env: { FACTUALLY_AUTO_REFRESH: "off" } }).autoRefresh.enabled).toBe(
      false,
    );
  });

  it("fails with BAD_CONFIG naming the variable for a bad scheduled re-check setting", () => {
    const bad = [
      [
        "FACTUALLY_AUTO_REFRESH",
        "sometimes",
        /FACTUALLY_AUTO_REFRESH="sometimes" is not valid: use on or off/,
      ],
      ["FACTUALLY_AUTO_REFRESH_PER_DAY", "0", /FACTUALLY_AUTO_REFRESH_PER_DAY="0" is not valid/],
      [
        "FACTUALLY_AUTO_REFRESH_PER_DAY",
        "ten",
        /FACTUALLY_AUTO_REFRESH_PER_DAY="ten" is not valid/,
      ],
      ["FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS", "-1", /FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS="-1"/],
    ] as const;
    for (const [name, value, message] of bad) {
      expect(() => loadConfig({ cwd, env: { [name]: value } })).toThrow(message);
      expect(() => loadConfig({ cwd, env: { [name]: value } })).toThrow(
        expect.objectContaining({ code: "BAD_CONFIG", target: name }),
      );
    }
  });

  it("reads the per-client abuse limits and names the variable of a bad one", () => {
    const env = {
      FACTUALLY_REFRESHES_PER_MINUTE: "2",
      FACTUALLY_RATINGS_PER_MINUTE: "7",
      FACTUALLY_COMMENT_BYTES_PER_HOUR: "9000",
    };
    expect(loadConfig({ cwd, env }).server).toMatchObject({
      refreshesPerMinute: 2,
      ratingsPerMinute: 7,
      commentBytesPerHour: 9000,
    });
    const bad = [
      ["FACTUALLY_REFRESHES_PER_MINUTE", "0"],
      ["FACTUALLY_RATINGS_PER_MINUTE", "many"],
      // Less than one longest comment could never be sent.
      ["FACTUALLY_COMMENT_BYTES_PER_HOUR", "100"],
    ] as const;
    for (const [name, value] of bad) {
      expect(() => loadConfig({ cwd, env: { [name]: value } })).toThrow(
        expect.objectContaining({ code: "BAD_CONFIG", target: name }),
      );
    }
  });

  it("fails with BAD_CONFIG naming the variable for a bad freshness window, URL or lone publisher URL", () => {
    for (const value of ["0", "-3", "2.5", "thirty", "99999"]) {
      expect(() => loadConfig({ cwd, env: { FACTUALLY_FRESHNESS_DAYS: value } })).toThrow(
        /FACTUALLY_FRESHNESS_DAYS=.* is not valid/,
      );
    }
    expect(() => loadConfig({ cwd, env: { FACTUALLY_BASE_URL: "javascript:alert(1)" } })).toThrow(
      /FACTUALLY_BASE_URL=.* is not valid: expected an http\(s\) URL/,
    );
    expect(() =>
      loadConfig({ cwd, env: { FACTUALLY_PUBLISHER_URL: "https://desk.example" } }),
    ).toThrow(/set FACTUALLY_PUBLISHER/);
    writeFileSync(join(cwd, "factually.config.json"), JSON.stringify({ freshnessDays: 0 }));
    expect(() => loadConfig({ cwd, env: {} })).toThrow(/freshnessDays/);
  });
});
