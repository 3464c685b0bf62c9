import { describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { checkRequestOf, feedbackOf, plainComment, versionNumber } from "./forms.js";
import { homePage } from "./home-page.js";
import { escapeHtml, html, httpUrl, joinHtml, raw } from "./html.js";
import { citedText } from "./report-html.js";

describe("html templates", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</a>',
    );
  });

  it("keeps nested templates and raw markup, joins lists and drops absent values", () => {
    const items = ["<a>", "b"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${undefined}${null}${false}${raw("<hr>")}${3}`.value).toBe(
      "<ul><li>&lt;a&gt;</li><li>b</li></ul><hr>3",
    );
    expect(joinHtml(["<x>", html`<b>y</b>`], raw(" · ")).value).toBe("&lt;x&gt; · <b>y</b>");
  });

  it("removes control characters, which HTML forbids", () => {
    expect(escapeHtml("a\u0000b\u001b[31mc\u007f\nd")).toBe("ab[31mc\nd");
  });

  it("links only absolute http(s) addresses", () => {
    expect(httpUrl("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
    expect(httpUrl("HTTP://Example.org")).toBe("http://example.org/");
    for (const bad of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,x",
      "/local",
      "",
      undefined,
    ]) {
      expect(httpUrl(bad)).toBeUndefined();
    }
  });
});

describe("citations", () => {
  it("links the numbers of sources that exist and leaves the others as text", () => {
    const text = 'He said "<b>" [1] and more [2, 9] [12].';
    expect(citedText(text, new Set([1, 2])).value).toBe(
      'He said &quot;&lt;b&gt;&quot; <a class="cite" href="#source-1" aria-label="source 1">[1]</a> and more <a class="cite" href="#source-2" aria-label="source 2">[2]</a> [9] [12].',
    );
  });
});

describe("forms", () => {
  it("reads the check options: ticked, unticked after a hidden 0, or absent", () => {
    expect(checkRequestOf({ text: "x", web: "1", llm: ["0", "1"] })).toEqual({
      text: "x",
      web: true,
      llm: true,
    });
    expect(checkRequestOf({ text: "x", llm: "0" })).toEqual({ text: "x", llm: false });
    expect(checkRequestOf({})).toEqual({ text: "" });
  });

  it("reads a rating and refuses one without Yes or No", () => {
    expect(feedbackOf({ helpful: "no", comment: "  ok\r\n\u202Efine ", v: "2" })).toEqual({
      helpful: false,
      comment: "ok\nfine",
      version: 2,
    });
    expect(() => feedbackOf({ helpful: "maybe" })).toThrow(FactuallyError);
    expect(() => plainComment("x".repeat(2001))).toThrow(/limit is 2,000/);
    expect(versionNumber("")).toBeUndefined();
    expect(() => versionNumber("1e3")).toThrow(/not a version number/);
  });
});

describe("the home page as a function", () => {
  const base = { text: "", recent: [], readOnly: false, appVersion: "t" };

  it("offers the language model, ticked, when one is configured, and says when the web is searched", () => {
    const page = homePage({ ...base, webProviders: ["brave"], hasModel: true });
    expect(page).toContain(
      '<input type="hidden" name="llm" value="0"><label><input type="checkbox" name="llm" value="1" checked> Use the language model</label>',
    );
    expect(page).not.toContain('name="web"');
    expect(page).toContain("This server also searches the web (brave).");
  });

  it('offers only "search the web too" on a server with no model and only its corpus', () => {
    const page = homePage({ ...base, webProviders: [], hasModel: false });
    expect(page).toContain('<input type="checkbox" name="web" value="1"> Search the web too');
    expect(page).not.toContain('name="llm"');
  });
});
