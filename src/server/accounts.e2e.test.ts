// Accounts in a real Chromium against a real server: a checker logs in, runs a check (the page
// script streams it through the API with the session's CSRF token), rates it and logs out; a
// viewer sees no Check, Refresh or Rate controls, and the API refuses their writes.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addUser, issueToken } from "./accounts/users.js";
import { CHROMIUM_PATH, hasChromium, launchChromium, pagesOf } from "./testing/chromium.js";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

const CLAIM = "Vitamin D supplements reduce influenza in schoolchildren.";
const PASSWORD = "a long enough passphrase";
const CHECK_TIMEOUT = 30_000;
const STEP_TIMEOUT = 10_000;
const CHECK_PAGE = /\/check\/[^/?#]+$/;

describe.skipIf(!hasChromium)(
  hasChromium
    ? "accounts in a real browser (Chromium)"
    : `accounts in a real browser — skipped: no Chromium at ${CHROMIUM_PATH}`,
  { timeout: 3 * CHECK_TIMEOUT },
  () => {
    let server: PageServer;
    let browser: Browser;
    const pages = pagesOf(() => browser, STEP_TIMEOUT);

    beforeAll(async () => {
      [server, browser] = await Promise.all([startPageServer(), launchChromium()]);
      const now = new Date();
      for (const role of ["viewer", "checker"] as const) {
        await addUser(server.store.accounts, {
          email: `${role}@example.org`,
          role,
          password: PASSWORD,
          now,
        });
      }
    }, 30_000);
    afterEach(() => pages.closeAll());
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function loggedIn(email: string): Promise<Page> {
      const page = await pages.newPage();
      await page.goto(`${server.url}/`);
      await page.getByRole("link", { name: "Log in" }).click();
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL(`${server.url}/`);
      expect(await page.locator("nav").textContent()).toContain(`Signed in as ${email}`);
      return page;
    }

    it("a checker logs in, runs a check, rates it and logs out", async () => {
      const page = await loggedIn("checker@example.org");
      // The script streams the check through the API with the session and its CSRF token.
      const streamed = page.waitForResponse((r) => r.url() === `${server.url}/api/checks`);
      await page.getByLabel("Enter a claim or question").fill(CLAIM);
      await page.getByRole("button", { name: "Check it" }).click();
      expect((await streamed).status()).toBe(200);
      await page.waitForURL(CHECK_PAGE, { timeout: CHECK_TIMEOUT });
      const id = new URL(page.url()).pathname.slice("/check/".length);

      const rated = page.waitForResponse((r) => r.url().endsWith(`/api/checks/${id}/feedback`));
      await page.getByRole("button", { name: "Yes", exact: true }).click();
      expect((await rated).status()).toBe(201);
      await page.waitForFunction(
        '(document.getElementById("tally")?.textContent || "").includes("1 yes")',
      );
      expect((await server.store.checks.listFeedback(id, 1)).map((f) => f.helpful)).toEqual([true]);

      await page.getByRole("button", { name: "Log out" }).click();
      await page.waitForURL(`${server.url}/`);
      expect(await page.getByRole("link", { name: "Log in" }).count()).toBe(1);
      expect(await page.getByRole("button", { name: "Check it" }).count()).toBe(0);
      // The session is gone from the store: the browser's old cookie (if it kept it) is worthless.
      await page.goto(`${server.url}/check/${id}`);
      expect(await page.getByRole("button", { name: "Yes", exact: true }).count()).toBe(0);
    });

    it("a viewer sees no Check, Refresh or Rate controls, and the API refuses their writes", async () => {
      // A check to look at, made through the API with a checker's token.
      const { token } = await issueToken(server.store.accounts, {
        email: "checker@example.org",
        label: "e2e",
        now: new Date(),
      });
      const made = await fetch(`${server.url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ text: "Face masks reduce the spread of influenza in households." }),
      });
      expect(made.status).toBe(201);
      const id = ((await made.json()) as { check: { id: string } }).check.id;
      const page = await loggedIn("viewer@example.org");
      expect(await page.getByRole("button", { name: "Check it" }).count()).toBe(0);
      expect(await page.locator("main").textContent()).toContain("need the checker role");
      await page.goto(`${server.url}/check/${id}`);
      for (const name of ["Yes", "No", "Check again now", "Refresh", "Check it"]) {
        expect(await page.getByRole("button", { name, exact: true }).count()).toBe(0);
      }
      // Even with the page's own CSRF token, the role is too low.
      const status = await page.evaluate(`(async () => {
        const csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
        const response = await fetch("/api/checks/${id}/feedback", {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": csrf },
          body: JSON.stringify({ helpful: true }),
        });
        return response.status;
      })()`);
      expect(status).toBe(403);
    });
  },
);
