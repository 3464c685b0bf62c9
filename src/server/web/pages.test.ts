// The pages through a real server: what a reader sees, in the fact-check page's (docs/how-a-check-works.md) order, safe
// against hostile text, and working without the script (form posts and redirects).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HtmlDocument, type HtmlElement, parseHtmlDocument } from "../../read/html-dom.js";
import { SECTION_TITLES, STALE_NOTICE } from "../../render/labels.js";
import { CONTENT_SECURITY_POLICY } from "./security.js";
import { type PageServer, startPageServer } from "./testing/page-server.js";

const CLAIM = "Vitamin D supplements reduce influenza.";
const HOSTILE =
  'Vitamin D <script>alert(1)</script> reduces influenza <img src=x onerror=alert(1)> "quoted"';

let server: PageServer;
let checkPath: string;

beforeAll(async () => {
  server = await startPageServer();
  const response = await server.post("/check", { text: CLAIM });
  expect(response.status).toBe(303);
  checkPath = response.headers.get("location") ?? "";
}, 60_000);
afterAll(async () => {
  await server.close();
});

const all = (doc: HtmlDocument, selector: string): HtmlElement[] => [
  ...doc.querySelectorAll(selector),
];

interface WithAttributes {
  attributes: Iterable<{ name: string; value: string }>;
}

