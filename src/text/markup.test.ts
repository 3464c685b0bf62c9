import { describe, expect, it } from "vitest";
import { withoutMarkup } from "./markup.js";

describe("withoutMarkup", () => {
  it("drops tags with their attributes, and entities, keeping the words around them", () => {
    expect(
      withoutMarkup(
        'Do face masks <script>window.__pwned=1</script> reduce influenza <img src=x onerror="alert(1)">?',
      ),
    ).toBe("Do face masks reduce influenza ?");
    expect(withoutMarkup("Masks &amp; vaccines <b>work</b>")).toBe("Masks vaccines work");
  });

  it("leaves comparisons and arrows alone", () => {
    expect(withoutMarkup("Inflation < 2% and growth > 3% in 2024")).toBe(
      "Inflation < 2% and growth > 3% in 2024",
    );
    expect(withoutMarkup("a <- b")).toBe("a <- b");
  });
});
