// The reply-size limit at its edge, against a real server on 127.0.0.1: a body of exactly the
// limit is read whole, one byte more fails with PROVIDER_FAILED naming the setting.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boundedFetch } from "./bounded-fetch.js";

let server: Server;
let url = "";

beforeAll(async () => {
  // GET /<n> answers with n bytes, chunked, and a header the client should still see.
  server = createServer((req, res) => {
    const n = Number(req.url?.slice(1));
    res.writeHead(201, { "content-type": "text/plain", "x-request-id": "r1" });
    res.write("a".repeat(Math.floor(n / 2)));
    res.end("b".repeat(n - Math.floor(n / 2)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("boundedFetch", () => {
  const fetch = boundedFetch(1000);

  it("passes a reply of exactly the limit through, status and headers included", async () => {
    const response = await fetch(`${url}/1000`);
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(await response.text()).toHaveLength(1000);
  });

  it("fails a reply one byte over the limit with PROVIDER_FAILED naming the setting", async () => {
    const response = await fetch(`${url}/1001`);
    await expect(response.text()).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
      message: expect.stringContaining("larger than 1,000 bytes (FACTUALLY_LLM_MAX_REPLY_BYTES)"),
    });
  });
});
