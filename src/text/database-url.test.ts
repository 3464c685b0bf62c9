import { describe, expect, it } from "vitest";
import { isPostgresUrl, redactDatabaseUrl } from "./database-url.js";

describe("database URLs", () => {
  it("tells PostgreSQL URLs from SQLite paths", () => {
    expect(isPostgresUrl("postgres://u@h/db")).toBe(true);
    expect(isPostgresUrl("postgresql://u@h/db")).toBe(true);
    expect(isPostgresUrl("./data/factually.db")).toBe(false);
    expect(isPostgresUrl(":memory:")).toBe(false);
    expect(isPostgresUrl("/srv/postgres://x.db")).toBe(false);
  });

  it("never shows a password, in the user part or as a parameter", () => {
    const shown = redactDatabaseUrl(
      "postgres://app:s3cr%40t@db.example:5432/facts?password=p2&x=1",
    );
    expect(shown).not.toContain("s3cr");
    expect(shown).not.toContain("p2");
    expect(shown).toBe("postgres://app@db.example:5432/facts?x=1");
    expect(redactDatabaseUrl("postgres://postgres@127.0.0.1:5432/test")).toBe(
      "postgres://postgres@127.0.0.1:5432/test",
    );
  });

  it("does not echo a password from a URL it cannot parse", () => {
    expect(redactDatabaseUrl("postgres://app:hunter2@[bad/db")).not.toContain("hunter2");
  });
});
