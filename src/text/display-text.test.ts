import { describe, expect, it } from "vitest";
import { displayText } from "./display-text.js";

describe("displayText", () => {
  it("removes bidi controls, so reversed text reads in its stored order", () => {
    expect(displayText("invoice\u202Egpj.exe")).toBe("invoicegpj.exe");
    for (const c of ["\u202A", "\u202B", "\u202C", "\u202D", "\u2066", "\u2067", "\u2068"]) {
      expect(displayText(`a${c}b\u2069c`)).toBe("abc");
    }
    expect(displayText("a\u200Eb\u200Fc\u061Cd")).toBe("abcd");
  });

  it("removes invisible characters: zero-width space, word joiner, BOM, soft hyphen, tags", () => {
    expect(displayText("pay\u200Bpal\u2060\uFEFF")).toBe("paypal");
    expect(displayText("Vitamin\u00AD D\u2062")).toBe("Vitamin D");
    expect(displayText("hidden\u{E0041}\u{E0042}")).toBe("hidden");
    expect(displayText("pay\u200Dpal pay\u200Cpal")).toBe("paypal paypal");
  });

  it("keeps the joiners Persian and emoji need, and every visible character", () => {
    const persian = "می\u200Cخواهم";
    expect(displayText(persian)).toBe(persian);
    const family = "👩\u200D👩\u200D👧";
    expect(displayText(family)).toBe(family);
    const coder = "👩🏽\u200D💻";
    expect(displayText(coder)).toBe(coder);
    const text = "Ünïcödé «quotes» — עברית العربية 中文 <b>&amp;</b>";
    expect(displayText(text)).toBe(text);
  });
});
