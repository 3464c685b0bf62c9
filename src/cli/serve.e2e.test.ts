// `factually serve` as a user starts it (the built binary): a new database gets the sample
// corpus, the pages and the API answer on the printed address, Ctrl-C stops it cleanly, and a
// port already taken is a clear exit 2. Uses the built binary (npm test builds it first).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, requireBuiltBinary, runBuiltCli } from "./testing/built-cli.js";

let dir: string;
beforeAll(() => {
  requireBuiltBinary();
  dir = mkdtempSync(join(tmpdir(), "factually-serve-e2e-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `serve` and resolves with the address it prints. */
function startServe(
  args: string[],
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve", ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "" },
    });
    let out = "";
    let err = "";
    child.stderr?.on("data", (c) => (err += c));
    child.stdout?.on("data", (c) => {
      out += c;
      const m = / at (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1], stderr: () => err });
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

describe("factually serve", () => {
  it("ingests the sample corpus into a new database, serves pages and API, and stops on Ctrl-C", async () => {
    const { child, url, stderr } = await startServe([
      "--port",
      "0",
      "--sample-corpus",
      "--db",
      "serve.db",
    ]);
    try {
      // The same counts as `factually ingest` prints: 347 abstracts, one of them twice.
      expect(stderr()).toMatch(
        /Sample corpus: Ingested 347 documents from 1 file into .* \(346 added, 0 updated, 0 unchanged, 1 duplicate\)/,
      );
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok" });
      const ready = (await (await fetch(`${url}/api/ready`)).json()) as {
        corpus: { documents: number };
      };
      expect(ready.corpus.documents).toBeGreaterThan(300);
      const home = await fetch(`${url}/`);
      expect(home.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await home.text()).toContain("Enter a claim or question");
      const created = await fetch(`${url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Face masks reduce the spread of COVID-19." }),
      });
      expect(created.status).toBe(201);
      const { check } = (await created.json()) as { check: { id: string } };
      const page = await fetch(`${url}/check/${check.id}`);
      expect(await page.text()).toContain("Want to dive deeper?");
    } finally {
      const exited = new Promise<number | null>((done) => child.once("exit", done));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    }
  }, 60_000);

  it("says so, with exit 2, when the port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
    const port = (taken.address() as { port: number }).port;
    try {
      const run = await runBuiltCli(["serve", "--port", String(port), "--db", "taken.db"], {
        cwd: dir,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `cannot listen on 127\\.0\\.0\\.1:${port} \\(the port is in use\\); pass another --port`,
        ),
      );
    } finally {
      await new Promise((done) => taken.close(done));
    }
  });
});
