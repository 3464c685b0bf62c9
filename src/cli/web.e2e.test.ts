// `factually check --web` as a user runs it, against a small web on 127.0.0.1: a SearXNG-shaped
// search API and fixture pages served under the host names they pretend to live at (resolved
// to loopback by the test-only FACTUALLY_TEST_HOSTS, with FACTUALLY_TEST_ALLOW_LOOPBACK), so the
// report cites fetched pages with their publisher, date and profile. Uses the built binary.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BinaryRun, ROOT, requireBuiltBinary, runBuiltCli } from "./testing/built-cli.js";

const SITE = join(ROOT, "test/fixtures/web/site");
const CLAIM = "Face masks reduce the spread of COVID-19.";

/** host → path → [fixture file, content type]. */
const PAGES: Record<string, Record<string, string>> = {
  "www.who.int": {
    "/emergencies/diseases/novel-coronavirus-2019/advice-for-public/when-and-how-to-use-masks":
      "who-masks.html",
    "/private/masks": "private.html",
  },
  "www.reuters.com": { "/world/masks-village-study": "reuters-masks.html" },
  "www.prnewswire.com": { "/news-releases/maskco-ultramask.html": "maskco-release.html" },
  "medium.com": { "/@someone/why-i-stopped": "blog-masks.html" },
};

let server: Server;
let port = 0;
let dir: string;
let db: string;
const seen: Array<{ host: string; path: string; status: number }> = [];

function page(host: string, path: string): string {
  return `http://${host}:${port}${path}`;
}

beforeAll(async () => {
  requireBuiltBinary();
  dir = mkdtempSync(join(tmpdir(), "factually-web-e2e-"));
  db = join(dir, "web.db");
  server = createServer((req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    const url = new URL(req.url ?? "/", "http://x");
    const record = (status: number) => seen.push({ host, path: url.pathname, status });
    if (host === "127.0.0.1" && url.pathname === "/search") {
      // SearXNG's JSON API: results[] with url, title, content, publishedDate, engine, score.
      const results = Object.entries(PAGES).flatMap(([h, paths]) =>
        Object.entries(paths).map(([path, file], i) => ({
          url: page(h, path),
          title: file.replace(/\.html$/, "").replace(/-/g, " "),
          content: "face masks covid-19 spread",
          engine: "duckduckgo",
          engines: ["duckduckgo"],
          score: 2 - i * 0.1,
          publishedDate: null,
        })),
      );
      record(200);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          query: url.searchParams.get("q"),
          number_of_results: results.length,
          results,
        }),
      );
      return;
    }
    if (url.pathname === "/robots.txt") {
      record(200);
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(readFileSync(join(SITE, "robots.txt")));
      return;
    }
    const file = PAGES[host]?.[url.pathname];
    if (!file) {
      record(404);
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    const etag = `"${file}-v1"`;
    if (req.headers["if-none-match"] === etag) {
      record(304);
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    record(200);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag });
    res.end(readFileSync(join(SITE, file)));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  port = (server.address() as AddressInfo).port;
}, 30_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  FACTUALLY_SEARCH: "searxng",
  FACTUALLY_SEARXNG_URL: `http://127.0.0.1:${port}`,
  FACTUALLY_TEST_ALLOW_LOOPBACK: "1",
  FACTUALLY_TEST_HOSTS: Object.keys(PAGES)
    .map((h) => `${h}=127.0.0.1`)
    .join(","),
  ...extra,
});

function factually(extra: Record<string, string>, ...args: string[]): Promise<BinaryRun> {
  return runBuiltCli([...args, "--db", db], { cwd: dir, env: env(extra) });
}

interface JsonSource {
  n: number;
  url?: string;
  title: string;
  publisher?: string;
  publishedAt?: string;
  profile: string;
  snapshotId?: string;
}

