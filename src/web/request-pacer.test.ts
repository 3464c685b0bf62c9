import { describe, expect, it } from "vitest";
import { quotaKey } from "../text/hash.js";
import { pacerContract } from "./request-pacer.contract.js";
import { createProcessPacers, processPacers } from "./request-pacer.js";

pacerContract("in-process", async () => {
  const pacers = createProcessPacers();
  return { factories: [pacers, pacers], key: (name) => name, close: async () => {} };
});

describe("processPacers", () => {
  it("is one factory for the whole process, so engines opened side by side share a pace", () => {
    expect(processPacers()).toBe(processPacers());
  });

  it("gives separate factories separate paces", async () => {
    const key = quotaKey("search:brave", "secret-key");
    await createProcessPacers()(key, 600_000)();
    // A second factory does not know the first one's slot: it goes at once.
    await createProcessPacers()(key, 600_000)();
  });
});

describe("quotaKey", () => {
  it("names the service and a short hash of the account, never the account itself", () => {
    const key = quotaKey("search:brave", "BSA-secret-1234");
    expect(key).toMatch(/^search:brave:[0-9a-f]{16}$/);
    expect(key).not.toContain("secret");
    expect(quotaKey("search:brave", "BSA-secret-1234")).toBe(key);
    expect(quotaKey("search:brave", "another-key")).not.toBe(key);
    expect(quotaKey("search:wikipedia", undefined)).toBe("search:wikipedia");
  });
});
