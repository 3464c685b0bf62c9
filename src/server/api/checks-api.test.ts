// The check endpoints over a real server: create, reuse, stream, join, read, refresh.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAGES } from "../../core/schema/check-event.js";
import { localJobs } from "../testing/stage-log.js";
import { startTestServer, TEST_NOW, type TestServer } from "./testing/api-server.js";
import { dataOf, postJson, readAllEvents, readEventsUntil } from "./testing/http.js";

let server: TestServer;
const api = (path: string) => `${server.url}/api${path}`;
const SSE = { accept: "text/event-stream" };

beforeAll(async () => {
  // The clock stands still in tests, so the per-client limit would never refill.
  server = await startTestServer({ FACTUALLY_CHECKS_PER_MINUTE: "1000" });
});
afterAll(async () => {
  await server?.close();
});

interface Created {
  check: { id: string; input: string; kind: string };
  version: { n: number; checkId: string; checkedAt: string; verdict: { label: string } };
  outcome: string;
  joined: boolean;
  stale: boolean;
  feedback: { helpful: number; notHelpful: number };
  versions: Array<{ n: number }>;
}

async function create(text: string, extra: Record<string, unknown> = {}): Promise<Created> {
  const response = await postJson(api("/checks"), { text, ...extra });
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

describe("POST /api/checks", () => {
  it("runs a check and answers 201 with the check, its version and its record facts", async () => {
    const response = await postJson(api("/checks"), {
      text: "Vitamin D supplements reduce influenza.",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as Created;
    expect(body.check.id).toMatch(/^vitamin-d-supplements-reduce-influenza-[0-9a-f]{8}$/);
    expect(body.check.kind).toBe("claim");
    expect(body.version.n).toBe(1);
    expect(body.version.checkedAt).toBe(TEST_NOW.toISOString());
    expect(body).toMatchObject({
      outcome: "first",
      joined: false,
      stale: false,
      feedback: { helpful: 0, notHelpful: 0 },
    });
    expect(body.versions.map((v) => v.n)).toEqual([1]);
  });

  it("reuses the stored version when the same text is asked again", async () => {
    const again = await create("Vitamin D supplements reduce influenza.");
    expect(again.outcome).toBe("reused");
    expect(again.version.n).toBe(1);
  });

  it("runs a new version when asked for a fresh one", async () => {
    const fresh = await create("Vitamin D supplements reduce influenza.", { fresh: true });
    expect(fresh.outcome).toBe("forced");
    expect(fresh.version.n).toBe(2);
    expect(fresh.versions.map((v) => v.n)).toEqual([1, 2]);
  });

  it("refuses a model the server does not have with 400", async () => {
    const response = await postJson(api("/checks"), { text: "Face masks work.", llm: true });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("BAD_INPUT");
    expect(body.error.message).toMatch(/no language model/);
  });

  it("ends a stream whose check fails with an error event", async () => {
    const response = await postJson(api("/checks"), { text: "Face masks work.", llm: true }, SSE);
    expect(response.status).toBe(200);
    const events = await readAllEvents(response);
    expect(events.map((e) => e.event)).toEqual(["job-accepted", "error"]);
    expect(events[1]?.data).toMatchObject({
      error: { code: "BAD_INPUT", message: expect.stringMatching(/no language model/) },
    });
  });

  it("streams the progress stage by stage and ends with done carrying the id", async () => {
    const response = await postJson(
      api("/checks"),
      { text: "Face masks reduce the spread of influenza." },
      SSE,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = await readAllEvents(response);
    expect(events[0]).toMatchObject({ event: "job-accepted", data: { joined: false } });
    const { id } = dataOf<{ id: string }>(events[0]);
    const started = events.filter((e) => e.event === "stage-started");
    expect(started.map((e) => (e.data as { stage: string }).stage)).toEqual([...STAGES]);
    // Each stage is done before the next one starts.
    const stageEvents = events
      .filter((e) => e.event.startsWith("stage-"))
      .map((e) => `${e.event}:${(e.data as { stage: string }).stage}`);
    expect(stageEvents).toEqual(STAGES.flatMap((s) => [`stage-started:${s}`, `stage-done:${s}`]));
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(["query-planned", "hit-found", "source-read", "section-written"]),
    );
    expect(events.at(-2)?.event).toBe("check-done");
    expect(events.at(-1)).toEqual({ event: "done", data: { id, n: 1, outcome: "first" } });
    const stored = await fetch(api(`/checks/${id}`));
    expect(stored.status).toBe(200);
  });

  it("lets a second request for the same check join the running one: one job, one version", async () => {
    const text = "Vitamin D supplements prevent influenza in adults.";
    const hold = server.hold();
    const first = postJson(api("/checks"), { text });
    await hold.reached;
    const before = (await server.jobs.submissions(0)).length;
    const second = postJson(api("/checks"), { text });
    const submissions = await server.jobs.submissions(before + 1);
    expect(submissions.at(-1)?.joined).toBe(true);
    hold.release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const [bodyA, bodyB] = [(await a.json()) as Created, (await b.json()) as Created];
    expect([bodyA.joined, bodyB.joined]).toEqual([false, true]);
    expect(bodyB.version).toEqual(bodyA.version);
    expect(bodyB.versions.map((v) => v.n)).toEqual([1]);
  });

  it("keeps running a check whose streaming client went away, and stores its version", async () => {
    const hold = server.hold();
    const client = new AbortController();
    const response = await postJson(
      api("/checks"),
      { text: "Face masks worn late do not reduce infections." },
      SSE,
      { signal: client.signal },
    );
    const events = await readEventsUntil(response, (e) => e.event === "job-accepted");
    const { id } = dataOf<{ id: string }>(events[0]);
    await hold.reached;
    const job = localJobs(server.context.jobs).get(id);
    expect(job?.state).toBe("running");
    client.abort();
    await server.jobs.unsubscribed(id);
    hold.release();
    await expect(job?.done).resolves.toMatchObject({ checkId: id, n: 1 });
    const stored = await fetch(api(`/checks/${id}`));
    expect(stored.status).toBe(200);
  });
});

describe("a check's run: GET /api/checks/:id/run and POST /api/checks/:id/cancel", () => {
  it("says a run is running, cancels it (nothing stored), then shows why it failed until a run succeeds", async () => {
    const text = "Zinc lozenges shorten the common cold.";
    const hold = server.hold();
    const asked = postJson(api("/checks"), { text });
    await hold.reached;
    const id = (await server.jobs.submissions(1)).at(-1)?.key as string;
    const running = await fetch(api(`/checks/${id}/run`));
    expect(await running.json()).toEqual({ id, state: "running" });
    const cancelled = await postJson(api(`/checks/${id}/cancel`), {});
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toEqual({ id, cancelled: true });
    hold.release();
    const answer = await asked;
    expect(answer.status).toBe(499);
    expect(await answer.json()).toMatchObject({ error: { code: "ABORTED" } });
    expect((await fetch(api(`/checks/${id}`))).status).toBe(404);
    const failed = (await (await fetch(api(`/checks/${id}/run`))).json()) as Record<string, string>;
    expect(failed).toMatchObject({
      id,
      state: "failed",
      reason: expect.stringMatching(/cancelled/),
    });
    expect(Date.parse(failed.at ?? "")).not.toBeNaN();
    // Nothing to cancel now; a run that succeeds clears the failure.
    expect((await postJson(api(`/checks/${id}/cancel`), {})).status).toBe(404);
    await create(text);
    expect((await fetch(api(`/checks/${id}/run`))).status).toBe(404);
  });
});

describe("GET /api/checks/:id and its versions", () => {
  let id: string;
  beforeAll(async () => {
    id = (await create("Vitamin D supplements reduce influenza.")).check.id;
  });

  it("answers the latest version with staleness, feedback and every version", async () => {
    const response = await fetch(api(`/checks/${id}`));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Created;
    expect(body.check.id).toBe(id);
    expect(body.version.n).toBe(body.versions.at(-1)?.n);
    expect(body).toMatchObject({ stale: false, feedback: { helpful: 0, notHelpful: 0 } });
    expect(body).not.toHaveProperty("outcome");
  });

  it("answers version n, 400 for a version that is not a whole number, 404 beyond the last", async () => {
    const one = (await (await fetch(api(`/checks/${id}/versions/1`))).json()) as Created;
    expect(one.version.n).toBe(1);
    const bad = await fetch(api(`/checks/${id}/versions/two`));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^n /);
    const missing = await fetch(api(`/checks/${id}/versions/9`));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "NOT_FOUND", message: `check ${id} has no version 9; it has versions 1 to 2` },
    });
  });

  it("answers 404 for a check that does not exist", async () => {
    const response = await fetch(api("/checks/no-such-check-0000aaaa"));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});

describe("GET /api/checks (history)", () => {
  it("pages through the stored checks with a cursor, newest first", async () => {
    const all = (await (await fetch(api("/checks"))).json()) as {
      checks: Array<{ check: { id: string }; stale: boolean; versionCount: number }>;
      nextCursor?: string;
    };
    expect(all.checks.length).toBeGreaterThanOrEqual(3);
    expect(all.nextCursor).toBeUndefined();
    expect(all.checks[0]).toHaveProperty("stale", false);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = cursor ? `?limit=1&cursor=${encodeURIComponent(cursor)}` : "?limit=1";
      const page = (await (await fetch(api(`/checks${query}`))).json()) as typeof all;
      expect(page.checks).toHaveLength(1);
      seen.push(...page.checks.map((c) => c.check.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.checks.map((c) => c.check.id));
  });

  it("refuses a bad cursor and a limit out of range with 400 naming them", async () => {
    const cursor = await fetch(api("/checks?cursor=not-a-cursor"));
    expect(cursor.status).toBe(400);
    expect(((await cursor.json()) as { error: { message: string } }).error.message).toMatch(
      /^cursor: /,
    );
    const limit = await fetch(api("/checks?limit=101"));
    expect(limit.status).toBe(400);
    expect(((await limit.json()) as { error: { message: string } }).error.message).toMatch(
      /^limit must be at most 100$/,
    );
  });
});

describe("POST /api/checks/:id/refresh", () => {
  it("runs the next version and answers 201 with the previous one and the diff", async () => {
    const { check, versions } = await create("Vitamin D supplements reduce influenza.");
    const last = versions.at(-1)?.n ?? 0;
    const response = await fetch(api(`/checks/${check.id}/refresh`), { method: "POST" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      version: { n: number };
      previous: { n: number; checkedAt: string };
      diff: { from: number; to: number; verdict: { labelChanged: boolean } };
      joined: boolean;
    };
    expect(body.version.n).toBe(last + 1);
    expect(body.previous).toEqual({ n: last, checkedAt: TEST_NOW.toISOString() });
    expect(body.diff).toMatchObject({ from: last, to: last + 1 });
    expect(body.diff.verdict.labelChanged).toBe(false);
    expect(body.joined).toBe(false);
  });

  it("streams a refresh and ends with done carrying the new version", async () => {
    const { check, versions } = await create("Face masks reduce the spread of influenza.");
    const response = await postJson(api(`/checks/${check.id}/refresh`), {}, SSE);
    const events = await readAllEvents(response);
    expect(events[0]).toMatchObject({ event: "job-accepted", data: { kind: "refresh" } });
    expect(events.filter((e) => e.event === "stage-started")).toHaveLength(STAGES.length);
    expect(events.at(-1)).toEqual({
      event: "done",
      data: { id: check.id, n: (versions.at(-1)?.n ?? 0) + 1, outcome: "refreshed" },
    });
  });

  it("lets a second refresh of the same check join the running one", async () => {
    const { check, versions } = await create("Vitamin D supplements prevent influenza in adults.");
    const hold = server.hold();
    const refresh = () => fetch(api(`/checks/${check.id}/refresh`), { method: "POST" });
    const first = refresh();
    await hold.reached;
    const before = (await server.jobs.submissions(0)).length;
    const second = refresh();
    expect((await server.jobs.submissions(before + 1)).at(-1)).toEqual({
      key: check.id,
      joined: true,
    });
    hold.release();
    const bodies = (await Promise.all(
      (
        await Promise.all([first, second])
      ).map((r) => {
        expect(r.status).toBe(201);
        return r.json();
      }),
    )) as Array<{ version: { n: number }; joined: boolean }>;
    const next = (versions.at(-1)?.n ?? 0) + 1;
    expect(bodies.map((b) => [b.version.n, b.joined])).toEqual([
      [next, false],
      [next, true],
    ]);
    const stored = (await (await fetch(api(`/checks/${check.id}`))).json()) as Created;
    expect(stored.versions.at(-1)?.n).toBe(next);
  });

  it("answers 404 for a check that does not exist", async () => {
    const response = await fetch(api("/checks/no-such-check-0000aaaa/refresh"), {
      method: "POST",
    });
    expect(response.status).toBe(404);
  });
});
