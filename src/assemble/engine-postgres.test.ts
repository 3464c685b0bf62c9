// openEngine on a PostgreSQL URL: the configuration picks the server store, and the engine's
// location never shows the password.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { openPostgresStore } from "../store/postgres/open.js";
import {
  SKIP_REASON,
  TEST_DATABASE_URL,
  testSchemas,
} from "../store/postgres/testing/test-database.js";
import { openEngine } from "./engine.js";

describe.skipIf(!TEST_DATABASE_URL)(`openEngine on PostgreSQL${SKIP_REASON}`, () => {
  const schemas = testSchemas();
  const cwd = mkdtempSync(join(tmpdir(), "factually-engine-pg-"));
  afterAll(async () => {
    await schemas.dropAll();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("opens the PostgreSQL store named by FACTUALLY_DATABASE_URL and checks against its corpus", async () => {
    const schema = schemas.name();
    const url = new URL(TEST_DATABASE_URL ?? "");
    url.password = "hunter2"; // trust auth ignores it; it must not show anywhere
    url.searchParams.set("options", `-c search_path=${schema}`);
    // search_path can only name a schema that exists: create it (empty) first.
    await (await openPostgresStore(TEST_DATABASE_URL ?? "", { schema })).close();
    const config = loadConfig({ cwd, env: { FACTUALLY_DATABASE_URL: url.toString() } });
    const engine = await openEngine(config, { model: "offline" });
    try {
      expect(engine.location.startsWith("postgres://")).toBe(true);
      expect(engine.location).not.toContain("hunter2");
      await engine.corpus.upsertDocuments([
        {
          id: "masks-trial",
          title: "Face masks and influenza in households",
          text: "Face masks worn within 36 hours of symptom onset reduced household transmission of influenza in a randomised trial.",
        },
      ]);
      const result = await engine.check({
        text: "Face masks reduce household transmission of influenza.",
      });
      expect(result.version.sources.map((s) => s.documentId)).toContain("masks-trial");
      expect((await engine.checks.getCheck(result.check.id))?.versions).toHaveLength(1);
    } finally {
      await engine.close();
    }
  });
});
