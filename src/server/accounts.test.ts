// Accounts on a real server (loopback, SQLite, the server's test clock): sessions rotated at
// login, ended by idle time, by the absolute limit and by logout; API tokens revoked; lockout;
// CSRF tokens; and every API operation and page form × every role → the status it must get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../core/interfaces/account-store.js";
import { sha256Hex } from "./accounts/secrets.js";
import { addUser, issueToken } from "./accounts/users.js";
import { OPERATIONS, type OperationId } from "./api/operations.js";
import { FORM_ROUTES } from "./web/form-routes.js";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

const PASSWORD = "a long enough passphrase";
const COOKIE = "factually-session";
const MINUTE = 1 / (24 * 60);

let server: PageServer;
let checkId = "";
const tokens: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  server = await startPageServer({ FACTUALLY_API_TOKEN: "service-token-for-tests" });
  const now = new Date("2026-11-25T12:00:00.000Z");
  for (const role of ["viewer", "checker", "admin"] as const) {
    await addUser(server.store.accounts, {
      email: `${role}@example.org`,
      role,
      password: PASSWORD,
      now,
    });
    tokens[role] = (
      await issueToken(server.store.accounts, { email: `${role}@example.org`, label: "t", now })
    ).token;
  }
  const created = await api("POST", "/checks", tokens.checker, {
    text: "Vitamin D reduces influenza in schoolchildren.",
  });
  expect(created.status).toBe(201);
  checkId = ((await created.json()) as { check: { id: string } }).check.id;
}, 60_000);
afterAll(() => server.close());

