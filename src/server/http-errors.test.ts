import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { FactuallyError } from "../core/errors.js";
import { toHttp } from "./http-errors.js";

const fault = (code: ConstructorParameters<typeof FactuallyError>[0]) =>
  new FactuallyError(code, "the database /srv/data/factually.db is in trouble", {
    target: "/srv/data/factually.db",
    subject: "database",
  });

describe("toHttp", () => {
  it("answers a full disk with 507 and a damaged database with 500, naming neither file", () => {
    const full = toHttp(fault("STORE_FULL"));
    expect(full).toMatchObject({ status: 507, code: "STORE_FULL", log: true });
    expect(full.message).toContain("disk is full");
    const damaged = toHttp(fault("STORE_DAMAGED"));
    expect(damaged).toMatchObject({ status: 500, code: "STORE_DAMAGED", log: true });
    expect(damaged.message).toContain("damaged");
    for (const http of [full, damaged]) expect(http.message).not.toContain("/srv/data");
  });

  it("answers read-only with 503 and a busy database with 503 and Retry-After", () => {
    expect(toHttp(fault("STORE_READ_ONLY"))).toMatchObject({ status: 503, headers: {} });
    expect(toHttp(fault("STORE_BUSY"))).toMatchObject({
      status: 503,
      headers: { "Retry-After": "5" },
    });
  });

  it("keeps a user error's own message, and hides an internal fault's", () => {
    expect(toHttp(new FactuallyError("BAD_INPUT", "text is empty"))).toMatchObject({
      status: 400,
      message: "text is empty",
      log: false,
    });
    const internal = toHttp(new TypeError("x is undefined"), "check");
    expect(internal).toMatchObject({ status: 500, code: "INTERNAL", log: true });
    expect(internal.message).toBe(
      "something went wrong on the server; the check was not completed",
    );
  });

  it("takes a Hono refusal's status and names its code from the table", () => {
    expect(toHttp(new HTTPException(413, { message: "too big" }))).toMatchObject({
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: "too big",
    });
  });
});
