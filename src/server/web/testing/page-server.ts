// A real Factually server on 127.0.0.1 (or the given host; port 0) for page tests: a temporary SQLite store with a
// few small documents, configuration loaded with real defaults, and a clock the test moves (so
// a check can be made stale without waiting).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine } from "../../../assemble/engine.js";
import { loadConfig } from "../../../config/config.js";
import { type HtmlDocument, parseHtmlDocument } from "../../../read/html-dom.js";
import { openSqliteStore } from "../../../store/sqlite/open.js";
import type { SqliteStores } from "../../../store/sqlite/sqlite-store.js";
import type { RateLimiter } from "../../api/rate-limit.js";
import { type RunningServer, startServer } from "../../start.js";

const DOCUMENTS = [
  {
    id: "trial",
    title: "Vitamin D and influenza in schoolchildren",
    url: "https://journal.example.org/vitamin-d-trial",
    publisher: "Example Journal",
    publishedAt: "2024-05-01",
    text: "Vitamin D supplements reduced influenza A in schoolchildren in a randomised trial. The effect was largest in children who had not taken supplements before.",
  },
  {
    id: "null-trial",
    title: "A second trial of vitamin D",
    text: "Vitamin D supplements did not reduce influenza in adults. The trial followed two thousand adults over one winter.",
  },
  {
    id: "masks",
    title: "Face masks and respiratory infections",
    text: "Face masks reduced the spread of influenza in households when worn early. Masks worn late did not reduce the spread of respiratory infections.",
  },
  {
    id: "other",
    title: "Stock markets",
    text: "Stock markets fell on Monday after the announcement of new interest rates.",
  },
];

export interface PageServer extends RunningServer {
  store: SqliteStores;
  /** Moves the server's clock forward. */
  advance(days: number): void;
  /** GET (or any request) without following redirects. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A page's HTML, parsed. */
  page(path: string): Promise<{ response: Response; text: string; doc: HtmlDocument }>;
  /** A form post as a browser on this site sends it (urlencoded, with its Origin). */
  post(path: string, fields: Record<string, string | string[]>): Promise<Response>;
}

export async function startPageServer(
  env: Record<string, string> = {},
  options: { checkLimiter?: RateLimiter; host?: string } = {},
): Promise<PageServer> {
  const dir = mkdtempSync(join(tmpdir(), "factually-pages-"));
  const config = loadConfig({ cwd: dir, env });
  const store = openSqliteStore(join(dir, "pages.db"));
  await store.corpus.upsertDocuments(DOCUMENTS);
  let now = new Date("2026-11-25T12:00:00.000Z");
  const engine = await openEngine(config, { stores: store });
  const running = await startServer({
    engine,
    port: 0,
    host: options.host ?? "127.0.0.1",
    version: "0.0.0-test",
    now: () => now,
    ...(options.checkLimiter ? { checkLimiter: options.checkLimiter } : {}),
  });
  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}${path}`, { redirect: "manual", ...init });
  return {
    ...running,
    store,
    advance(days) {
      now = new Date(now.getTime() + days * 86_400_000);
    },
    request,
    async page(path) {
      const response = await request(path);
      const text = await response.text();
      return { response, text, doc: parseHtmlDocument(text) };
    },
    post(path, fields) {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) {
        for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
      }
      return request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: running.url },
        body,
      });
    },
    async close() {
      await running.close();
      await engine.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
