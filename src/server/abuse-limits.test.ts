// Floods from one client, as an attacker on loopback sends them: ratings, refreshes and comment
// bytes each meet a per-client budget shared by the API and the page forms, answered 429 with
// Retry-After, and a client's ratings of one version count once however many it sends.
import { afterEach, describe, expect, it } from "vitest";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

const CLAIM = "Vitamin D supplements reduce influenza in schoolchildren.";

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

async function serverWithCheck(env: Record<string, string>) {
  const server = await startPageServer(env);
  const created = await server.request("/api/checks", json({ text: CLAIM }));
  expect(created.status).toBe(201);
  const { check } = (await created.json()) as { check: { id: string } };
  return { server, id: check.id };
}

/** `total` requests, `width` at a time; the statuses counted. */
async function flood(total: number, width: number, send: () => Promise<Response>) {
  const statuses = new Map<number, number>();
  let retryAfter: string | null = null;
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < total) {
        next++;
        const response = await send();
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 429) retryAfter ??= response.headers.get("retry-after");
      }
    }),
  );
  return { statuses: Object.fromEntries(statuses), retryAfter };
}

describe("abuse limits per client", () => {
  let server: PageServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("counts 3,000 ratings from one client as one, and stores one row", async () => {
    const made = await serverWithCheck({});
    server = made.server;
    const { id } = made;
    let i = 0;
    const { statuses, retryAfter } = await flood(3000, 50, () =>
      (made.server as PageServer).request(
        `/api/checks/${id}/feedback`,
        json({ helpful: i++ % 2 === 0 }),
      ),
    );
    // 30 ratings a minute by default: the rest are refused, each told when to come back.
    expect(statuses).toEqual({ 201: 30, 429: 2970 });
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // The form is the same client, with the same budget.
    const form = await server.post(`/check/${id}/feedback`, { v: "1", helpful: "yes" });
    expect(form.status).toBe(429);
    expect(form.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await form.text()).toContain("You sent 30 ratings in the last minute; wait");
    const stored = await server.store.checks.getCheck(id);
    const tally = stored?.versions[0]?.feedback;
    expect((tally?.helpful ?? 0) + (tally?.notHelpful ?? 0)).toBe(1);
    expect(await server.store.checks.listFeedback(id, 1)).toHaveLength(1);
  }, 60_000);

  it("lets a client change its rating, and the form and the API are one rater", async () => {
    const made = await serverWithCheck({});
    server = made.server;
    const { id } = made;
    expect((await server.post(`/check/${id}/feedback`, { v: "1", helpful: "yes" })).status).toBe(
      303,
    );
    const api = await server.request(`/api/checks/${id}/feedback`, json({ helpful: false }));
    expect(api.status).toBe(201);
    expect(((await api.json()) as { tally: unknown }).tally).toEqual({
      helpful: 0,
      notHelpful: 1,
    });
  });

  it("refuses a refresh flood with 429 and Retry-After, apart from the check budget", async () => {
    const made = await serverWithCheck({ FACTUALLY_REFRESHES_PER_MINUTE: "2" });
    server = made.server;
    const { id } = made;
    const refresh = () =>
      (made.server as PageServer).request(`/api/checks/${id}/refresh`, json({}));
    expect((await refresh()).status).toBe(201);
    expect((await refresh()).status).toBe(201);
    const third = await refresh();
    expect(third.status).toBe(429);
    // Two a minute: the next one in 30 s (the test clock stands still).
    expect(third.headers.get("retry-after")).toBe("30");
    const error = ((await third.json()) as { error: { code: string; message: string } }).error;
    expect(error).toEqual({
      code: "TOO_MANY",
      message: "this client may start 2 refreshes a minute; try again in 30 s",
    });
    // The page's refresh button spends the same budget.
    const form = await server.post(`/check/${id}/refresh`, {});
    expect(form.status).toBe(429);
    expect(form.headers.get("retry-after")).toBe("30");
    expect(await form.text()).toContain("You refreshed 2 checks in the last minute; wait 30 s");
    // Starting a new check is a budget of its own, untouched by the refreshes.
    const check = await server.request(
      "/api/checks",
      json({ text: "Face masks reduce influenza." }),
    );
    expect(check.status).toBe(201);
  }, 60_000);

  it("limits the comment bytes one client may send an hour", async () => {
    const made = await serverWithCheck({ FACTUALLY_COMMENT_BYTES_PER_HOUR: "8000" });
    server = made.server;
    const { id } = made;
    // 2,000 characters of two bytes each: 4,000 bytes a comment, two an hour.
    const comment = "é".repeat(2000);
    const send = () =>
      (made.server as PageServer).request(
        `/api/checks/${id}/feedback`,
        json({ helpful: true, comment }),
      );
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const third = await send();
    expect(third.status).toBe(429);
    // 4,000 bytes at 8,000 an hour come back in half an hour.
    expect(third.headers.get("retry-after")).toBe("1800");
    expect(((await third.json()) as { error: { message: string } }).error.message).toBe(
      "this client may send 8000 bytes an hour of comments; try again in 1800 s",
    );
    const form = await server.post(`/check/${id}/feedback`, { v: "1", helpful: "no", comment });
    expect(form.status).toBe(429);
    expect(form.headers.get("retry-after")).toBe("1800");
    expect(await form.text()).toContain("You wrote 8000 bytes of comments in the last hour");
    // A rating without a comment is still taken.
    const plain = await server.request(`/api/checks/${id}/feedback`, json({ helpful: false }));
    expect(plain.status).toBe(201);
  }, 60_000);
});
