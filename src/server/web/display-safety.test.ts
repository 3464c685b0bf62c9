// Text that changes how it looks without being seen (a right-to-left override, zero-width
// characters) in a claim and in a source's title and publisher is shown neutralised everywhere
// the page shows it — <title>, <h1>, Open Graph, ClaimReview JSON-LD, the source's link text —
// while the stored check keeps the text as it was typed.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type PageServer, startPageServer } from "./testing/page-server.js";

const CLAIM = "Zinc\u200B lozenges shorten colds \u202Estluda\u202C in\u2066 adults\u2069.";
const SHOWN = "Zinc lozenges shorten colds stluda in adults.";
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\uFEFF]/u;

let server: PageServer;
let checkPath: string;

beforeAll(async () => {
  server = await startPageServer();
  await server.store.corpus.upsertDocuments([
    {
      id: "zinc",
      title: "Zinc lozenges and the common cold \u202Etxt.exe\u202C\u200B",
      url: "https://journal.example.org/zinc",
      publisher: "Example\u200D Journal\u202E",
      text: "Zinc lozenges shorten colds in adults in a randomised trial. Adults who took zinc lozenges had shorter colds.",
    },
  ]);
  const response = await server.post("/check", { text: CLAIM });
  expect(response.status).toBe(303);
  checkPath = response.headers.get("location") ?? "";
}, 60_000);
afterAll(async () => {
  await server?.close();
});

it("shows the claim and the source without bidi controls or invisible characters", async () => {
  const { text, doc } = await server.page(checkPath);
  expect(doc.querySelector("title")?.textContent).toBe(`${SHOWN} — Factually`);
  expect(doc.querySelector("h1")?.textContent).toBe(SHOWN);
  const ogTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute("content");
  expect(ogTitle).toBe(SHOWN);
  const jsonLd = JSON.parse(
    doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}",
  ) as { claimReviewed?: string };
  expect(jsonLd.claimReviewed).toBe(SHOWN);
  const link = [...doc.querySelectorAll("a")].find(
    (a) => a.getAttribute("href") === "https://journal.example.org/zinc",
  );
  expect(link?.textContent).toBe("Zinc lozenges and the common cold txt.exe");
  expect(text).toContain("Example Journal");
  expect(text).not.toMatch(HIDDEN);
});

it("keeps the stored claim as typed, and the API returns it so", async () => {
  const id = checkPath.split("/").pop() ?? "";
  const stored = await server.store.checks.getCheck(id);
  expect(stored?.check.input).toBe(CLAIM);
  const response = await server.request(`/api/checks/${id}`);
  const body = (await response.json()) as { check: { input: string } };
  expect(body.check.input).toBe(CLAIM);
});

it("neutralises the ClaimReview the API exports too", async () => {
  const id = checkPath.split("/").pop() ?? "";
  const response = await server.request(`/api/checks/${id}/claimreview`);
  const jsonLd = (await response.json()) as { claimReviewed: string };
  expect(jsonLd.claimReviewed).toBe(SHOWN);
});
