// The server's checks apply the configured source policy, as the CLI's do (one composition).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ FACTUALLY_DENY_DOMAINS: "journal.example.org" });
});
afterAll(async () => {
  await server.close();
  await server.store.close();
});

describe("a check started through the API", () => {
  it("leaves out a denied domain and records the policy", async () => {
    const response = await server.request("/api/checks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Vitamin D supplements reduce influenza in schoolchildren." }),
    });
    expect(response.status).toBe(201);
    const { version } = (await response.json()) as {
      version: { sources: Array<{ url?: string }>; settings: { policy?: string } };
    };
    expect(version.settings.policy).toContain("journal.example.org");
    expect(version.sources.length).toBeGreaterThan(0);
    expect(version.sources.some((s) => s.url?.includes("journal.example.org"))).toBe(false);
  });
});
