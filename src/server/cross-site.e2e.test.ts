// Cross-site request forgery in a real Chromium against a real server: a page on another
// loopback origin that posts forms and `no-cors` fetches at every write (nothing may run or
// be stored), and this site's own forms with JavaScript off (each must work).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_PATH, hasChromium, launchChromium, pagesOf } from "./testing/chromium.js";
import { watchJobs } from "./testing/stage-log.js";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

const CLAIM = "Vitamin D supplements reduce influenza in schoolchildren.";
/** A check runs the whole offline pipeline; on a busy 2-core machine give it room. */
const CHECK_TIMEOUT = 30_000;
const STEP_TIMEOUT = 10_000;
const CHECK_PAGE = /\/check\/[^/?#]+$/;

/** Writes an attacker would aim at: [path below the target, enctype, fields]. */
type Attack = [string, string, Record<string, string>];

/** A page that posts a form to `url` as soon as it loads (no user action). */
function autoSubmitPage(url: string, enctype: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name='${name}' value='${value}'>`)
    .join("");
  return `<form method="post" action="${url}" enctype="${enctype}">${inputs}</form>
<script>document.forms[0].submit();</script>`;
}

/** A page that fires a `no-cors` POST at each url (a body only where given), then says done. */
function fetchPage(posts: Array<{ url: string; form?: Record<string, string> }>): string {
  return `<script>
const posts = ${JSON.stringify(posts)};
Promise.all(posts.map((p) => fetch(p.url, {
  method: "POST", mode: "no-cors",
  ...(p.form ? { body: new URLSearchParams(p.form) } : {}),
}).then(() => "sent", (e) => String(e)))).then(() => { document.title = "done"; });
</script>`;
}

/**
 * Another site: a plain HTTP server on another port of 127.0.0.1 (same-site to Chromium, so
 * Sec-Fetch-Site says `same-site`), serving whatever page the test sets. `?private=1` adds
 * `Referrer-Policy: no-referrer`, under which Chromium sends `Origin: null`.
 */
async function startAttacker(): Promise<{
  url: string;
  set(html: string): void;
  close(): Promise<void>;
}> {
  let body = "";
  const server: Server = createServer((request, response) => {
    const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
    if (request.url?.includes("private=1")) headers["referrer-policy"] = "no-referrer";
    response.writeHead(200, headers).end(`<!doctype html><title>page</title>${body}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (html) => {
      body = html;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!hasChromium)(
  hasChromium
    ? "cross-site requests and forms without JavaScript in a real browser (Chromium)"
    : `cross-site requests in a real browser — skipped: no Chromium at ${CHROMIUM_PATH}`,
  { timeout: 3 * CHECK_TIMEOUT },
  () => {
    let server: PageServer;
    let browser: Browser;
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

    it("runs nothing and stores nothing that a page on another origin posts", async () => {
      const made = await server.post("/check", { text: CLAIM });
      expect(made.status).toBe(303);
      const id = (made.headers.get("location") ?? "").slice("/check/".length);
      const attacker = await startAttacker();
      let runs = 0;
      const stopWatching = watchJobs(server.context.jobs, {
        onEvent: (event) => {
          if (event.type === "stage-started") runs++;
        },
      });
      try {
        const target = server.url;
        const attacks: Attack[] = [
          [`/api/checks/${id}/refresh`, "application/x-www-form-urlencoded", {}],
          [`/api/checks/${id}/refresh`, "text/plain", {}],
          [`/api/checks/${id}/feedback`, "text/plain", { '{"helpful":true,"x":"': '"}' }],
          ["/api/checks", "text/plain", { '{"text":"Masks work.","x":"': '"}' }],
          [`/check/${id}/refresh`, "application/x-www-form-urlencoded", {}],
          [`/check/${id}/feedback`, "application/x-www-form-urlencoded", { helpful: "yes" }],
          ["/check", "application/x-www-form-urlencoded", { text: "Masks work." }],
        ];
        // Every answer the server gave to the other site, as Chromium saw it.
        const answers: string[] = [];
        for (const query of ["", "?private=1"]) {
          for (const [path, enctype, fields] of attacks) {
            const page = await newPage();
            attacker.set(autoSubmitPage(`${target}${path}`, enctype, fields));
            const answer = page.waitForResponse((r) => r.url() === `${target}${path}`);
            await page.goto(`${attacker.url}/${query}`);
            answers.push(`form ${enctype} ${path}${query}: ${(await answer).status()}`);
          }
          const page = await newPage();
          const urls = [
            `/api/checks/${id}/refresh`,
            "/api/checks",
            `/check/${id}/refresh`,
            `/check/${id}/feedback`,
            `/api/checks/${id}/cancel`,
          ].map((path) => `${target}${path}`);
          page.on("response", (r) => {
            if (urls.includes(r.url())) answers.push(`no-cors ${r.url()}${query}: ${r.status()}`);
          });
          attacker.set(
            fetchPage([
              ...urls.map((url) => ({ url })),
              { url: `${target}/check/${id}/feedback`, form: { helpful: "yes" } },
            ]),
          );
          await page.goto(`${attacker.url}/${query}`);
          await page.waitForFunction('document.title === "done"');
        }
        expect(answers.length).toBe(2 * (attacks.length + 6));
        expect(answers.filter((a) => !a.endsWith(": 403"))).toEqual([]);
        // Nothing ran, nothing new was stored.
        expect(runs).toBe(0);
        expect((await server.store.checks.getCheck(id))?.versions.length).toBe(1);
        expect((await server.store.checks.listChecks({ limit: 10 })).checks.length).toBe(1);
        expect(await server.store.checks.listFeedback(id, 1)).toEqual([]);
      } finally {
        stopWatching();
        await attacker.close();
      }
    });

    it("checks, rates and refreshes with JavaScript off, through this site's forms", async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await page.goto(`${server.url}/`);
      await page
        .getByLabel("Enter a claim or question")
        .fill(CLAIM.replace("schoolchildren", "children"));
      await page.getByRole("button", { name: "Check it" }).click();
      await page.waitForURL(CHECK_PAGE, { timeout: CHECK_TIMEOUT });
      expect(await page.locator("h1").textContent()).toBe(
        CLAIM.replace("schoolchildren", "children"),
      );
      const id = new URL(page.url()).pathname.slice("/check/".length);

      await page.getByRole("button", { name: "Yes", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("rated") === "1");
      expect(await page.locator("main").textContent()).toContain(
        "Thank you: your rating was recorded.",
      );
      expect((await page.locator("#tally").textContent())?.trim()).toBe("1 yes · 0 no");
      expect((await server.store.checks.listFeedback(id, 1)).map((f) => f.helpful)).toEqual([true]);

      await page.getByRole("button", { name: "Check again now" }).click();
      await page.waitForURL((url) => url.hash === "#changes", { timeout: CHECK_TIMEOUT });
      expect((await page.locator("nav.versions").textContent()) ?? "").toContain("Version 2 of 2");
      expect((await server.store.checks.getCheck(id))?.versions.length).toBe(2);
    });
  },
);
