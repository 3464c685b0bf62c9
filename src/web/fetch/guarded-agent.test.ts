import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedAddressError, createGuardedAgent } from "./guarded-agent.js";
import {
  type LoopbackServer,
  lookupTable,
  startLoopbackServer,
} from "./testing/loopback-server.js";

// The agent is the last line: these requests bypass the fetcher's URL check on purpose.

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer({
    "/": (_request, response) =>
      response.writeHead(200, { "content-type": "text/plain" }).end("reached"),
  });
});

afterAll(() => server.close());

const timeouts = { connectTimeoutMs: 2000, inactivityTimeoutMs: 2000 };

describe("the guarded agent", () => {
  it("refuses an IP-literal URL, for which undici never calls the lookup hook", async () => {
    const agent = createGuardedAgent({ ...timeouts });
    try {
      const refused = request(`${server.origin}/`, { dispatcher: agent });
      await expect(refused).rejects.toBeInstanceOf(BlockedAddressError);
      // Refused before connecting (the connected-socket check would say "connected to").
      await expect(refused).rejects.toThrow(/^127\.0\.0\.1 is a loopback address$/);
      await expect(request(`http://[::1]:${server.port}/`, { dispatcher: agent })).rejects.toThrow(
        "::1 is a loopback address",
      );
    } finally {
      await agent.close();
    }
  });

  it("refuses a name when any of its addresses is not public, before connecting", async () => {
    const agent = createGuardedAgent({
      ...timeouts,
      lookup: lookupTable({ "rebind.test": ["8.8.8.8", "127.0.0.1"] }),
    });
    try {
      await expect(
        request(`http://rebind.test:${server.port}/`, { dispatcher: agent }),
      ).rejects.toThrow("resolves to 127.0.0.1 (of 8.8.8.8, 127.0.0.1), a loopback address");
      expect(server.count("/")).toBe(0);
    } finally {
      await agent.close();
    }
  });

  it("connects to loopback only when the test-only switch allows it", async () => {
    const agent = createGuardedAgent({
      ...timeouts,
      allowLoopback: true,
      lookup: lookupTable({ "pages.test": "127.0.0.1" }),
    });
    try {
      const byName = await request(`http://pages.test:${server.port}/`, { dispatcher: agent });
      expect(await byName.body.text()).toBe("reached");
      await expect(request("http://10.0.0.1/", { dispatcher: agent })).rejects.toThrow(
        "10.0.0.1 is a private address",
      );
    } finally {
      await agent.close();
    }
  });
});
