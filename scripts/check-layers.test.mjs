import { describe, expect, it } from "vitest";
import { importsOf, isProductSource, violations } from "./check-layers.mjs";

const RULES = { core: [], text: ["core"], pipeline: ["core", "text"], "index.ts": ["*"] };

describe("the layering check", () => {
  it("reads static, type-only, re-exported and dynamic imports, not packages", () => {
    const text = [
      'import { a } from "../core/a.js";',
      'import type { B } from "../text/b.js";',
      'export { c } from "./c.js";',
      'const d = await import("../store/d.js");',
      'import { z } from "zod";',
      'import "./side-effect.js";',
    ].join("\n");
    expect(importsOf(text)).toEqual([
      "../core/a.js",
      "../text/b.js",
      "./c.js",
      "../store/d.js",
      "./side-effect.js",
    ]);
  });

  it("allows a layer's own folder and the layers its rule names", () => {
    const files = [
      { path: "pipeline/judge.ts", text: 'import { x } from "../core/x.js";\nimport "./y.js";' },
      { path: "pipeline/deep/z.ts", text: 'import { t } from "../../text/t.js";' },
      { path: "index.ts", text: 'export * from "./pipeline/judge.js";' },
    ];
    expect(violations(files, RULES)).toEqual([]);
  });

  it("fails on an import the rules forbid, and on a folder without a rule", () => {
    const found = violations(
      [
        { path: "core/schema.ts", text: 'import { run } from "../pipeline/run.js";' },
        { path: "text/words.ts", text: 'import { s } from "../store/s.js";' },
      ],
      RULES,
    );
    expect(found.map((v) => v.reason)).toEqual([
      "core may not import pipeline",
      "text may not import store",
    ]);
    expect(
      violations([{ path: "bench/run.ts", text: 'import "../core/a.js";' }], RULES)[0]?.reason,
    ).toBe('folder "bench" has no rule');
  });

  it("checks product code only: tests, contract suites and testing/ helpers may build fixtures", () => {
    expect(isProductSource("run.ts", "pipeline/run.ts")).toBe(true);
    expect(isProductSource("run.test.ts", "pipeline/run.test.ts")).toBe(false);
    expect(isProductSource("store.contract.ts", "store/store.contract.ts")).toBe(false);
    expect(isProductSource("api-server.ts", "server/api/testing/api-server.ts")).toBe(false);
    expect(isProductSource("index.d.ts", "index.d.ts")).toBe(false);
  });
});
