// The web reader with the real guarded fetcher against a loopback server (loopback allowed for
// the test): pages become snapshots, a second read re-validates, a changed page gets a new
// snapshot, an unreachable page falls back to its snapshot, PDFs and plain text are read.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchHit } from "../core/schema/search-hit.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import type { SqliteStores } from "../store/sqlite/sqlite-store.js";
import { createSafeFetcher, type SafeFetcher } from "../web/fetch/index.js";
import { WebReader } from "./web-reader.js";

const FIXTURES = join(import.meta.dirname, "../../test/fixtures");
const ARTICLE = readFileSync(join(FIXTURES, "web/site/reuters-masks.html"));
const PDF = readFileSync(join(FIXTURES, "ingest/article.pdf"));

let server: Server;
let base = "";
let store: SqliteStores;
let fetcher: SafeFetcher;
let reader: WebReader;
let version = 1;
let down = false;
const conditional: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/robots.txt") return void res.writeHead(404).end();
    if (down) return void res.writeHead(503, { "content-type": "text/plain" }).end("down");
    if (path === "/article") {
      const etag = `"v${version}"`;
      const inm = req.headers["if-none-match"];
      if (typeof inm === "string") conditional.push(inm);
      if (inm === etag) return void res.writeHead(304, { etag }).end();
      const body =
        version === 1
          ? ARTICLE
          : Buffer.from(ARTICLE.toString().replace("11 percent", "12 percent"));
      return void res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", etag })
        .end(body);
    }
    if (path === "/paper.pdf")
      return void res.writeHead(200, { "content-type": "application/pdf" }).end(PDF);
    if (path === "/notes.txt") {
      return void res
        .writeHead(200, { "content-type": "text/plain; charset=utf-8" })
        .end("Plain notes: face masks were worn by 90% of the participants.\n");
    }
    if (path === "/empty")
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end("<html><body><nav>Home</nav></body></html>");
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = openSqliteStore(":memory:");
  fetcher = createSafeFetcher({ userAgent: "factually-test", allowLoopback: true });
  reader = new WebReader(store.snapshots, fetcher);
});
afterAll(async () => {
  await fetcher.close();
  await store.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const hit = (path: string, over: Partial<SearchHit> = {}): SearchHit => ({
  providerId: "searxng",
  query: "masks",
  rank: 1,
  score: 1,
  title: `hit for ${path}`,
  url: `${base}${path}`,
  snippet: "",
  ...over,
});

describe("WebReader", () => {
  it("reads a page into a snapshot with its publisher, dates and metadata", async () => {
    const { document: doc, snapshotId } = await reader.read(hit("/article"));
    expect(snapshotId).toBe(doc.id);
    expect(doc).toMatchObject({
      id: expect.stringMatching(/^snap-/),
      title: "Study of 600 villages finds surgical masks cut COVID-19 symptoms",
      url: `${base}/article`,
      publisher: "Reuters",
      publishedAt: "2021-09-01T14:05:00Z",
      metadata: expect.objectContaining({
        modifiedAt: "2021-09-02T08:00:00Z",
        jsonLdType: ["NewsArticle"],
        author: "Jane Reporter",
        contentType: "text/html",
      }),
    });
    expect(doc.text).toContain("reduced symptomatic COVID-19 infections by about 11 percent");
    expect((await store.snapshots.getSnapshot(doc.id))?.etag).toBe('"v1"');
  });

  it("re-validates a page read before and keeps its snapshot when unchanged", async () => {
    const { document: first } = await reader.read(hit("/article"));
    const { document: again } = await reader.read(hit("/article"));
    expect(conditional.at(-1)).toBe('"v1"');
    expect(again.id).toBe(first.id);
    expect(again.text).toBe(first.text);
  });

  it("gives a changed page a new snapshot and keeps the old one", async () => {
    const { document: before } = await reader.read(hit("/article"));
    version = 2;
    const { document: after } = await reader.read(hit("/article"));
    expect(after.id).not.toBe(before.id);
    expect(after.text).toContain("12 percent");
    expect((await store.snapshots.getSnapshot(before.id))?.text).toContain("11 percent");
  });

  it("falls back to the last snapshot, saying so, when the page cannot be read now", async () => {
    down = true;
    try {
      const { document: doc, note, snapshotId } = await reader.read(hit("/article"));
      expect(doc.text).toContain("12 percent");
      expect(snapshotId).toBe(doc.id);
      expect(note).toMatch(/^read from its snapshot of \d{4}-\d{2}-\d{2}: .*503/);
      await expect(reader.read(hit("/never-read"))).rejects.toMatchObject({
        code: "PROVIDER_FAILED",
      });
    } finally {
      down = false;
    }
  });

  it("reads PDFs and plain text", async () => {
    const { document: pdf } = await reader.read(hit("/paper.pdf"));
    expect(pdf.metadata.contentType).toBe("application/pdf");
    expect(pdf.text.length).toBeGreaterThan(50);
    const { document: txt } = await reader.read(hit("/notes.txt", { title: "Field notes" }));
    expect(txt).toMatchObject({
      title: "Field notes",
      text: "Plain notes: face masks were worn by 90% of the participants.",
    });
  });

  it("refuses a page with no readable text", async () => {
    await expect(reader.read(hit("/empty"))).rejects.toMatchObject({ code: "PARSE_FAILED" });
  });

  it("reads an earlier fact-check from the hit itself, without fetching", async () => {
    const { document: doc, priorFactCheck } = await reader.read(
      hit("/never-fetched", {
        url: "https://www.politifact.com/factchecks/x/",
        factCheck: {
          publisher: "PolitiFact",
          rating: "Mostly False",
          reviewedAt: "2023-02-06T00:00:00Z",
          url: "https://www.politifact.com/factchecks/x/",
          claimReviewed: "Face masks do not reduce the spread of COVID-19",
          claimant: "Social media users",
        },
      }),
    );
    expect(doc.text).toBe(
      'PolitiFact rated the claim "Face masks do not reduce the spread of COVID-19" by Social media users as "Mostly False" on 2023-02-06.',
    );
    expect(priorFactCheck).toMatchObject({ publisher: "PolitiFact" });
  });
});
