// A view is counted best effort: never on a read-only store, and a failing store never fails
// the page that was served.
import { describe, expect, it } from "vitest";
import { FactuallyError } from "../core/errors.js";
import { countView } from "./check-views-count.js";
import type { ServerContext } from "./context.js";

function contextWith(readOnly: boolean, recordView: (id: string) => Promise<void>): ServerContext {
  return { engine: { readOnly, checks: { recordView } } } as unknown as ServerContext;
}

describe("countView", () => {
  it("records a view of the check", async () => {
    const seen: string[] = [];
    await countView(
      contextWith(false, async (id) => {
        seen.push(id);
      }),
      "a-check-12345678",
    );
    expect(seen).toEqual(["a-check-12345678"]);
  });

  it("does not write to a read-only store", async () => {
    const seen: string[] = [];
    await countView(
      contextWith(true, async (id) => {
        seen.push(id);
      }),
      "a-check-12345678",
    );
    expect(seen).toEqual([]);
  });

  it("resolves even when the store fails (busy, full)", async () => {
    const busy = contextWith(false, async () => {
      throw new FactuallyError("STORE_BUSY", "the database is locked by another process");
    });
    await expect(countView(busy, "a-check-12345678")).resolves.toBeUndefined();
  });
});
