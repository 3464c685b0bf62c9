// The input edge under random input: whatever the API accepts as a claim becomes a check whose
// JSON and page render; anything else is a 400. Seeded, so a failure replays the same cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_INPUT_CHARS } from "../../text/input.js";
import { mulberry32, type Random, randomInt } from "../../text/prng.js";
import { startTestServer, type TestServer } from "./testing/api-server.js";
import { postJson } from "./testing/http.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ FACTUALLY_CHECKS_PER_MINUTE: "1000" });
});
afterAll(async () => {
  await server?.close();
});

/** Pieces random claims are made of: words, blobs, scripts without spaces, marks, controls. */
const PIECES: Array<(random: Random) => string> = [
  () => "Masks reduce influenza",
  () => "vitamin D",
  (r) => "A".repeat(randomInt(r, 300, 1500)),
  (r) =>
    Buffer.from(
      Array.from({ length: randomInt(r, 350, 1200) }, () => randomInt(r, 0, 255)),
    ).toString("base64"),
  (r) => "การสวมหน้ากากช่วยลดการแพร่กระจาย".repeat(randomInt(r, 5, 40)),
  (r) => "口罩可以减少病毒传播".repeat(randomInt(r, 20, 150)),
  (r) => `Masks${"\u0301".repeat(randomInt(r, 100, 1900))}`,
  () => "\ud800",
  () => "\udfff x \ud83d",
  () => "\u0000\u0007\u001b[31m\u007f",
  () => "\u202e\u200b\ufeff",
  () => "😷🦠",
  (r) =>
    String.fromCodePoint(
      ...Array.from({ length: randomInt(r, 1, 40) }, () => randomInt(r, 0, 0x10ffff)).filter(
        (c) => c < 0xd800 || c > 0xdfff,
      ),
    ),
  (r) =>
    Array.from({ length: randomInt(r, 1, 30) }, () =>
      String.fromCharCode(randomInt(r, 0, 0xffff)),
    ).join(""),
  () => " ",
  () => "?",
];

function randomClaim(random: Random): string {
  const parts = Array.from({ length: randomInt(random, 1, 4) }, () => {
    const piece = PIECES[randomInt(random, 0, PIECES.length - 1)] as (r: Random) => string;
    return piece(random);
  });
  return parts
    .join(random() < 0.5 ? " " : "")
    .slice(0, MAX_INPUT_CHARS + randomInt(random, -50, 10));
}

const KNOWN_CASES = [
  `Masks ${"QUJD".repeat(120)} work`,
  `Masks${"\u0301".repeat(1900)}`,
  "การสวมหน้ากากช่วยลดการแพร่กระจายของโรคโควิด".repeat(12),
  "口罩可以减少病毒传播".repeat(150),
  "Masks work \ud800",
];

async function expectCheckOrRefusal(text: string): Promise<void> {
  const response = await postJson(`${server.url}/api/checks`, { text });
  const body = (await response.json()) as { check?: { id: string }; error?: { code: string } };
  expect([201, 400], JSON.stringify({ text: text.slice(0, 80), body })).toContain(response.status);
  if (response.status === 400) {
    expect(body.error?.code).toBe("BAD_INPUT");
    return;
  }
  const id = body.check?.id ?? "";
  const page = await fetch(`${server.url}/check/${encodeURIComponent(id)}`);
  expect(page.status, `page of ${id}`).toBe(200);
  const json = await fetch(`${server.url}/api/checks/${encodeURIComponent(id)}`);
  expect(json.status, `JSON of ${id}`).toBe(200);
}

describe("the check input edge", () => {
  it.each(KNOWN_CASES.map((text) => [text.slice(0, 24), text]))(
    "checks %j (a long token, marks or a lone surrogate) and renders its page",
    async (_name, text) => {
      await expectCheckOrRefusal(text);
    },
  );

  it("turns 30 random inputs (seed 15) into checks whose pages render, or into 400s", async () => {
    const random = mulberry32(15);
    for (let i = 0; i < 30; i++) await expectCheckOrRefusal(randomClaim(random));
  });

  it("stores a lone surrogate as U+FFFD, so the stored claim is well-formed", async () => {
    const response = await postJson(`${server.url}/api/checks`, { text: "Masks stop flu \ud800" });
    const body = (await response.json()) as { version: { claim: { text: string } } };
    expect(body.version.claim.text).toBe("Masks stop flu \ufffd");
  });

  it("renders the page of a version stored before inputs were made well-formed", async () => {
    const made = await postJson(`${server.url}/api/checks`, { text: "Vitamin D prevents colds." });
    const { check, version } = (await made.json()) as {
      check: Parameters<TestServer["store"]["checks"]["commitVersion"]>[1];
      version: Parameters<TestServer["store"]["checks"]["commitVersion"]>[2];
    };
    const lease = await server.store.checks.beginVersion(check.id);
    const questions = version.report.relatedQuestions.map((q) => `${q} \ud800`);
    await server.store.checks.commitVersion(lease, check, {
      ...version,
      n: lease.n,
      claim: { ...version.claim, text: `${version.claim.text} \ud800` },
      report: { ...version.report, relatedQuestions: questions },
    });
    const page = await fetch(`${server.url}/check/${encodeURIComponent(check.id)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("%EF%BF%BD");
  });
});
