// The system's Chromium (Debian's package) driven by playwright-core, for browser tests: no
// browser download, and the flags that keep it from calling the network on its own.
import { existsSync } from "node:fs";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

/** Where Debian (and our CI) installs Chromium. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Whether this machine has the Chromium the browser tests drive. */
export const hasChromium = existsSync(CHROMIUM_PATH);

/**
 * Without the networking flags Chromium keeps calling Google's services, which floods a closed
 * network with refused connections; QUIC is off so every request goes over plain TCP.
 */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A headless Chromium; close it when done. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/**
 * Pages each in a browser context of its own (no cookies shared between tests), every action
 * waiting at most `stepTimeoutMs`; `closeAll` (after each test) closes their contexts.
 */
export function pagesOf(browser: () => Browser, stepTimeoutMs: number) {
  const contexts: Array<{ close(): Promise<void> }> = [];
  return {
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser().newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(stepTimeoutMs);
      return page;
    },
    async closeAll(): Promise<void> {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    },
  };
}
