// The history page marks checks whose verdict changed since this browser's last visit (a
// cookie), and serving a check's page or API record counts a view.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PageServer, startPageServer } from "./testing/page-server.js";

const CLAIM = "Zinc lozenges shorten the common cold.";
const ZINC = [
  {
    id: "zinc-trial",
    title: "Zinc lozenges and the common cold",
    text: "Zinc lozenges shortened the common cold by two days in a randomised trial of adults.",
  },
  {
    id: "zinc-review",
    title: "A review of zinc for colds",
    text: "A review of seven trials found that zinc lozenges shorten the common cold.",
  },
];

let server: PageServer;
let path: string;
let id: string;

beforeAll(async () => {
  server = await startPageServer();
  const posted = await server.post("/check", { text: CLAIM });
  path = posted.headers.get("location") ?? "";
  id = path.slice("/check/".length);
}, 60_000);
afterAll(async () => {
  await server.close();
});

/** The history page as a browser holding `cookie` sees it, and the cookie it is given back. */
async function visit(cookie?: string, query = "") {
  const response = await server.request(`/checks${query}`, {
    ...(cookie ? { headers: { cookie } } : {}),
  });
  const text = await response.text();
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { text, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

describe("the history page since the last visit", () => {
  it("marks nothing on a first visit, and remembers it in an HttpOnly, SameSite=Lax cookie", async () => {
    const first = await visit();
    expect(first.text).toContain(CLAIM);
    expect(first.text).not.toContain("Verdict changed");
    expect(first.setCookie).toMatch(/^factually_history_seen=2026-11-25T12%3A00%3A00\.000Z;/);
    expect(first.setCookie).toMatch(/HttpOnly/);
    expect(first.setCookie).toMatch(/SameSite=Lax/);
    expect(first.setCookie).toMatch(/Path=\//);
  });

  it("marks a check whose verdict changed since, old → new, once", async () => {
    const first = await visit();
    const before = (await server.store.checks.getCheck(id))?.versions.at(-1)?.verdict.label;
    await server.store.corpus.upsertDocuments(ZINC);
    server.advance(2);
    expect((await server.post(`${path}/refresh`, {})).status).toBe(303);
    const after = (await server.store.checks.getCheck(id))?.versions.at(-1)?.verdict.label;
    expect(after).not.toBe(before);

    server.advance(1);
    const second = await visit(first.cookie);
    expect(second.text).toContain(
      '1 check changed verdict since your last visit on <time datetime="2026-11-25T12:00:00.000Z">November 25, 2026</time>.',
    );
    expect(second.text).toMatch(
      /<li class="changed">\s*<a class="claim" href="\/check\/zinc-lozenges/,
    );
    expect(second.text).toMatch(
      /Verdict changed since your last visit:<\/strong> [^<]+ → [^<]+<\/p>/,
    );
    // The visit before is kept beside the latest, for the older pages of this visit.
    expect(decodeURIComponent(second.cookie)).toBe(
      "factually_history_seen=2026-11-28T12:00:00.000Z~2026-11-25T12:00:00.000Z",
    );

    const third = await visit(second.cookie);
    expect(third.text).not.toContain("Verdict changed");
  });

  it("ignores a cookie that does not hold dates", async () => {
    const odd = await visit('factually_history_seen="<script>"');
    expect(odd.text).not.toContain("Verdict changed");
    expect(odd.setCookie).toMatch(/^factually_history_seen=2026-11-2\d/);
  });
});

describe("views", () => {
  it("counts a view each time a check's page or API record is served, not for unknown ones", async () => {
    const viewsOf = async () => {
      const stale = await server.store.checks.listStale({
        now: new Date("2030-01-01T00:00:00Z"),
        minAgeDays: 1,
        limit: 10,
      });
      return stale.find((s) => s.check.id === id)?.views;
    };
    const before = (await viewsOf()) ?? 0;
    expect((await server.page(path)).response.status).toBe(200);
    expect((await server.page(`${path}?v=1`)).response.status).toBe(200);
    const api = await server.request(`/api/checks/${id}`);
    expect(api.status).toBe(200);
    await api.body?.cancel();
    expect((await server.page("/check/no-such-check-12345678")).response.status).toBe(404);
    expect(await viewsOf()).toBe(before + 3);
  });
});
