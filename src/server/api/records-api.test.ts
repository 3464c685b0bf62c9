// Feedback and ClaimReview over a real server, as `factually feedback|export` give them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/api-server.js";
import { postJson } from "./testing/http.js";

let server: TestServer;
const api = (path: string) => `${server.url}/api${path}`;
let claimId: string;
let questionId: string;

async function checkId(text: string): Promise<string> {
  const response = await postJson(api("/checks"), { text });
  expect(response.status).toBe(201);
  return ((await response.json()) as { check: { id: string } }).check.id;
}

beforeAll(async () => {
  server = await startTestServer({
    FACTUALLY_PUBLISHER: "Example Checks",
    FACTUALLY_BASE_URL: "https://checks.example",
  });
  claimId = await checkId("Vitamin D supplements reduce influenza.");
  questionId = await checkId("Does vitamin D reduce influenza in children?");
});
afterAll(async () => {
  await server?.close();
});

describe("POST /api/checks/:id/feedback", () => {
  it("stores a rating and answers 201 with it and the version's tally", async () => {
    const response = await postJson(api(`/checks/${claimId}/feedback`), {
      helpful: true,
      comment: "  Clear\u0007 and\u200B well sourced.\r\nThanks ",
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      feedback: Record<string, unknown>;
      tally: { helpful: number; notHelpful: number };
    };
    expect(body.feedback).toMatchObject({
      checkId: claimId,
      version: 1,
      helpful: true,
      comment: "Clear and well sourced.\nThanks",
    });
    expect(body.tally).toEqual({ helpful: 1, notHelpful: 0 });
    // The same client again: its second rating replaces the first rather than adding to it.
    await postJson(api(`/checks/${claimId}/feedback`), { helpful: false, version: 1 });
    const view = (await (await fetch(api(`/checks/${claimId}`))).json()) as {
      feedback: { helpful: number; notHelpful: number };
    };
    expect(view.feedback).toEqual({ helpful: 0, notHelpful: 1 });
  });

  it("refuses an answer that is not a boolean with 400 naming helpful", async () => {
    const response = await postJson(api(`/checks/${claimId}/feedback`), { helpful: "maybe" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("BAD_INPUT");
    expect(body.error.message).toMatch(/^helpful must be true or false$/);
  });

  it("refuses a comment over 2,000 characters with 400 naming comment", async () => {
    const response = await postJson(api(`/checks/${claimId}/feedback`), {
      helpful: true,
      comment: "x".repeat(2001),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^comment is too long: at most 2,000 characters$/,
    );
  });

  it("answers 404 for a version the check does not have", async () => {
    const response = await postJson(api(`/checks/${claimId}/feedback`), {
      helpful: true,
      version: 7,
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      `check ${claimId} has no version 7; it has only version 1`,
    );
  });
});

describe("GET /api/checks/:id/claimreview", () => {
  it("answers a claim as ClaimReview JSON-LD with a rating and the publisher", async () => {
    const response = await fetch(api(`/checks/${claimId}/claimreview`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const jsonLd = (await response.json()) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `https://checks.example/check/${claimId}`,
      claimReviewed: "Vitamin D supplements reduce influenza.",
      author: { "@type": "Organization", name: "Example Checks" },
      reviewRating: { "@type": "Rating" },
    });
    // The claim has no recorded origin: the publisher is told so.
    const warnings = JSON.parse(response.headers.get("x-factually-warning") ?? "[]") as string[];
    expect(warnings.some((w) => w.includes("no recorded origin"))).toBe(true);
  });

  it("answers a question without reviewRating and says why in X-Factually-Warning", async () => {
    const response = await fetch(api(`/checks/${questionId}/claimreview?version=1`));
    expect(response.status).toBe(200);
    const jsonLd = (await response.json()) as Record<string, unknown>;
    expect(jsonLd["@type"]).toBe("ClaimReview");
    expect(jsonLd).not.toHaveProperty("reviewRating");
    const header = response.headers.get("x-factually-warning") ?? "";
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const warnings = JSON.parse(header) as string[];
    expect(warnings.some((w) => w.startsWith("No reviewRating: a question"))).toBe(true);
  });

  it("answers 400 for a version that is not a number and 404 for an unknown check", async () => {
    expect((await fetch(api(`/checks/${claimId}/claimreview?version=x`))).status).toBe(400);
    expect((await fetch(api("/checks/nothing-here-0000aaaa/claimreview"))).status).toBe(404);
  });

  it("tells an API client about an unknown check without the CLI's advice", async () => {
    const response = await fetch(api("/checks/nothing-here-0000aaaa"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "NOT_FOUND", message: "no check nothing-here-0000aaaa" },
    });
  });
});
