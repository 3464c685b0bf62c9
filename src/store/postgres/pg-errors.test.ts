// Failures PostgreSQL reports that a test cannot cause on a shared server (a full disk, a
// deadlock), given as the SQLSTATE-carrying errors pg throws.
import { describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { pgStoreFault, withPgFaults } from "./pg-errors.js";

const AT = "postgres://app@db.example:5432/facts";
const pgError = (code: string, message = "server said no") =>
  Object.assign(new Error(message), { code });

describe("PostgreSQL failures as store faults", () => {
  it("names each fault the way the SQLite store does", () => {
    expect(pgStoreFault(pgError("53100", "could not extend file"), AT)?.code).toBe("STORE_FULL");
    expect(pgStoreFault(pgError("25006"), AT)?.code).toBe("STORE_READ_ONLY");
    expect(pgStoreFault(pgError("40P01"), AT)).toMatchObject({
      code: "STORE_BUSY",
      isRetryable: true,
    });
    expect(pgStoreFault(pgError("XX001"), AT)?.code).toBe("STORE_DAMAGED");
    expect(pgStoreFault(pgError("ECONNREFUSED"), AT)).toMatchObject({
      code: "STORE_FAILED",
      target: AT,
      message: expect.stringContaining(`cannot reach the PostgreSQL database ${AT}`),
    });
    expect(pgStoreFault(pgError("28P01"), AT)?.code).toBe("STORE_FAILED");
  });

  it("leaves our own bugs (a bad statement) and our own errors as they are", () => {
    expect(pgStoreFault(pgError("42601", "syntax error"), AT)).toBeUndefined();
    expect(pgStoreFault(new FactuallyError("CONFLICT", "busy"), AT)).toBeUndefined();
    expect(pgStoreFault(new Error("no code"), AT)).toBeUndefined();
  });

  it("turns a port's rejected promise into the fault", async () => {
    const port = withPgFaults(
      {
        async write() {
          throw pgError("53100");
        },
      },
      AT,
    );
    await expect(port.write()).rejects.toMatchObject({ code: "STORE_FULL", target: AT });
  });
});