function api(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return server.request(`/api${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/** The session cookie a response sets, if any. */
function sessionSet(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = new RegExp(`^${COOKIE}=([^;]*)`).exec(line);
    if (match) return match[1];
  }
  return undefined;
}

async function login(email: string, password = PASSWORD, cookie?: string): Promise<Response> {
  return server.request("/login", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: server.url,
      ...(cookie ? { cookie: `${COOKIE}=${cookie}` } : {}),
    },
    body: new URLSearchParams({ email, password }),
  });
}

async function sessionOf(role: Role): Promise<string> {
  const response = await login(`${role}@example.org`);
  expect(response.status).toBe(303);
  const token = sessionSet(response);
  if (!token) throw new Error("no session cookie");
  return token;
}

/** The home page as the holder of `cookie` sees it. */
async function home(cookie: string | undefined): Promise<string> {
  const response = await server.request("/", {
    headers: cookie ? { cookie: `${COOKIE}=${cookie}` } : {},
  });
  return response.text();
}

const csrfOf = (page: string) =>
  /<meta name="csrf-token" content="([0-9a-f]{64})">/.exec(page)?.[1];

function postForm(path: string, cookie: string | undefined, fields: Record<string, string>) {
  return server.request(path, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: server.url,
      ...(cookie ? { cookie: `${COOKIE}=${cookie}` } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

describe("sessions", () => {
  it("sets an HttpOnly, SameSite=Lax cookie and stores only the SHA-256 of its id", async () => {
    const response = await login("checker@example.org");
    const line = response.headers.getSetCookie().find((l) => l.startsWith(`${COOKIE}=`)) ?? "";
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    const token = sessionSet(response) ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await server.store.accounts.getSession(token)).toBeUndefined();
    expect(await server.store.accounts.getSession(sha256Hex(token))).toMatchObject({
      email: "checker@example.org",
    });
  });

  it("changes the session id at login: an id presented before is never the one after, and ends", async () => {
    const planted = await sessionOf("viewer");
    const response = await login("checker@example.org", PASSWORD, planted);
    const after = sessionSet(response);
    expect(after).toBeDefined();
    expect(after).not.toBe(planted);
    expect(await home(planted)).toContain('href="/login">Log in</a>');
    expect(await home(after)).toContain("Signed in as checker@example.org");
    // An id the attacker made up is not adopted either.
    const madeUp = sessionSet(await login("checker@example.org", PASSWORD, "attacker-chosen-id"));
    expect(madeUp).not.toBe("attacker-chosen-id");
  });

  it("ends after the idle time without requests, and lives on while used", async () => {
    const active = await sessionOf("checker");
    const idle = await sessionOf("checker");
    server.advance(119 * MINUTE);
    expect(await home(active)).toContain("Signed in as");
    server.advance(2 * MINUTE);
    expect(await home(idle)).toContain('href="/login">Log in</a>');
    expect(await home(active)).toContain("Signed in as");
  });

  it("ends at the absolute limit however active", async () => {
    const token = await sessionOf("checker");
    for (let hour = 0; hour < 23; hour++) {
      server.advance(60 * MINUTE);
      expect(await home(token)).toContain("Signed in as");
    }
    server.advance(61 * MINUTE);
    expect(await home(token)).toContain('href="/login">Log in</a>');
    expect(await server.store.accounts.getSession(sha256Hex(token))).toBeUndefined();
  });

  it("logout revokes the session in the store: the old cookie no longer works", async () => {
    const token = await sessionOf("checker");
    const csrf = csrfOf(await home(token)) ?? "";
    const out = await postForm("/logout", token, { csrf });
    expect(out.status).toBe(303);
    expect(await server.store.accounts.getSession(sha256Hex(token))).toBeUndefined();
    expect(await home(token)).toContain('href="/login">Log in</a>');
    const write = await postForm(`/check/${checkId}/feedback`, token, { helpful: "yes", csrf });
    expect(write.status).toBe(401);
  });

  it("locks an email out with backoff after repeated failures, even for the right password", async () => {
    for (let i = 0; i < 5; i++)
      expect((await login("admin@example.org", "wrong password!!")).status).toBe(401);
    const locked = await login("admin@example.org");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await locked.text()).toContain("Too many failed logins");
    server.advance(31 / 86_400);
    expect((await login("admin@example.org")).status).toBe(303);
  });

  it("locks a client out after repeated failures across different emails", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login(`guess-${i}@example.org`, "wrong password!!")).status).toBe(401);
    }
    expect((await login("viewer@example.org")).status).toBe(429);
    server.advance(31 / 86_400);
    expect((await login("viewer@example.org")).status).toBe(303);
  });

  it("says the same for an unknown email as for a wrong password", async () => {
    const unknown = await login("nobody@example.org");
    const wrong = await login("viewer@example.org", "not the password");
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.text()).toContain("The email or password is wrong.");
    expect(await wrong.text()).toContain("The email or password is wrong.");
  });
});

describe("CSRF tokens", () => {
  it("a signed-in form without its session's token is refused, with it accepted", async () => {
    const token = await sessionOf("checker");
    const page = await home(token);
    const csrf = csrfOf(page) ?? "";
    expect(page).toContain(`<input type="hidden" name="csrf" value="${csrf}">`);
    expect((await postForm(`/check/${checkId}/feedback`, token, { helpful: "yes" })).status).toBe(
      403,
    );
    const other = csrfOf(await home(await sessionOf("checker"))) ?? "";
    expect(
      (await postForm(`/check/${checkId}/feedback`, token, { helpful: "yes", csrf: other })).status,
    ).toBe(403);
    expect(
      (await postForm(`/check/${checkId}/feedback`, token, { helpful: "yes", csrf })).status,
    ).toBe(303);
  });

  it("the API takes a session's write only with the token in X-CSRF-Token", async () => {
    const token = await sessionOf("checker");
    const csrf = csrfOf(await home(token)) ?? "";
    const cookie = { cookie: `${COOKIE}=${token}` };
    const path = `/checks/${checkId}/feedback`;
    expect((await api("POST", path, undefined, { helpful: true }, cookie)).status).toBe(403);
    expect(
      (await api("POST", path, undefined, { helpful: true }, { ...cookie, "x-csrf-token": csrf }))
        .status,
    ).toBe(201);
    const crossSite = { ...cookie, "x-csrf-token": csrf, "sec-fetch-site": "cross-site" };
    expect((await api("POST", path, undefined, { helpful: true }, crossSite)).status).toBe(403);
  });
});

describe("API tokens", () => {
  it("work until revoked, record when they were last used, and stop for a disabled user", async () => {
    const now = new Date();
    const { token, stored } = await issueToken(server.store.accounts, {
      email: "checker@example.org",
      label: "ci",
      now,
    });
    const path = `/checks/${checkId}/feedback`;
    expect((await api("POST", path, token, { helpful: false })).status).toBe(201);
    expect((await server.store.accounts.getTokenByHash(stored.hash))?.lastUsedAt).toBeDefined();
    await server.store.accounts.revokeToken(stored.id, now.toISOString());
    const refused = await api("POST", path, token, { helpful: false });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });

    await addUser(server.store.accounts, {
      email: "leaver@example.org",
      role: "checker",
      password: PASSWORD,
      now,
    });
    const leaver = await issueToken(server.store.accounts, {
      email: "leaver@example.org",
      label: "x",
      now,
    });
    expect((await api("POST", path, leaver.token, { helpful: true })).status).toBe(201);
    await server.store.accounts.setDisabled("leaver@example.org", true);
    expect((await api("POST", path, leaver.token, { helpful: true })).status).toBe(401);
  });
});

describe("roles on every route", () => {
  type Who = "anonymous" | Role | "service";
  const WHO: readonly Who[] = ["anonymous", "viewer", "checker", "admin", "service"];

  /** A request for each operation that succeeds (or fails on its input) once allowed. */
  const REQUESTS: Record<OperationId, { path: () => string; body?: unknown; allowed: number }> = {
    createCheck: { path: () => "/checks", body: { text: "" }, allowed: 400 },
    listChecks: { path: () => "/checks", allowed: 200 },
    getCheck: { path: () => `/checks/${checkId}`, allowed: 200 },
    getCheckVersion: { path: () => `/checks/${checkId}/versions/1`, allowed: 200 },
    refreshCheck: { path: () => "/checks/no-such-check-0000/refresh", body: {}, allowed: 404 },
    getRun: { path: () => `/checks/${checkId}/run`, allowed: 404 },
    cancelRun: { path: () => `/checks/${checkId}/cancel`, body: {}, allowed: 404 },
    addFeedback: {
      path: () => `/checks/${checkId}/feedback`,
      body: { helpful: true },
      allowed: 201,
    },
    getClaimReview: { path: () => `/checks/${checkId}/claimreview`, allowed: 200 },
    searchCorpus: { path: () => "/search?q=vitamin", allowed: 200 },
    getHealth: { path: () => "/health", allowed: 200 },
    getReady: { path: () => "/ready", allowed: 200 },
    getOpenApi: { path: () => "/openapi.json", allowed: 200 },
  };

  const expected = (role: Role | undefined, who: Who, allowed: number): number => {
    if (!role) return allowed;
    if (who === "anonymous") return 401;
    if (who === "service" || who === "admin") return allowed;
    return who === "viewer" && role !== "viewer" ? 403 : allowed;
  };

  const cases = (Object.keys(OPERATIONS) as OperationId[]).flatMap((id) =>
    WHO.map((who) => [id, who] as const),
  );
  it.each(cases)("%s as %s", async (id, who) => {
    const operation = OPERATIONS[id] as { method: string; role?: Role };
    const request = REQUESTS[id];
    const token =
      who === "anonymous" ? undefined : who === "service" ? "service-token-for-tests" : tokens[who];
    const response = await api(operation.method, request.path(), token, request.body);
    expect(response.status).toBe(expected(operation.role, who, request.allowed));
    if (response.status === 403)
      expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  const FORMS: Record<
    keyof typeof FORM_ROUTES,
    { path: () => string; fields: Record<string, string>; allowed: number }
  > = {
    check: { path: () => "/check", fields: { text: "" }, allowed: 400 },
    refresh: { path: () => "/check/no-such-check-0000/refresh", fields: {}, allowed: 404 },
    feedback: {
      path: () => `/check/${checkId}/feedback`,
      fields: { helpful: "yes" },
      allowed: 303,
    },
  };
  const formCases = (Object.keys(FORM_ROUTES) as (keyof typeof FORM_ROUTES)[]).flatMap((form) =>
    (["anonymous", "viewer", "checker", "admin"] as const).map((who) => [form, who] as const),
  );
  it.each(formCases)("form %s as %s", async (form, who) => {
    const cookie = who === "anonymous" ? undefined : await sessionOf(who);
    const csrf = csrfOf(await home(cookie));
    const request = FORMS[form];
    const response = await postForm(request.path(), cookie, {
      ...request.fields,
      ...(csrf ? { csrf } : {}),
    });
    expect(response.status).toBe(expected(FORM_ROUTES[form].role, who, request.allowed));
  });

  it("a viewer's pages show no Check, Refresh or Rate forms; a checker's do", async () => {
    const viewer = await sessionOf("viewer");
    const checker = await sessionOf("checker");
    for (const path of ["/", `/check/${checkId}`]) {
      const headers = (token: string) => ({ headers: { cookie: `${COOKIE}=${token}` } });
      const seen = await (await server.request(path, headers(viewer))).text();
      expect(seen).not.toMatch(/<form[^>]*action="\/check(\/[^"]*)?"/);
      const full = await (await server.request(path, headers(checker))).text();
      expect(full).toMatch(/<form[^>]*action="\/check(\/[^"]*)?"/);
    }
    expect(await home(viewer)).toContain("need the checker role");
  });
});

describe("behind https (FACTUALLY_BASE_URL)", () => {
  it("names the cookie __Host-factually-session and marks it Secure, Path=/", async () => {
    const secure = await startPageServer({ FACTUALLY_BASE_URL: "https://factcheck.example" });
    try {
      const now = new Date();
      await addUser(secure.store.accounts, {
        email: "ada@example.org",
        role: "checker",
        password: PASSWORD,
        now,
      });
      const response = await secure.request("/login", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: secure.url },
        body: new URLSearchParams({ email: "ada@example.org", password: PASSWORD }),
      });
      expect(response.status).toBe(303);
      const line =
        response.headers.getSetCookie().find((l) => l.includes("factually-session")) ?? "";
      expect(line).toMatch(/^__Host-factually-session=[A-Za-z0-9_-]{43};/);
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/; Path=\//);
      expect(line).toMatch(/; HttpOnly/);
    } finally {
      await secure.close();
    }
  });
});

describe("without users", () => {
  it("has no login page and no account links: the service is open as before", async () => {
    const open = await startPageServer();
    try {
      const login = await open.request("/login");
      expect(login.status).toBe(404);
      expect(await login.text()).toContain("This server has no accounts");
      const home = await (await open.request("/")).text();
      expect(home).not.toContain('href="/login"');
      expect(home).not.toContain("csrf-token");
      expect(home).toContain('action="/check"');
    } finally {
      await open.close();
    }
  });
});
