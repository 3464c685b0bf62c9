// The pages in a real Chromium against a real server: live progress, citations, ratings,
// refresh with what changed, follow-up questions, hostile input, keyboard use, and screenshots
// (light, dark, phone) saved to test-output/screenshots/ for a person to look at.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HELPFUL_QUESTION, SECTION_TITLES, STALE_NOTICE } from "../render/labels.js";
import { CHROMIUM_PATH, hasChromium, launchChromium, pagesOf } from "./testing/chromium.js";
import { watchJobs } from "./testing/stage-log.js";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

const CLAIM = "Vitamin D supplements reduce influenza in schoolchildren.";
/** Markup a careless page would run; the words around it match the corpus, so sources are found. */
const HOSTILE =
  'Face masks <script>window.__pwned=1</script> reduce the spread of influenza in households <img src=x onerror="window.__pwned=2"> when worn early.';
const PROGRESS_CLAIM = "Vitamin D supplements do not reduce influenza in adults.";
const TYPED_CLAIM = "Face masks reduce the spread of influenza in households.";
const SCREENSHOTS = fileURLToPath(new URL("../../test-output/screenshots/", import.meta.url));
/** A check runs the whole offline pipeline; on a busy 2-core machine give it room. */
const CHECK_TIMEOUT = 30_000;
/** Anything else a page does. */
const STEP_TIMEOUT = 10_000;
/** A check page: `/check/<id>`, no version, no sub-page. */
const CHECK_PAGE = /\/check\/[^/?#]+$/;
/** A request for a check page (any version). */
const CHECK_PAGE_REQUEST = /\/check\/[^/?#]+(\?[^#]*)?$/;

/** Records any write to window.__pwned, in every document the page opens, as a console error. */
const PWNED_TRAP = `(() => {
  let value;
  Object.defineProperty(window, "__pwned", {
    configurable: false,
    get: () => value,
    set: (v) => { value = v; console.error("window.__pwned was set to " + v); },
  });
})();`;

/** What has keyboard focus, described by its tag, id, name and text. */
const FOCUSED = `(() => {
  const e = document.activeElement;
  if (!e) return "";
  return [e.tagName.toLowerCase(), e.id, e.getAttribute("name"), (e.textContent || "").trim()]
    .filter(Boolean).join(" ");
})()`;

/**
 * Reports every line the script adds to a visible progress panel (steps, searches, sources) to
 * the test, as it happens: a check on this corpus finishes faster than a test could look.
 */
const WATCH_PROGRESS = `new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      const list = node.parentElement;
      if (node.nodeName !== "LI" || !list || list.closest("[hidden]")) continue;
      const name = ["stages", "queries", "sources"].find((n) => list.hasAttribute("data-" + n));
      if (name) window.__progressSeen(name, node.textContent);
    }
  }
}).observe(document, { childList: true, subtree: true });`;

/** The page's window, for the few values read inside `page.evaluate` (no DOM types here). */
interface InBrowser {
  __samePage?: boolean;
  document: { activeElement: { id: string } | null };
}

describe.skipIf(!hasChromium)(
  hasChromium
    ? "the pages in a real browser (Chromium)"
    : `the pages in a real browser — skipped: no Chromium at ${CHROMIUM_PATH}`,
  { timeout: 2 * CHECK_TIMEOUT },
  () => {
    let server: PageServer;
    let browser: Browser;
    /** Made by the first test; the tests after it (run in order) read, rate and refresh it. */
    let checkPath = "";
    const pages = pagesOf(() => browser, STEP_TIMEOUT);
    const { newPage } = pages;

    beforeAll(async () => {
      [server, browser] = await Promise.all([startPageServer(), launchChromium()]);
    }, 30_000);
    afterEach(() => pages.closeAll());
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** A new page opened at `path` on the server. */
    async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
      if (path === "") throw new Error("no check page: the first test did not make one");
      const page = await newPage(options);
      await page.goto(`${server.url}${path}`);
      return page;
    }

    /** Stops the page's script from leaving for a check page, so its progress stays up. */
    async function stayOnPage(page: Page) {
      await page.route(CHECK_PAGE_REQUEST, (route) =>
        route.request().resourceType() === "document" ? route.abort("aborted") : route.continue(),
      );
    }

    const textOf = async (page: Page, selector: string) =>
      ((await page.locator(selector).first().textContent()) ?? "").trim();

    it("shows the planned searches and the sources read while a check runs, then opens its report", async () => {
      const page = await newPage();
      const seen: { list: string; text: string }[] = [];
      // The order in which the page showed progress and the server ran and stored the check.
      const happened: string[] = [];
      // Once the check has started, the test holds the database's write lock, so the check can
      // compute every stage but cannot store its result until the page has shown a stage. With
      // checks on worker threads the events stream while the worker waits; on the main thread
      // the wait (SQLite's busy timeout) would block the event loop, nothing would reach the
      // page, and the check would fail as the database busy: what this test must catch.
      const lock = new Database(server.store.location);
      let holding = false;
      const release = (why: string) => {
        if (!holding) return;
        holding = false;
        lock.exec("COMMIT");
        happened.push(`test released the database (${why})`);
      };
      const stopWatching = watchJobs(server.context.jobs, {
        onEvent: (event) => {
          if (event.type === "stage-started" && event.stage === "understand" && !holding) {
            lock.exec("BEGIN IMMEDIATE");
            holding = true;
            happened.push("test holds the database");
          }
          if (event.type === "stage-done") happened.push(`server finished ${event.stage}`);
        },
        onStored: () => happened.push("server stored the check"),
      });
      // Well inside SQLite's 5 s busy timeout, so a slow browser fails the order below, not the check.
      const safety = setTimeout(() => release("page showed nothing in 3 s"), 3000);
      await page.exposeFunction("__progressSeen", (list: string, text: string) => {
        seen.push({ list, text });
        happened.push(`page showed ${list}: ${text}`);
        if (list === "stages") release("page showed a stage");
      });
      await page.addInitScript({ content: WATCH_PROGRESS });
      await page.goto(`${server.url}/`);
      await page.getByLabel("Enter a claim or question").fill(CLAIM);
      await page.getByRole("button", { name: "Check it" }).click();

      await page.waitForURL(CHECK_PAGE, { timeout: CHECK_TIMEOUT });
      clearTimeout(safety);
      stopWatching();
      release("check page open");
      lock.close();
      checkPath = new URL(page.url()).pathname;
      // Live: the first stage was on screen while the check still ran (issue 15: on the server's
      // main thread the check held the event loop, and every event arrived after its last stage).
      const firstShown = happened.findIndex((line) => line.startsWith("page showed stages"));
      const stored = happened.indexOf("server stored the check");
      expect(happened, happened.join("\n")).toContain("test holds the database");
      expect(firstShown, happened.join("\n")).toBeGreaterThanOrEqual(0);
      expect(firstShown, happened.join("\n")).toBeLessThan(stored);
      // What the panel showed while the check ran, before the script opened the report.
      const shown = (list: string) => seen.filter((s) => s.list === list).map((s) => s.text);
      expect(shown("stages")[0]).toBe("Understanding the input");
      expect(shown("queries").length).toBeGreaterThanOrEqual(1);
      expect(shown("queries")[0]).toMatch(/^“.+” \(.+\)$/);
      expect(shown("sources").length).toBeGreaterThanOrEqual(1);
      expect(shown("sources")[0]).toMatch(/^\[1\] \S/);

      expect(await textOf(page, "h1")).toBe(CLAIM);
      // Rendered text: what a reader sees, without the hidden progress panels.
      // biome-ignore lint/performance/useDomNodeTextContent: the order on screen is the point
      const text = await page.locator("main").innerText();
      const found = (await textOf(page, ".found")).match(/^Found (\d+) sources?$/);
      expect(found).not.toBeNull();
      const firstSource = await textOf(page, "#sources .source-title");
      const order = [
        CLAIM,
        "Checked on",
        "Disclaimer: Factually can make mistakes.",
        "Learn more",
        "Searched for:",
        found?.[0] ?? "Found",
        HELPFUL_QUESTION,
        SECTION_TITLES.summary,
        SECTION_TITLES.missingContext,
        SECTION_TITLES.bias,
        "Sources",
        firstSource,
        "Want to dive deeper?",
      ];
      let from = 0;
      for (const words of order) {
        const at = text.indexOf(words, from);
        expect(at, `"${words}" after position ${from}`).toBeGreaterThanOrEqual(from);
        from = at + words.length;
      }
      expect(await page.locator(".source").count()).toBe(Number(found?.[1]));
      expect(await page.getByRole("link", { name: "Learn more" }).getAttribute("href")).toBe(
        "/about",
      );
    });

    it("moves to, highlights and focuses the source a citation points at", async () => {
      const page = await open(checkPath);
      const cite = page.locator('section[aria-labelledby="summary-h"] a.cite').first();
      const hash = (await cite.getAttribute("href")) ?? "";
      expect(hash).toMatch(/^#source-\d+$/);
      expect(await cite.textContent()).toBe(`[${hash.slice("#source-".length)}]`);
      await cite.click();

      await expect.poll(() => new URL(page.url()).hash).toBe(hash);
      const source = page.locator(hash);
      expect(
        await source.evaluate(
          (el) => el.matches(":target") && el.classList.contains("is-highlighted"),
        ),
      ).toBe(true);
      expect(await page.locator(".is-highlighted").count()).toBe(1);
      await expect
        .poll(() =>
          page.evaluate(() => (globalThis as unknown as InBrowser).document.activeElement?.id),
        )
        .toBe(hash.slice(1));
      // Scrolled so the source is on screen (the scroll may be smooth, hence the poll).
      await expect
        .poll(() =>
          source.evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.top < (el.ownerDocument.defaultView?.innerHeight ?? 0);
          }),
        )
        .toBe(true);
      const background = await source.evaluate(
        (el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor,
      );
      expect(background).not.toBe("rgba(0, 0, 0, 0)");
    });

    it("shows the evidence at a glance: a drawn bar under the CSP, and its counts in words", async () => {
      const page = await newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${server.url}${checkPath}`);
      const figure = page.getByRole("figure", { name: "The evidence at a glance" });
      await expect.poll(() => figure.isVisible()).toBe(true);
      const legend = (await figure.locator(".balance-legend li").allTextContents()).map((t) =>
        t.trim(),
      );
      expect(legend.length).toBeGreaterThan(0);
      for (const item of legend) expect(item).toMatch(/^(One source|\d+ sources) /);
      // The same counts as the summary's opening sentence.
      const summary = await textOf(page, 'section[aria-labelledby="summary-h"] p');
      for (const item of legend) expect(summary.toLowerCase()).toContain(item.toLowerCase());
      // Drawn: every segment has width on screen and a fill from the stylesheet, not the default.
      const segments = figure.locator("rect");
      expect(await segments.count()).toBe(legend.length);
      for (const rect of await segments.all()) {
        expect((await rect.boundingBox())?.width ?? 0).toBeGreaterThan(0);
        const fill = await rect.evaluate(
          (el) => el.ownerDocument.defaultView?.getComputedStyle(el).fill,
        );
        expect(fill).toMatch(/^rgb/);
        expect(fill).not.toBe("rgb(0, 0, 0)");
      }
      // The bar is hidden from assistive technology; the words are what is read.
      expect(await figure.locator("svg").getAttribute("aria-hidden")).toBe("true");
      expect(violations).toEqual([]);
    });

    it("records a rating from Yes without leaving the page and shows the new tally", async () => {
      const page = await open(checkPath);
      expect(await textOf(page, "#tally")).toBe("no ratings yet");
      await page.evaluate(() => {
        (globalThis as unknown as InBrowser).__samePage = true;
      });
      await page.getByText("Add a comment (optional)").click();
      await page
        .getByLabel("Comment", { exact: true })
        .fill("Clear, and <b>every</b> line is sourced.");
      await page.getByRole("button", { name: "Yes", exact: true }).click();

      await page.locator("#tally", { hasText: "1 yes · 0 no" }).waitFor();
      expect(await textOf(page, "#feedback-message")).toBe("Thank you: your rating was recorded.");
      expect(await page.getByLabel("Comment", { exact: true }).inputValue()).toBe("");
      expect(await page.evaluate(() => (globalThis as unknown as InBrowser).__samePage)).toBe(true);
      expect(page.url()).toBe(`${server.url}${checkPath}`);

      const id = checkPath.slice("/check/".length);
      const api = await fetch(`${server.url}/api/checks/${id}`);
      expect(api.status).toBe(200);
      expect(((await api.json()) as { feedback: unknown }).feedback).toEqual({
        helpful: 1,
        notHelpful: 0,
      });
      const stored = await server.store.checks.listFeedback(id, 1);
      expect(stored.map((f) => [f.helpful, f.comment])).toEqual([
        [true, "Clear, and <b>every</b> line is sourced."],
      ]);
    });

    it("checks a follow-up question from “Want to dive deeper?” and opens its own report", async () => {
      const page = await open(checkPath);
      const link = page.locator(".related li a").first();
      const question = ((await link.textContent()) ?? "").trim();
      expect(question).toMatch(/\?$/);
      await link.click();

      await page.waitForURL((url) => url.pathname === "/");
      const input = page.getByLabel("Enter a claim or question");
      expect(await input.inputValue()).toBe(question);
      await page.getByRole("button", { name: "Check it" }).click();
      await page.waitForURL(CHECK_PAGE, { timeout: CHECK_TIMEOUT });
      expect(await textOf(page, "h1")).toBe(question);
      expect(new URL(page.url()).pathname).not.toBe(checkPath);

      // Its "Check it" button checks the next question straight from the report.
      await page.goto(`${server.url}${checkPath}`);
      const next = ((await page.locator(".related li a").nth(1).textContent()) ?? "").trim();
      await page.getByRole("button", { name: `Check it: ${next}` }).click();
      await page.waitForURL((url) => CHECK_PAGE.test(url.href) && url.pathname !== checkPath, {
        timeout: CHECK_TIMEOUT,
      });
      expect(await textOf(page, "h1")).toBe(next);
    });

    it("shows hostile input as text and runs none of it", async () => {
      const page = await newPage();
      await page.addInitScript({ content: PWNED_TRAP });
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });

      await page.goto(`${server.url}/`);
      await page.getByLabel("Enter a claim or question").fill(HOSTILE);
      await page.getByRole("button", { name: "Check it" }).click();
      await page.waitForURL(CHECK_PAGE, { timeout: CHECK_TIMEOUT });

      expect(await textOf(page, "h1")).toBe(HOSTILE);
      expect(await page.locator("h1").textContent()).toContain("<script>window.__pwned=1</script>");
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      expect(await page.locator("img").count()).toBe(0);
      expect(await page.locator("[onerror]").count()).toBe(0);
      expect(await page.locator("main script").count()).toBe(0);
      expect(await page.locator(".source").count()).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
      // A report of a blocked inline script would be acceptable; nothing else may be logged.
      expect(errors.filter((e) => !/Content Security Policy/i.test(e))).toEqual([]);
    });

    it("reaches the skip link first, then the input, and submits from the keyboard", async () => {
      const page = await open("/");
      const focused = () => page.evaluate<string>(FOCUSED);
      await page.keyboard.press("Tab");
      expect(await focused()).toBe("a Skip to content");
      expect(await page.locator(".skip-link").isVisible()).toBe(true);
      await page.keyboard.press("Enter");
      await expect.poll(() => new URL(page.url()).hash).toBe("#main");
      await page.keyboard.press("Tab");
      expect(await focused()).toBe("textarea text text");
      await page.keyboard.type(TYPED_CLAIM);

      const stops: string[] = [];
      for (let i = 0; i < 5 && !stops.at(-1)?.startsWith("button"); i++) {
        await page.keyboard.press("Tab");
        stops.push(await focused());
      }
      expect(stops).toEqual(["input web", "input fresh", "button Check it"]);
      await page.keyboard.press("Enter");
      await page.waitForURL(CHECK_PAGE, { timeout: CHECK_TIMEOUT });
      expect(await textOf(page, "h1")).toBe(TYPED_CLAIM);
    });

    it("sends the question with Enter in the box (Shift+Enter starts a new line)", async () => {
      const page = await open("/");
      const input = page.getByLabel("Enter a claim or question");
      await input.fill("Vitamin D supplements reduce influenza");
      await input.press("Shift+Enter");
      expect(await input.inputValue()).toBe("Vitamin D supplements reduce influenza\n");
      await input.fill("Do vitamin D supplements reduce influenza in adults?");
      await input.press("Enter");
      await page.waitForURL(CHECK_PAGE, { timeout: CHECK_TIMEOUT });
      expect(await textOf(page, "h1")).toBe("Do vitamin D supplements reduce influenza in adults?");
    });

    it("saves screenshots of a check page: light, dark and phone width, without sideways scrolling", async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const desktop = { viewport: { width: 1280, height: 900 } };
      const light = await open(checkPath, { ...desktop, colorScheme: "light" });
      await light.screenshot({ path: `${SCREENSHOTS}check-light.png`, fullPage: true });
      const bodyColour = (page: Page) =>
        page
          .locator("body")
          .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
      expect(await bodyColour(light)).toBe("rgb(255, 255, 255)");

      await light.emulateMedia({ colorScheme: "dark" });
      expect(await bodyColour(light)).toBe("rgb(19, 20, 23)");
      await light.screenshot({ path: `${SCREENSHOTS}check-dark.png`, fullPage: true });

      const phone = await open(checkPath, {
        viewport: { width: 375, height: 812 },
        isMobile: true,
        hasTouch: true,
      });
      await phone.screenshot({ path: `${SCREENSHOTS}check-phone.png`, fullPage: true });
      const width = await phone.evaluate<number>("document.documentElement.scrollWidth");
      expect(width).toBeLessThanOrEqual(375);
    });

    it("saves a screenshot of the home page with its progress panel filled in", async () => {
      const page = await open("/", { viewport: { width: 1280, height: 900 } });
      await stayOnPage(page);
      await page.getByLabel("Enter a claim or question").fill(PROGRESS_CLAIM);
      await page.getByRole("button", { name: "Check it" }).click();
      const status = page.locator("#progress [data-status]");
      await status
        .filter({ hasText: "Done. Opening the check…" })
        .waitFor({ timeout: CHECK_TIMEOUT });
      expect(await page.locator("#progress [data-sources] li").count()).toBeGreaterThan(0);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}home-progress.png`, fullPage: true });
    });

    it("shows live searches and sources without bidi controls or invisible characters", async () => {
      await server.store.corpus.upsertDocuments([
        {
          id: "zinc-spoof",
          title: "Zinc lozenges and the common cold \u202Etxt.exe\u202C\u200B",
          publisher: "Example\u200B Journal",
          text: "Zinc lozenges shorten colds in adults in a randomised trial. Adults who took zinc lozenges had shorter colds.",
        },
      ]);
      const page = await open("/");
      await stayOnPage(page);
      await page
        .getByLabel("Enter a claim or question")
        .fill("Zinc\u200B lozenges shorten colds \u202Ein\u202C adults.");
      await page.getByRole("button", { name: "Check it" }).click();
      await page
        .locator("#progress [data-status]")
        .filter({ hasText: "Done. Opening the check…" })
        .waitFor({ timeout: CHECK_TIMEOUT });
      const lines = await page
        .locator("#progress [data-queries] li, #progress [data-sources] li")
        .allTextContents();
      expect(lines.join("\n")).toContain("Zinc lozenges and the common cold txt.exe");
      for (const line of lines) expect(line).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/u);
    });

    // Last: it moves the server's clock 40 days on, which makes every check stale.
    it("offers Refresh on an outdated check and opens version 2 with what changed", async () => {
      server.advance(40);
      // A new study of the topic, so the second version has something to change.
      await server.store.corpus.upsertDocuments([
        {
          id: "cohort",
          title: "Vitamin D supplements and influenza in schoolchildren: a cohort study",
          publisher: "Example Pediatrics",
          publishedAt: "2026-12-20",
          text: "Vitamin D supplements reduced influenza in schoolchildren in a cohort study of three winters. Schoolchildren given supplements had fewer influenza infections.",
        },
      ]);
      const page = await open(checkPath);
      const outdated = page.locator("#outdated");
      expect(await outdated.textContent()).toContain(STALE_NOTICE);
      const refresh = outdated.getByRole("button", { name: "Refresh" });
      expect(await refresh.isVisible()).toBe(true);
      await refresh.click();

      // Only the script lands on ?v=2#changes (the plain form redirects to the bare address).
      await page.waitForURL((url) => url.searchParams.get("v") === "2", {
        timeout: CHECK_TIMEOUT,
      });
      expect(new URL(page.url()).hash).toBe("#changes");
      expect(await textOf(page, "#changes-h")).toBe("What changed since version 1");
      const changes = (await page.locator("#changes").textContent()) ?? "";
      expect(changes).toMatch(/^Verdict: .+$/m);
      expect(changes).toMatch(/Sources: [1-9]\d* added, \d+ removed, \d+ changed, \d+ unchanged\./);
      expect(changes).toMatch(/Report: \d+ sentences? added, \d+ removed\./);
      expect(await textOf(page, "nav.versions")).toContain("Version 2 of 2");
      expect(await page.locator("main").textContent()).not.toContain(STALE_NOTICE);

      await page.getByRole("link", { name: "See everything that changed" }).click();
      await page.waitForURL((url) => url.pathname.endsWith("/changes"));
      expect(await textOf(page, "h1")).toBe("What changed from version 1 to version 2");
      expect(await page.locator("main").textContent()).toContain(
        "Vitamin D supplements and influenza in schoolchildren: a cohort study",
      );
    });
  },
);
