// Earlier fact-checks by other publishers (Google Fact Check Tools, served by a loopback server
// in the shape of its claims:search answer): listed as their own group, cited in the summary,
// never weighed in the verdict.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StancePredictor } from "../assess/stance-assessor.js";
import { WEB_DEFAULTS } from "../config/web-config.js";
import { runCheck } from "../pipeline/run.js";
import { WebReader } from "../read/web-reader.js";
import { renderCheckMarkdown } from "../render/markdown.js";
import { renderCheckText } from "../render/text.js";
import { GoogleFactCheckProvider } from "../search/web/google-fact-check.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import type { SqliteStores } from "../store/sqlite/sqlite-store.js";
import { createSafeFetcher } from "../web/fetch/index.js";
import { offlineCheckDependencies } from "./offline-check.js";

const FIXTURE = join(import.meta.dirname, "../search/web/fixtures/google-fact-check.json");
const CLAIM = "Face masks reduce the spread of COVID-19.";
const stance: StancePredictor = {
  id: "stand-in",
  predict: (_c, text) =>
    /\bnot\b/i.test(text)
      ? { agree: 0.1, disagree: 0.7, discuss: 0.1, unrelated: 0.1 }
      : { agree: 0.8, disagree: 0.05, discuss: 0.1, unrelated: 0.05 },
};

let store: SqliteStores;
let server: Server;
let base = "";
let asked: URL | undefined;

beforeAll(async () => {
  store = openSqliteStore(":memory:");
  await store.corpus.upsertDocuments([
    {
      id: "trial",
      title: "Masks in a village trial",
      text: "Face masks reduce the spread of COVID-19 in a large village trial.",
    },
    {
      id: "review",
      title: "A review of mask studies",
      text: "Community studies found face masks reduce the spread of COVID-19 when worn consistently.",
    },
  ]);
  server = createServer((req, res) => {
    asked = new URL(req.url ?? "/", "http://x");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(readFileSync(FIXTURE));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await store.close();
  await new Promise((done) => server.close(done));
});

describe("earlier fact-checks", () => {
  it("are their own group: cited and mentioned, but the verdict rests on the evidence alone", async () => {
    const offline = offlineCheckDependencies(store.corpus, { stanceModel: stance });
    const fetcher = createSafeFetcher({ userAgent: WEB_DEFAULTS.userAgent });
    try {
      const withChecks = await runCheck(CLAIM, {
        ...offline,
        providers: [
          ...offline.providers,
          new GoogleFactCheckProvider({ apiKey: "k", baseUrl: base }),
        ],
        readers: [...offline.readers, new WebReader(store.snapshots, fetcher)],
      });
      const without = await runCheck(CLAIM, offline);
      const { version } = withChecks;
      expect(asked?.pathname).toBe("/v1alpha1/claims:search");
      const prior = version.sources.filter((s) => s.factCheck);
      expect(prior.map((s) => [s.factCheck?.publisher, s.factCheck?.rating])).toEqual(
        expect.arrayContaining([
          ["PolitiFact", "Mostly False"],
          ["Full Fact", "Misleading"],
        ]),
      );
      // Numbered after the evidence, and never read over the network.
      const firstPrior = Math.min(...prior.map((s) => s.n));
      expect(version.sources.filter((s) => !s.factCheck).every((s) => s.n < firstPrior)).toBe(true);
      expect(version.verdict).toEqual(without.version.verdict);
      const summary = version.report.summary.map((p) => p.text).join(" ");
      expect(summary).toMatch(/Earlier fact-checks: .*PolitiFact rated it "Mostly False"/);
      expect(version.report.verification?.dropped).toBe(0);
      const text = renderCheckText(CLAIM, version);
      expect(text).toMatch(
        /Earlier fact-checks by other publishers \(listed, not weighed\)\n\[\d+\] PolitiFact rated it "Mostly False" · 2023-02-06/,
      );
      const markdown = renderCheckMarkdown(CLAIM, version);
      expect(markdown).toContain(
        "](https://www.politifact.com/factchecks/2023/feb/06/instagram-posts/masks-cochrane-review/) rated it",
      );
    } finally {
      await fetcher.close();
    }
  });
});
