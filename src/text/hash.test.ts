import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentHash } from "./hash.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("contentHash", () => {
  it("is the sha256 of each part prefixed with its length", () => {
    expect(contentHash("Title", "Body text.")).toBe(sha256("5:Title10:Body text."));
  });

  it("stays the same across versions, since stored documents are found by it", () => {
    expect(contentHash("Title", "Body text.")).toBe(
      "41dcad8b193abc767676f5025cf0a8faea0f2260c99656594afe01b5dd48fbf9",
    );
    expect(contentHash()).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("is 64 lower-case hex characters and the same for the same parts", () => {
    const hash = contentHash("Vaccines", "Vaccines do not cause autism.");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash("Vaccines", "Vaccines do not cause autism.")).toBe(hash);
  });

  it("tells apart parts that concatenate to the same string", () => {
    expect(contentHash("ab", "c")).not.toBe(contentHash("a", "bc"));
    expect(contentHash("", "abc")).not.toBe(contentHash("abc", ""));
    expect(contentHash("abc")).not.toBe(contentHash("abc", ""));
  });

  it("changes with any change of the text, including case and Unicode form", () => {
    const base = contentHash("", "café");
    expect(contentHash("", "Café")).not.toBe(base);
    expect(contentHash("", "cafe\u0301")).not.toBe(base);
    expect(contentHash("", "café ")).not.toBe(base);
  });
});
