// Corpus search, health, readiness and the OpenAPI description over a real server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { OPERATIONS } from "./operations.js";
import { startTestServer, type TestServer } from "./testing/api-server.js";

let server: TestServer;
const api = (path: string) => `${server.url}/api${path}`;

beforeAll(async () => {
  server = await startTestServer({ FACTUALLY_API_TOKEN: "s3cret-token" });
});
afterAll(async () => {
  await server?.close();
});

describe("GET /api/search", () => {
  it("ranks documents with their best passage, as `factually search --json`", async () => {
    const response = await fetch(
      api(`/search?q=${encodeURIComponent("vitamin D influenza")}&limit=2`),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      query: string;
      results: Array<{ rank: number; id: string; score: number; passage: { text: string } }>;
    };
    expect(body.query).toBe("vitamin D influenza");
    expect(body.results.map((r) => r.rank)).toEqual([1, 2]);
    expect(body.results.map((r) => r.id).sort()).toEqual(["null-trial", "trial"]);
    expect(body.results[0]?.passage.text).toMatch(/Vitamin D/);
    expect(body).not.toHaveProperty("db");
  });

  it("refuses a missing query or one without words with 400 naming q", async () => {
    for (const query of ["", "?q=", `?q=${encodeURIComponent("?!…")}`]) {
      const response = await fetch(api(`/search${query}`));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /^q( is missing| is empty|: .* has no words)/,
      );
    }
  });
});

describe("health and readiness", () => {
  it("GET /api/health answers ok with the version and uptime", async () => {
    const response = await fetch(api("/health"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ok", version: "0.0.0-test" });
    expect(body.uptimeSeconds).toEqual(expect.any(Number));
  });

  it("GET /api/ready answers the queue and the corpus while the store answers", async () => {
    const response = await fetch(api("/ready"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      // A :memory: store cannot be opened by another thread: checks run on the main thread.
      checks: { running: 0, queued: 0, on: "main", workers: 0 },
      database: "sqlite",
      corpus: { documents: 4, passages: expect.any(Number) },
    });
  });

  it("GET /api/ready names a store fault and what to do, without the file's path", async () => {
    const faulty = await startTestServer();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    // A damaged page that a count happens to read cannot be made reliably: the fault is given.
    const stats = vi.spyOn(faulty.context.engine.corpus, "corpusStats").mockRejectedValue(
      new FactuallyError("STORE_DAMAGED", "the database /srv/factually.db is damaged", {
        subject: "database",
      }),
    );
    try {
      const response = await fetch(`${faulty.url}/api/ready`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("STORE_DAMAGED");
      expect(body.error.message).toContain("integrity_check");
      expect(body.error.message).not.toContain("/srv/factually.db");
    } finally {
      stats.mockRestore();
      log.mockRestore();
      await faulty.close().catch(() => {});
    }
  });

  it("GET /api/ready answers 503 when the store does not", async () => {
    const broken = await startTestServer();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await broken.store.close();
      const response = await fetch(`${broken.url}/api/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        ready: false,
        error: { code: "STORE_FAILED" },
      });
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
      await broken.close().catch(() => {});
    }
  });
});

describe("GET /api/openapi.json", () => {
  interface Doc {
    openapi: string;
    info: { version: string };
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  }
  let doc: Doc;
  beforeAll(async () => {
    const response = await fetch(api("/openapi.json"));
    expect(response.status).toBe(200);
    doc = (await response.json()) as Doc;
  });

  it("is an OpenAPI 3.1 document listing every endpoint and method", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("0.0.0-test");
    const listed = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(
      [
        "POST /api/checks",
        "GET /api/checks",
        "GET /api/checks/{id}",
        "GET /api/checks/{id}/versions/{n}",
        "POST /api/checks/{id}/refresh",
        "POST /api/checks/{id}/feedback",
        "GET /api/checks/{id}/claimreview",
        "GET /api/checks/{id}/run",
        "POST /api/checks/{id}/cancel",
        "GET /api/search",
        "GET /api/health",
        "GET /api/ready",
        "GET /api/openapi.json",
      ].sort(),
    );
    expect(listed).toHaveLength(Object.keys(OPERATIONS).length);
  });

  it("describes request bodies from the zod schemas that validate them", () => {
    const create = doc.paths["/api/checks"]?.post as {
      requestBody: { content: Record<string, { schema: Record<string, unknown> }> };
      responses: Record<string, { content: Record<string, unknown> }>;
    };
    const schema = create.requestBody.content["application/json"]?.schema as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.properties.text).toMatchObject({ type: "string", minLength: 1, maxLength: 2000 });
    expect(schema.properties.fresh).toMatchObject({ type: "boolean" });
    expect(schema.required).toEqual(["text"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(["201", "200", "400", "401", "413", "415", "429"]),
    );
    expect(create.responses[200]?.content).toHaveProperty("text/event-stream");
    expect(create.responses[201]?.content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/CreatedCheck" } },
    });
  });

  it("describes parameters, the core schemas, errors and the bearer token", () => {
    const version = doc.paths["/api/checks/{id}/versions/{n}"]?.get as {
      parameters: Array<{ name: string; in: string; required: boolean; schema: object }>;
    };
    expect(version.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["id", "path", true],
      ["n", "path", true],
    ]);
    expect(version.parameters[1]?.schema).toMatchObject({ type: "integer", minimum: 1 });
    const history = doc.paths["/api/checks"]?.get as {
      parameters: Array<{ name: string; required: boolean; schema: object }>;
    };
    expect(history.parameters.find((p) => p.name === "limit")).toMatchObject({
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Check", "CheckVersion", "Feedback", "Error", "CheckView"]),
    );
    expect(doc.components.schemas.Error).toMatchObject({
      properties: { error: { required: ["code", "message"] } },
    });
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: { type: "http", scheme: "bearer" },
    });
    expect(doc.paths["/api/checks"]?.post?.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths["/api/checks"]?.get?.security).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });
});
