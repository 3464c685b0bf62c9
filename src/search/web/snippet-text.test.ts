import { describe, expect, it } from "vitest";
import { MAX_SNIPPET_CHARS, plainText } from "./snippet-text.js";

describe("plainText", () => {
  it("drops highlight markup without splitting words", () => {
    expect(
      plainText(
        'a <span class="searchmatch">mask</span>s and <strong>face</strong> <b>shields</b>',
      ),
    ).toBe("a masks and face shields");
  });

  it("separates block elements and collapses whitespace", () => {
    expect(plainText("<p>one</p><p>two</p>\n\n<br/>three\t four")).toBe("one two three four");
  });

  it("decodes named and numeric entities", () => {
    expect(plainText("caf&eacute; &amp; &quot;bar&quot; &#8212; &#x2011;&nbsp;x &lt;b&gt;")).toBe(
      'café & "bar" — \u2011 x <b>',
    );
  });

  it("keeps plain text that only looks like markup", () => {
    expect(plainText("if x<y and y>z, then AT&T <3 R&D")).toBe("if x<y and y>z, then AT&T <3 R&D");
  });

  it("caps very long snippets", () => {
    const text = plainText("word ".repeat(1000));
    expect(text.length).toBe(MAX_SNIPPET_CHARS);
    expect(text.endsWith("…")).toBe(true);
  });
});
