// One per-client budget of checks, whichever door they come in by: a client that used its
// checks through the API cannot start more through the page form, and the other way round.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ FACTUALLY_CHECKS_PER_MINUTE: "1" });
});
afterAll(async () => {
  await server.close();
  await server.store.close();
});

describe("the per-client check limit", () => {
  it("is shared by the API and the page form", async () => {
    const api = await server.request("/api/checks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Vitamin D supplements reduce influenza in schoolchildren." }),
    });
    expect(api.status).toBe(201);
    const form = await server.post("/check", {
      text: "Face masks reduce the spread of influenza.",
    });
    expect(form.status).toBe(429);
    expect(form.headers.get("retry-after")).toBe("60");
    expect(await form.text()).toContain("You started 1 check in the last minute; wait 60 s");
  });
});
