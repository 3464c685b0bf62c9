import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { loadStanceModel } from "../../stance/model.js";
import type { CliIo } from "../io.js";
import { evalFnc1Command } from "./eval-fnc1.js";

const FIXTURE = new URL("../../../test/fixtures/stance/fnc1", import.meta.url).pathname;
const SHARED = new URL("../../../../shared/data/fnc-1", import.meta.url).pathname;

function captureIo(): CliIo & { out: () => string } {
  let out = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: () => true },
    env: {},
    cwd: process.cwd(),
    out: () => out,
  };
}

describe("factually eval fnc1", () => {
  const model = loadStanceModel();

  it("prints the score table, the confusion matrix and a JSON line on the fixture", async () => {
    const io = captureIo();
    expect(await evalFnc1Command({ data: FIXTURE, json: true }, io, model)).toBe(0);
    const lines = io.out().trim().split("\n");
    expect(io.out()).toContain("relative score");
    expect(io.out()).toContain("75.2%");
    expect(io.out()).toContain("gold \\ predicted");
    const json = JSON.parse(lines.at(-1) ?? "");
    expect(json.benchmark).toBe("fnc1");
    expect(json.metrics.relative_score).toBeGreaterThanOrEqual(0);
    expect(json.metrics.relative_score).toBeLessThanOrEqual(1);
    expect(Object.keys(json.metrics.f1)).toEqual(["agree", "disagree", "discuss", "unrelated"]);
    expect(json.metrics.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(6);
  });

  it("fails with BAD_INPUT naming the folder when the data is missing", async () => {
    const run = evalFnc1Command({ data: "/nonexistent/fnc-1", json: false }, captureIo(), model);
    await expect(run).rejects.toBeInstanceOf(FactuallyError);
    await expect(run).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: /\/nonexistent\/fnc-1 not found; pass --data DIR/,
    });
  });

  describe.skipIf(!existsSync(SHARED))(
    "on the real FNC-1 competition test set (needs ../shared/data/fnc-1; skipped when it is absent)",
    () => {
      it("scores at least 0.78 of MAX", async () => {
        const io = captureIo();
        await evalFnc1Command({ data: SHARED, json: true }, io, model);
        const json = JSON.parse(io.out().trim().split("\n").at(-1) ?? "");
        expect(json.metrics.relative_score).toBeGreaterThanOrEqual(0.78);
      }, 180_000);
    },
  );
});
