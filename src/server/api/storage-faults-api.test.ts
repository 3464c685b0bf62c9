// The API and the pages over a damaged database, one on read-only media and one on a full disk:
// each says what happened (500 damaged, 503 read-only, 507 full) without the server's paths,
// and reading what is stored keeps working where it can.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openEngine } from "../../assemble/engine.js";
import { loadConfig } from "../../config/config.js";
import type { StoreAccess } from "../../core/interfaces/stores.js";
import {
  CAN_MOUNT,
  damagePages,
  fillDisk,
  makeDatabase,
  readOnlyCopy,
  tinyDisk,
} from "../../store/sqlite/testing/storage-conditions.js";
import { type RunningServer, startServer } from "../start.js";
import { postJson } from "./testing/http.js";

let shared: string;
let source: string;
let dir: string;
const undo: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), "factually-api-faults-"));
  source = join(shared, "source.db");
  await makeDatabase(source);
});
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});
afterAll(() => rmSync(shared, { recursive: true, force: true }));

async function serveFile(file: string, access: StoreAccess): Promise<RunningServer> {
  dir = mkdtempSync(join(tmpdir(), "factually-api-faults-cwd-"));
  const config = loadConfig({ cwd: dir, env: { FACTUALLY_DB: file } });
  const engine = await openEngine(config, { access, model: "offline" });
  const server = await startServer({
    engine,
    port: 0,
    host: "127.0.0.1",
    version: "0.0.0-test",
  });
  undo.push(async () => {
    await server.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return server;
}

interface ErrorJson {
  error: { code: string; message: string };
}

describe("a damaged database", () => {
  it("answers a search with 500 STORE_DAMAGED that says so, without the file's path", async () => {
    const file = join(shared, "damaged.db");
    copyFileSync(source, file);
    damagePages(file);
    const server = await serveFile(file, "read-write");
    const response = await fetch(
      `${server.url}/api/search?q=${encodeURIComponent("masks influenza")}&limit=50`,
    );
    expect(response.status).toBe(500);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe("STORE_DAMAGED");
    expect(body.error.message).toContain("damaged");
    expect(body.error.message).toContain("integrity_check");
    expect(body.error.message).not.toContain(file);
  });
});

describe("a database on read-only media", () => {
  it("serves what is stored and refuses a new check with 503 STORE_READ_ONLY", async () => {
    const copy = readOnlyCopy(source, join(shared, "media"));
    undo.push(copy.release);
    const server = await serveFile(copy.file, "read-write-else-read-only");
    const search = await fetch(`${server.url}/api/search?q=masks`);
    expect(search.status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    const refused = await postJson(`${server.url}/api/checks`, { text: "Masks reduce influenza." });
    expect(refused.status).toBe(503);
    const body = (await refused.json()) as ErrorJson;
    expect(body.error.code).toBe("STORE_READ_ONLY");
    expect(body.error.message).toContain("read-only");
    const form = await fetch(`${server.url}/check`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ text: "Masks reduce influenza." }),
      redirect: "manual",
    });
    expect(form.status).toBe(503);
    expect(await form.text()).toContain("read-only");
  });
});

describe("a full disk", () => {
  it.skipIf(!CAN_MOUNT)("answers a check that cannot be saved with 507 STORE_FULL", async () => {
    const disk = tinyDisk(join(shared, "disk"), "600k");
    undo.push(disk.release);
    const file = join(disk.dir, "full.db");
    await makeDatabase(file, 20);
    const server = await serveFile(file, "read-write");
    // Fill the rest of the disk, so the check's version cannot be written.
    fillDisk(join(disk.dir, "filler"));
    const response = await postJson(`${server.url}/api/checks`, {
      text: "Masks reduce influenza.",
    });
    expect(response.status).toBe(507);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe("STORE_FULL");
    expect(body.error.message).toContain("disk is full");
  });
});