describe("factually check --web", () => {
  it("cites fetched pages with publisher, date and profile, and respects robots.txt", async () => {
    const run = await factually({}, "check", CLAIM, "--web", "--json");
    expect(run.stderr).toContain("FACTUALLY_TEST_ALLOW_LOOPBACK");
    expect(run.code).toBe(0);
    const { version } = JSON.parse(run.stdout);
    const sources = version.sources as JsonSource[];
    const by = (host: string) => sources.find((s) => s.url?.includes(host));
    expect(by("who.int")).toMatchObject({
      publisher: "World Health Organization",
      publishedAt: "2023-05-01T09:00:00+00:00",
      profile: "official",
      snapshotId: expect.stringMatching(/^snap-/),
    });
    expect(by("reuters.com")).toMatchObject({
      publisher: "Reuters",
      publishedAt: "2021-09-01T14:05:00Z",
      profile: "news",
    });
    expect(by("prnewswire.com")).toMatchObject({
      profile: "press-release",
      publishedAt: "2022-02-14",
    });
    expect(by("medium.com")).toMatchObject({ profile: "blog" });
    expect(by("medium.com")?.publishedAt).toBeUndefined();
    // robots.txt forbids /private/: never read, and the check says so.
    expect(seen.some((s) => s.path.startsWith("/private/"))).toBe(false);
    expect(version.notes.join("\n")).toMatch(/could not read .*robots\.txt/);
    // Section 3 uses the profiles.
    const bias = version.report.bias.map((p: { text: string }) => p.text).join(" ");
    expect(bias).toMatch(/press release/);
    expect(bias).toMatch(/no publication date/);
    // The text report shows each source's publisher, date and profile.
    const shown = await factually({}, "show", JSON.parse(run.stdout).check.id);
    if (!/World Health Organization · 2023-05-01 · official/.test(shown.stdout))
      console.log(shown.stdout);
    expect(shown.stdout).toMatch(/World Health Organization · 2023-05-01 · official/);
  });

  it("re-validates the pages on refresh instead of downloading them again", async () => {
    const list = await factually({}, "history", "--json");
    const id = JSON.parse(list.stdout).checks[0].check.id;
    const before = seen.filter((s) => s.status === 304).length;
    const refreshed = await factually({}, "refresh", id, "--web", "--json");
    expect(refreshed.code).toBe(0);
    expect(seen.filter((s) => s.status === 304).length).toBeGreaterThan(before);
    const { diff } = JSON.parse(refreshed.stdout);
    expect(diff.sources.changed).toEqual([]);
  });

  it("--as-of leaves out what was published later, keeping undated pages with a note", async () => {
    const run = await factually(
      {},
      "check",
      CLAIM,
      "--web",
      "--as-of",
      "2022-01-01",
      "--json",
      "--fresh",
    );
    expect(run.code).toBe(0);
    const { version } = JSON.parse(run.stdout);
    const urls = (version.sources as JsonSource[]).map((s) => s.url ?? "");
    expect(urls.some((u) => u.includes("reuters.com"))).toBe(true);
    expect(urls.some((u) => u.includes("who.int"))).toBe(false);
    expect(urls.some((u) => u.includes("prnewswire.com"))).toBe(false);
    expect(version.settings.policy).toContain("2022-01-01");
    expect(version.notes.join("\n")).toMatch(/published .*after 2022-01-01|after the as-of date/i);
  });

  it("a denied domain is never read", async () => {
    const before = seen.filter((s) => s.host === "medium.com").length;
    const run = await factually(
      { FACTUALLY_DENY_DOMAINS: "medium.com" },
      "check",
      CLAIM,
      "--web",
      "--json",
      "--fresh",
    );
    expect(run.code).toBe(0);
    expect(seen.filter((s) => s.host === "medium.com").length).toBe(before);
    expect(
      (JSON.parse(run.stdout).version.sources as JsonSource[]).some((s) =>
        s.url?.includes("medium.com"),
      ),
    ).toBe(false);
  });

  it("factually fetch prints a page's text and metadata", async () => {
    const fetch = (extra: Record<string, string>, url: string) =>
      runBuiltCli(["fetch", url], { cwd: dir, env: env(extra) });
    const run = await fetch({}, page("www.reuters.com", "/world/masks-village-study"));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Title: +Study of 600 villages finds surgical masks cut COVID-19 symptoms/m,
    );
    expect(run.stdout).toMatch(/^Publisher: +Reuters/m);
    expect(run.stdout).toMatch(/^Published: +2021-09-01T14:05:00Z/m);
    expect(run.stdout).toMatch(/^Profile: +news/m);
    expect(run.stdout).toContain("A randomised trial in 600 villages in Bangladesh");
    const refused = await fetch({}, page("www.who.int", "/private/masks"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/robots\.txt/);
    const internal = await fetch(
      { FACTUALLY_TEST_ALLOW_LOOPBACK: "0" },
      "http://169.254.169.254/latest/meta-data/",
    );
    expect(internal.code).toBe(2);
    expect(internal.stderr).toMatch(/169\.254\.169\.254/);
  });
});