/** Asserts the page has no script that runs inline and no inline handlers or styles (CSP). */
function expectNoInlineCode(doc: HtmlDocument) {
  for (const script of all(doc, "script")) {
    const src = script.getAttribute("src");
    if (src) expect(src).toMatch(/^\/assets\/app\.[0-9a-f]{12}\.js$/);
    else expect(script.getAttribute("type")).toBe("application/ld+json");
  }
  for (const element of all(doc, "*")) {
    for (const { name, value } of (element as unknown as WithAttributes).attributes) {
      expect(name).not.toMatch(/^on|^style$/i);
      if (["href", "src", "action", "formaction"].includes(name)) {
        // Our paths, fragments, sources' web addresses, and the empty favicon.
        expect(value).toMatch(/^(\/|#|https?:\/\/|data:,$)/);
      }
    }
  }
}

describe("the check page", () => {
  it("follows the fact-check page's (docs/how-a-check-works.md) order and wording", async () => {
    expect(checkPath).toMatch(/^\/check\/vitamin-d-supplements-reduce-influenza-[0-9a-f]{8}$/);
    const { response, text, doc } = await server.page(checkPath);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(doc.querySelector("h1")?.textContent).toBe(CLAIM);
    expect(doc.querySelector(".checked-on")?.textContent).toBe("Checked on November 25, 2026");
    const found = doc.querySelector(".found")?.textContent ?? "";
    expect(found).toMatch(/^Found \d+ sources?$/);
    const order = [
      `<h1 id="claim">${CLAIM}</h1>`,
      '<p class="checked-on">Checked on <time',
      "Disclaimer: Factually can make mistakes.",
      '<a href="/about">Learn more</a>',
      "Searched for:",
      found,
      "Was this fact-check helpful?",
      "Verdict: ",
      SECTION_TITLES.summary,
      SECTION_TITLES.missingContext,
      SECTION_TITLES.bias,
      '<h2 id="sources-h">Sources</h2>',
      "Want to dive deeper?",
    ];
    const positions = order.map((s) => text.indexOf(s));
    for (const [i, p] of positions.entries()) expect(p, order[i]).toBeGreaterThan(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(all(doc, ".queries li").length).toBeGreaterThanOrEqual(3);
    expect(all(doc, ".related li a")).toHaveLength(5);
  });

  it("shows the evidence at a glance in the summary's counts, and what each search found", async () => {
    const { doc } = await server.page(checkPath);
    const figure = doc.querySelector(".verdict figure.balance");
    expect(figure?.querySelector("figcaption")?.textContent).toBe("The evidence at a glance");
    const legend = [...(figure?.querySelectorAll(".balance-legend li") ?? [])].map((li) =>
      (li.textContent ?? "").toLowerCase(),
    );
    expect(legend.length).toBeGreaterThan(0);
    // The summary's opening sentence names the same groups with the same counts.
    const summary = doc.querySelector('section[aria-labelledby="summary-h"] p')?.textContent;
    for (const item of legend) expect(summary).toContain(item);
    for (const li of all(doc, ".queries li")) {
      expect(li.textContent).toMatch(
        / — (\d+ sources?: (\[\d+\] ?)+|\d+ results?, none among the sources kept|no results)$/,
      );
    }
  });

  it("shows no percentage for a check nothing settles (before: 'Confidence: 70%')", async () => {
    const posted = await server.post("/check", {
      text: "Quantum tunnelling powers migratory birds.",
    });
    const { doc } = await server.page(posted.headers.get("location") ?? "");
    expect(doc.querySelector("#verdict-h")?.textContent).toBe("Verdict: Unverified");
    const rationale = doc.querySelector(".verdict .rationale")?.textContent ?? "";
    expect(rationale).toBe(
      "No source found bears on the claim; nothing was found that supports or contradicts it.",
    );
    expect(doc.querySelector(".verdict")?.textContent).not.toMatch(/%|Confidence/);
    expect(doc.querySelector(".verdict figure")).toBeNull();
  });

  it("links every citation to a numbered source that exists", async () => {
    const { doc } = await server.page(checkPath);
    const cites = all(doc, "a.cite");
    expect(cites.length).toBeGreaterThan(0);
    for (const cite of cites) {
      const target = cite.getAttribute("href") ?? "";
      expect(target).toMatch(/^#source-\d+$/);
      expect(doc.querySelector(target)?.getAttribute("class")).toBe("source");
      expect(cite.textContent).toBe(`[${target.slice("#source-".length)}]`);
    }
  });

  it("lists each source with its title, publisher, date, profile, stance and quote", async () => {
    const { doc } = await server.page(checkPath);
    const trial = all(doc, ".source").find((li) =>
      li.textContent?.includes("Vitamin D and influenza in schoolchildren"),
    );
    expect(trial).toBeDefined();
    expect(trial?.querySelector(".source-title a")?.getAttribute("href")).toBe(
      "https://journal.example.org/vitamin-d-trial",
    );
    expect(trial?.querySelector(".source-meta")?.textContent).toMatch(
      /^Example Journal · 2024-05-01 · .+ · supports \(\d+%\)$/,
    );
    expect(trial?.querySelector("blockquote")?.textContent).toContain("reduced influenza A");
  });

  it("describes itself to search engines and link previews", async () => {
    const { doc } = await server.page(checkPath);
    const ld = doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "";
    const review = JSON.parse(ld);
    expect(review).toMatchObject({ "@type": "ClaimReview", claimReviewed: CLAIM });
    const meta = (property: string) =>
      doc.querySelector(`meta[property="${property}"]`)?.getAttribute("content");
    expect(meta("og:title")).toBe(CLAIM);
    expect(meta("og:type")).toBe("article");
    expect(meta("og:description")).toMatch(
      /^(Supported|Mostly supported|Mixed|Misleading|Refuted|Unverified): \S/,
    );
    expect(meta("og:description")).not.toMatch(/\[\d+\]/);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute("content")).toBe(
      meta("og:description"),
    );
    expect(doc.querySelector("title")?.textContent).toBe(`${CLAIM} — Factually`);
  });

  it("sends a strict Content-Security-Policy and has no inline code", async () => {
    const { response, doc } = await server.page(checkPath);
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expectNoInlineCode(doc);
    for (const path of ["/", "/checks", "/about", "/nowhere", `${checkPath}?v=5`]) {
      const other = await server.request(path);
      expect(other.headers.get("content-security-policy"), path).toBe(CONTENT_SECURITY_POLICY);
      expect(other.headers.get("x-frame-options"), path).toBe("DENY");
      await other.body?.cancel();
    }
  });

  it("shows hostile text as text: no tag of it reaches the page", async () => {
    const posted = await server.post("/check", { text: HOSTILE });
    expect(posted.status).toBe(303);
    const { text, doc } = await server.page(posted.headers.get("location") ?? "");
    expect(doc.querySelector("h1")?.textContent).toBe(HOSTILE);
    expect(text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).not.toMatch(/<script>alert|<img/i);
    expect(all(doc, "img")).toHaveLength(0);
    expect(all(doc, "script")).toHaveLength(2); // the page script and the JSON-LD
    expectNoInlineCode(doc);
    const review = JSON.parse(
      doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "",
    );
    expect(review.claimReviewed).toBe(HOSTILE);
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(HOSTILE);
  });

  it("answers 404 with a page for a check that does not exist, and 400 for a bad version", async () => {
    for (const path of ["/check/no-such-check-12345678", "/check/%3Cscript%3E"]) {
      const { response, doc } = await server.page(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(doc.querySelector("h1")?.textContent).toBe("Page not found");
    }
    const missing = await server.page(`${checkPath}?v=9`);
    expect(missing.response.status).toBe(404);
    expect(missing.text).toContain("This check has no version 9");
    const bad = await server.page(`${checkPath}?v=abc`);
    expect(bad.response.status).toBe(400);
    expect(bad.text).toContain("is not a version number");
    expect(bad.text).not.toMatch(/at .+\.(ts|js):\d+/);
  });
});

describe("a check whose web search failed", () => {
  it("says the web could not be searched before the searches and the verdict", async () => {
    const response = await server.post("/check", { text: "Vitamin D prevents colds." });
    const id = decodeURIComponent(
      (response.headers.get("location") ?? "").replace(/^\/check\//, ""),
    );
    const stored = await server.store.checks.getCheck(id);
    const version = stored
      ? await server.store.checks.getVersion(id, stored.versions.at(-1)?.n ?? 1)
      : undefined;
    if (!stored || !version) throw new Error(`no check ${id}`);
    const lease = await server.store.checks.beginVersion(id);
    await server.store.checks.commitVersion(lease, stored.check, {
      ...version,
      n: lease.n,
      unsearched: [
        { provider: "wikipedia", reason: "could not reach https://en.wikipedia.org (ENOTFOUND)" },
      ],
    });
    const { text } = await server.page(`/check/${encodeURIComponent(id)}`);
    const notice =
      "The web could not be searched (wikipedia: could not reach https://en.wikipedia.org (ENOTFOUND)).";
    expect(text).toContain(notice);
    expect(text.indexOf(notice)).toBeLessThan(text.indexOf("Searched for:"));
  });
});

describe("feedback without the script", () => {
  it("stores a rating from the form, redirects back and shows the new tally", async () => {
    const before = await server.page(checkPath);
    expect(before.doc.querySelector("#tally")?.textContent).toBe("no ratings yet");
    const form = before.doc.querySelector("#feedback form");
    expect(form?.getAttribute("action")).toBe(`${checkPath}/feedback`);
    const response = await server.post(`${checkPath}/feedback`, {
      v: "1",
      helpful: "yes",
      comment: "Clear <b>and</b> useful",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${checkPath}?rated=1#feedback`);
    // The same reader again: the second rating replaces the first, it is not added to it.
    await server.post(`${checkPath}/feedback`, { helpful: "no" });
    const after = await server.page(`${checkPath}?rated=1`);
    expect(after.doc.querySelector("#tally")?.textContent).toBe("0 yes · 1 no");
    expect(after.doc.querySelector("#feedback-message")?.textContent).toBe(
      "Thank you: your rating was recorded.",
    );
    const id = checkPath.slice("/check/".length);
    const ratings = await server.store.checks.listFeedback(id, 1);
    expect(ratings.map((r) => [r.helpful, r.comment])).toEqual([[false, undefined]]);
  });

  it("refuses a rating without Yes or No, keeping the comment", async () => {
    const response = await server.post(`${checkPath}/feedback`, { comment: "forgot <i>" });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain("Choose Yes or No to rate this fact-check.");
    expect(text).toContain("forgot &lt;i&gt;</textarea>");
  });

  it("refuses a form posted from another site", async () => {
    const response = await server.request(`${checkPath}/feedback`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
      },
      body: "helpful=yes",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const viaFetchMetadata = await server.request(`${checkPath}/feedback`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "cross-site",
      },
      body: "helpful=yes",
    });
    expect(viaFetchMetadata.status).toBe(403);
  });

  it("takes this site's form as Chromium posts it under no-referrer (Origin: null, Sec-Fetch-Site: same-origin)", async () => {
    // No such check: a post let through answers 404, a refused one 403; nothing is stored.
    const post = (headers: Record<string, string>) =>
      server.request("/check/no-such-check-0000aaaa/feedback", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: "helpful=no",
      });
    expect((await post({ origin: "null", "sec-fetch-site": "same-origin" })).status).toBe(404);
    expect((await post({ origin: "null" })).status).toBe(403);
    expect((await post({ origin: "null", "sec-fetch-site": "same-site" })).status).toBe(403);
  });

  it("refuses a form larger than the configured body limit with a 413 page", async () => {
    const response = await server.post(`${checkPath}/feedback`, {
      helpful: "yes",
      comment: "x".repeat(70_000),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("The form is too large to accept.");
  });
});

describe("staleness, refresh and versions", () => {
  let path: string;
  beforeAll(async () => {
    const response = await server.post("/check", {
      text: "Face masks reduce the spread of influenza.",
    });
    path = response.headers.get("location") ?? "";
  }, 60_000);

  it("shows the outdated notice with a Refresh button once the check is past its window", async () => {
    const fresh = await server.page(path);
    expect(fresh.text).not.toContain(STALE_NOTICE);
    server.advance(45);
    const stale = await server.page(path);
    expect(stale.text).toContain(STALE_NOTICE);
    const form = stale.doc.querySelector("#outdated form");
    expect(form?.getAttribute("action")).toBe(`${path}/refresh`);
    expect(form?.getAttribute("method")).toBe("post");
    expect(form?.querySelector("button")?.textContent).toBe("Refresh");
    // The notice comes where the fact-check page (docs/how-a-check-works.md) has it: after the sources found, before the question.
    expect(stale.text.indexOf(STALE_NOTICE)).toBeGreaterThan(stale.text.indexOf("Found "));
    expect(stale.text.indexOf(STALE_NOTICE)).toBeLessThan(
      stale.text.indexOf("Was this fact-check helpful?"),
    );
    const history = await server.page("/checks");
    const line = all(history.doc, ".history li").find((li) =>
      li.textContent?.includes("Face masks reduce the spread"),
    );
    expect(line?.textContent).toContain("may be outdated");
  });

  it("refreshes from the form into version 2, then shows what changed and the versions", async () => {
    const response = await server.post(`${path}/refresh`, {});
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${path}#changes`);
    const latest = await server.page(path);
    expect(latest.text).not.toContain(STALE_NOTICE);
    expect(latest.doc.querySelector("#changes h2")?.textContent).toBe(
      "What changed since version 1",
    );
    expect(latest.doc.querySelector("nav.versions")?.textContent).toContain("Version 2 of 2");
    expect(
      latest.doc.querySelector('nav.versions a[aria-current="page"]')?.getAttribute("href"),
    ).toBe(path);

    const first = await server.page(`${path}?v=1`);
    expect(first.response.status).toBe(200);
    expect(first.doc.querySelector(".checked-on")?.textContent).toBe(
      "Checked on November 25, 2026",
    );
    expect(first.doc.querySelector("nav.versions")?.textContent).toContain("Version 1 of 2");
    expect(
      first.doc.querySelector('nav.versions a[aria-current="page"]')?.getAttribute("href"),
    ).toBe(`${path}?v=1`);
    expect(first.text).toContain("This is version 1 of 2, an earlier one.");
    // Only the newest version is offered to search engines as the ClaimReview.
    expect(first.doc.querySelector('script[type="application/ld+json"]')).toBeNull();

    const changes = await server.page(`${path}/changes?from=1&to=2`);
    expect(changes.response.status).toBe(200);
    expect(changes.doc.querySelector("h1")?.textContent).toBe(
      "What changed from version 1 to version 2",
    );
    expect(changes.text).toMatch(/Verdict: .+|Nothing changed/);
  });

  it("says a refresh is running while its lock is held, then why the attempt failed", async () => {
    const id = path.split("/").pop() as string;
    // Another process runs this check: the refresh from the page cannot take it now.
    const lease = await server.context.engine.checks.beginVersion(id, server.context.now());
    const busy = await server.page(path);
    expect(busy.text).toContain("A new version of this check is being made right now");
    const refused = await server.post(`${path}/refresh`, {});
    expect(refused.status).toBe(409);
    await server.context.engine.checks.abandonVersion(lease);
    const after = await server.page(path);
    const notice = after.doc.querySelector("#run-failed")?.textContent ?? "";
    expect(notice).toMatch(
      /^The last attempt to make a new version failed \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\): /,
    );
    expect(notice).toContain("already running");
  });

  it("answers 404 for changes of versions that do not exist", async () => {
    const { response, text } = await server.page(`${path}/changes?from=1&to=7`);
    expect(response.status).toBe(404);
    expect(text).toContain("This check has no version 7");
  });
});

describe("the home page", () => {
  it("offers one labelled input with the options and lists recent checks", async () => {
    const { response, doc } = await server.page("/");
    expect(response.status).toBe(200);
    const form = doc.querySelector("form.check-form");
    expect(form?.getAttribute("action")).toBe("/check");
    expect(form?.getAttribute("method")).toBe("post");
    expect(form?.getAttribute("data-stream")).toBe("/api/checks");
    expect(doc.querySelector('label[for="text"]')?.textContent).toBe("Enter a claim or question");
    expect(doc.querySelector("#text")?.getAttribute("name")).toBe("text");
    expect(doc.querySelector('input[name="web"]')).not.toBeNull();
    // No model is configured, so there is nothing to choose.
    expect(doc.querySelector('input[name="llm"]')).toBeNull();
    expect(doc.querySelector("#progress")?.getAttribute("aria-labelledby")).toBe("progress-h");
    const recent = all(doc, ".history a").map((a) => a.getAttribute("href"));
    expect(recent).toContain(checkPath);
    expectNoInlineCode(doc);
  });

  it("fills the input from ?q=, escaped", async () => {
    const { doc, text } = await server.page(
      `/?q=${encodeURIComponent("Is </textarea><b>x</b> true?")}`,
    );
    expect(doc.querySelector("b")).toBeNull();
    expect(text).toContain("Is &lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt; true?</textarea>");
  });

  it("shows why a submission was refused, with status 400 and the input kept", async () => {
    const empty = await server.post("/check", { text: "   " });
    expect(empty.status).toBe(400);
    const doc = parseHtmlDocument(await empty.text());
    expect(doc.querySelector('[role="alert"]')?.textContent).toBe(
      "Nothing to check: give a claim or a question.",
    );
    const symbols = await server.post("/check", { text: "?!?", web: "1" });
    expect(symbols.status).toBe(400);
    const again = await symbols.text();
    expect(again).toContain("?!?</textarea>");
    expect(again).toMatch(/name="web" value="1" checked/);
  });

  it("checks a follow-up question from its Check it button without the script", async () => {
    const { doc } = await server.page(checkPath);
    const form = doc.querySelector(".related form");
    const question = form?.querySelector('input[name="text"]')?.getAttribute("value") ?? "";
    expect(question).toMatch(/\?$/);
    const response = await server.post(form?.getAttribute("action") ?? "", { text: question });
    expect(response.status).toBe(303);
    const asked = await server.page(response.headers.get("location") ?? "");
    expect(asked.doc.querySelector("h1")?.textContent).toBe(question);
    expect(asked.doc.querySelector("#verdict-h")?.textContent).toMatch(/^Coverage: /);
  });
});

describe("the other pages", () => {
  it("lists every check with verdict, date and helpful tally", async () => {
    const { response, doc } = await server.page("/checks");
    expect(response.status).toBe(200);
    const line = all(doc, ".history li").find(
      (li) => li.querySelector("a")?.getAttribute("href") === checkPath,
    );
    expect(line?.querySelector(".meta")?.textContent).toMatch(
      /^\w[\w ]* \(\d+%\) · checked on .+ · 1 version · helpful: 0 yes · 1 no$/,
    );
    const bad = await server.page("/checks?cursor=nonsense");
    expect(bad.response.status).toBe(400);
  });

  it("explains the methodology at /about", async () => {
    const { response, doc, text } = await server.page("/about");
    expect(response.status).toBe(200);
    expect(doc.querySelector("h1")?.textContent).toBe("How a check works");
    // The navigation names the page as its heading does.
    const nav = [...doc.querySelectorAll("nav a")].find((a) => a.getAttribute("href") === "/about");
    expect(nav?.textContent).toBe("How a check works");
    for (const words of ["Verdicts", "What “verified” means", "Sources", "Limits"]) {
      expect(text).toContain(words);
    }
  });

  it("answers an unknown address with a 404 page carrying the same headers", async () => {
    const { response, doc } = await server.page("/no/such/page");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(doc.querySelector("h1")?.textContent).toBe("Page not found");
  });

  it("serves the stylesheet and script with their types, a year's cache and an ETag", async () => {
    const { doc } = await server.page("/");
    const css = doc.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
    const js = doc.querySelector("script[src]")?.getAttribute("src") ?? "";
    for (const [path, type] of [
      [css, "text/css"],
      [js, "text/javascript"],
    ] as const) {
      const response = await server.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(new RegExp(`^${type}`));
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const etag = response.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"[0-9a-f]{12}"$/);
      expect((await response.text()).length).toBeGreaterThan(1000);
      const again = await server.request(path, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
    }
    expect((await server.request("/assets/app.000000000000.css")).status).toBe(404);
  });
});

describe("a server that takes writes only with its API token", () => {
  it("serves the pages without forms and refuses form posts", async () => {
    const locked = await startPageServer({ FACTUALLY_API_TOKEN: "secret-token-for-tests" });
    try {
      const home = await locked.page("/");
      expect(home.doc.querySelector("form.check-form")).toBeNull();
      expect(home.text).toContain("only through its API");
      const refused = await locked.post("/check", { text: CLAIM });
      expect(refused.status).toBe(403);
    } finally {
      await locked.close();
    }
  });
});

describe("a server with a public address and a publisher", () => {
  it("gives the check page its canonical address, og:url and a ClaimReview with url and author", async () => {
    const site = await startPageServer({
      FACTUALLY_BASE_URL: "https://facts.example.org/",
      FACTUALLY_PUBLISHER: "Example Facts",
    });
    try {
      const posted = await site.post("/check", { text: CLAIM });
      const path = posted.headers.get("location") ?? "";
      const { doc } = await site.page(path);
      const url = `https://facts.example.org${path}`;
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(url);
      expect(doc.querySelector('meta[property="og:url"]')?.getAttribute("content")).toBe(url);
      expect(doc.querySelector('meta[property="og:site_name"]')?.getAttribute("content")).toBe(
        "Example Facts",
      );
      const review = JSON.parse(
        doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "",
      );
      expect(review).toMatchObject({
        url,
        author: { "@type": "Organization", name: "Example Facts" },
      });
    } finally {
      await site.close();
    }
  });
});
