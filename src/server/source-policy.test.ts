// The server's checks apply the configured source policy, as the CLI's do: both go through the
// one engine (a server that wired its own checks once skipped the domain lists, bcd2c58).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

interface Answer {
  version: { sources: Array<{ url?: string }>; settings: { policy?: string } };
}

async function checkThrough(server: PageServer): Promise<Answer> {
  const response = await server.request("/api/checks", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: "Vitamin D supplements reduce influenza in schoolchildren." }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Answer;
}

describe("a check started through the API", () => {
  let denying: PageServer;
  let allowing: PageServer;
  beforeAll(async () => {
    denying = await startPageServer({ FACTUALLY_DENY_DOMAINS: "journal.example.org" });
    allowing = await startPageServer({ FACTUALLY_ALLOW_DOMAINS: "allowed.example.net" });
  });
  afterAll(async () => {
    await denying.close();
    await allowing.close();
  });

  it("leaves out a denied domain and records the policy", async () => {
    const { version } = await checkThrough(denying);
    expect(version.settings.policy).toContain("journal.example.org");
    expect(version.sources.length).toBeGreaterThan(0);
    expect(version.sources.some((s) => s.url?.includes("journal.example.org"))).toBe(false);
  });

  it("leaves out a domain that is not on the allow list and records the policy", async () => {
    const { version } = await checkThrough(allowing);
    expect(version.settings.policy).toContain("allowed.example.net");
    expect(version.sources.some((s) => s.url?.includes("journal.example.org"))).toBe(false);
  });
});
