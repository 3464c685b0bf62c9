import { describe, expect, it } from "vitest";
import { FactuallyError, isFactuallyError, messageOf } from "./errors.js";

describe("FactuallyError.isInstance", () => {
  it("recognises an error made by another copy of the module, which instanceof does not", async () => {
    // A second evaluation of the same file: what a bundled copy of Factually would be.
    const specifier = new URL("./errors.ts?copy", import.meta.url).href;
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import("./errors.js");
    expect(copy.FactuallyError).not.toBe(FactuallyError);
    const foreign = new copy.FactuallyError("NOT_FOUND", "no check x");
    expect(foreign instanceof FactuallyError).toBe(false);
    expect(FactuallyError.isInstance(foreign)).toBe(true);
    expect(isFactuallyError(foreign)).toBe(true);
  });

  it("does not take a plain Error or an object with a code for one", () => {
    expect(FactuallyError.isInstance(new Error("x"))).toBe(false);
    expect(FactuallyError.isInstance({ code: "NOT_FOUND", message: "x" })).toBe(false);
    expect(FactuallyError.isInstance(undefined)).toBe(false);
  });
});

describe("messageOf", () => {
  it("gives an Error's message and anything else as text", () => {
    expect(messageOf(new TypeError("bad"))).toBe("bad");
    expect(messageOf("plain")).toBe("plain");
    expect(messageOf(42)).toBe("42");
  });
});
