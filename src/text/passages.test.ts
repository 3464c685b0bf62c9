import { describe, expect, it } from "vitest";
import { type PassageOptions, type PassageSpan, splitPassages } from "./passages.js";

const DEFAULTS: PassageOptions = { target: 450, max: 900, min: 120 };

/** The passages' text, checking on the way what every split must guarantee. */
function passages(text: string, options: Partial<PassageOptions> = {}): string[] {
  const spans = splitPassages(text, options);
  expectWellFormed(text, spans);
  return spans.map((span) => text.slice(span.start, span.end));
}

/** In order, not overlapping, trimmed, and together covering every non-blank character. */
function expectWellFormed(text: string, spans: PassageSpan[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    const slice = text.slice(span.start, span.end);
    expect(slice).toBe(slice.trim());
    previousEnd = span.end;
  }
  const covered = new Array<boolean>(text.length).fill(false);
  for (const span of spans) covered.fill(true, span.start, span.end);
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i] ?? "")) expect(covered[i], `character ${i} is in no passage`).toBe(true);
  }
}

/** One sentence of exactly `length` characters (a run of one letter and a full stop). */
const sentence = (length: number, letter = "a") => `${letter.repeat(length - 1)}.`;

/** A paragraph of `length` characters made of words, without a sentence end. */
function words(length: number): string {
  return "lorem ipsum dolor "
    .repeat(Math.ceil(length / 18))
    .slice(0, length)
    .trim();
}

describe("splitPassages", () => {
  it("returns no passages for empty or blank text", () => {
    expect(splitPassages("")).toEqual([]);
    expect(splitPassages("   \n\n\t \r\n  ")).toEqual([]);
  });

  it("gives one trimmed passage for a single short paragraph, with exact offsets", () => {
    const text = "  \n\n  Vitamin D reduced colds in a pooled analysis.  \n";
    const spans = splitPassages(text);
    expect(spans).toEqual([{ start: 6, end: 51 }]);
    expect(text.slice(6, 51)).toBe("Vitamin D reduced colds in a pooled analysis.");
  });

  it("starts a new passage at each blank line, including lines of spaces or tabs", () => {
    const [a, b, c] = [words(200), words(300), words(250)];
    const text = `${a}\n\n${b}\n   \n${c}\n\t\n\n`;
    expect(passages(text)).toEqual([a, b, c]);
  });

  it("does not split a paragraph at a single line break", () => {
    const text = `${words(200)}\n${words(200)}`;
    expect(passages(text)).toEqual([text]);
  });

  it("treats CRLF blank lines as paragraph breaks", () => {
    const [a, b] = [words(200), words(200)];
    const text = `${a}\r\n\r\n${b}\r\n`;
    expect(splitPassages(text)).toEqual([
      { start: 0, end: 200 },
      { start: 204, end: 404 },
    ]);
    expect(passages(text)).toEqual([a, b]);
  });

  it("joins a short paragraph such as a heading to the paragraph after it", () => {
    const heading = "# Does sugar cause hyperactivity?";
    const body = words(300);
    const text = `${heading}\n\n${body}\n\n${words(200)}`;
    const [first, second] = splitPassages(text);
    expect(first).toEqual({ start: 0, end: heading.length + 2 + body.length });
    expect(second?.start).toBe(heading.length + 2 + body.length + 2);
  });

  it("joins several short paragraphs until they reach the minimum size", () => {
    const text = ["Title", "By A. Writer", "March 2021", words(100), words(300)].join("\n\n");
    const result = passages(text);
    // The four short ones (together 133 characters) reach `min` and stand as one passage.
    expect(result).toHaveLength(2);
    expect(result[0]?.startsWith("Title\n\nBy A. Writer\n\nMarch 2021\n\nlorem")).toBe(true);
    expect(result[1]).toBe(words(300));
  });

  it("joins a short last paragraph to the passage before it", () => {
    const body = words(300);
    const text = `${body}\n\nThanks to the reviewers.`;
    expect(passages(text)).toEqual([text]);
  });

  it("keeps a short last paragraph apart when joining it would pass the maximum", () => {
    const body = words(850);
    const tail = "Thanks to the reviewers for their careful reading.";
    expect(passages(`${body}\n\n${tail}`)).toEqual([body, tail]);
  });

  it("keeps a text made only of short paragraphs as one passage", () => {
    const text = "Short one.\n\nShort two.";
    expect(splitPassages(text)).toEqual([{ start: 0, end: text.length }]);
  });

  it("cuts a long paragraph at sentence ends into chunks of about the target size", () => {
    const text = Array.from({ length: 20 }, () => sentence(100)).join(" ");
    const result = passages(text);
    // Five 100-character sentences and their spaces (504) are the first to reach 450.
    expect(result.map((p) => p.length)).toEqual([504, 504, 504, 504]);
    for (const passage of result) expect(passage.endsWith(".")).toBe(true);
  });

  it("never makes a chunk longer than the maximum when a sentence end allows a cut", () => {
    const [short, long] = [sentence(400, "a"), sentence(700, "b")];
    const text = `${short} ${long}`;
    expect(passages(text)).toEqual([short, long]);
    const mixed = [sentence(300), sentence(120), sentence(800, "b"), sentence(200, "c")].join(" ");
    for (const passage of passages(mixed)) {
      expect(passage.length).toBeLessThanOrEqual(DEFAULTS.max);
    }
  });

  it("cuts after a sentence end closed by a quote or a bracket", () => {
    const first = `${"a".repeat(460)} said "stop."`;
    const second = `(${"b".repeat(500)}.)`;
    const text = `${first} ${second} ${"c".repeat(200)}.`;
    expect(passages(text)).toEqual([first, second, `${"c".repeat(200)}.`]);
  });

  it("keeps one sentence longer than the maximum whole, up to four times the target", () => {
    const text = words(1500);
    expect(passages(text)).toEqual([text]);
  });

  it("cuts a longer run without sentence ends at spaces, never inside a word", () => {
    const text = words(5000);
    const spans = splitPassages(text);
    expectWellFormed(text, spans);
    expect(spans.length).toBeGreaterThanOrEqual(3);
    for (const span of spans) {
      expect(span.end - span.start).toBeLessThanOrEqual(DEFAULTS.target * 4);
      expect(span.start === 0 || text[span.start - 1] === " ").toBe(true);
      expect(span.end === text.length || text[span.end] === " ").toBe(true);
    }
  });

  it("cuts text without any space at the hard limit", () => {
    const text = "x".repeat(4000);
    expect(splitPassages(text)).toEqual([
      { start: 0, end: 1800 },
      { start: 1800, end: 3600 },
      { start: 3600, end: 4000 },
    ]);
  });

  it("never cuts an emoji or other astral character in half", () => {
    const text = `a${"😀".repeat(1500)}`;
    const result = passages(text);
    expect(result.length).toBeGreaterThan(1);
    expect(result.join("")).toBe(text);
    for (const passage of result) expect(passage.isWellFormed()).toBe(true);
  });

  it("keeps offsets exact in accented, CJK and emoji text (UTF-16 indexes)", () => {
    const greek =
      "Η μελέτη έδειξε μείωση των κρουσμάτων κατά το ήμισυ στους εμβολιασμένους. ".repeat(3);
    const chinese = "疫苗接种后，重症病例明显减少。研究覆盖了三个城市的两万名成年人。".repeat(5);
    const emoji = `Café crème 🦠🧪 brûlée ${"naïve façade ".repeat(12)}`;
    const text = `${greek.trim()}\n\n${chinese}\n\n${emoji.trim()}`;
    expect(passages(text)).toEqual([greek.trim(), chinese, emoji.trim()]);
  });

  it("follows the sizes it is given", () => {
    const options = { target: 40, max: 80, min: 10 };
    const text = Array.from({ length: 10 }, (_, i) =>
      sentence(25, String.fromCharCode(97 + i)),
    ).join(" ");
    const result = passages(text, options);
    // Two 25-character sentences and a space (51) are the first to reach 40.
    expect(result.map((p) => p.length)).toEqual([51, 51, 51, 51, 51]);
    expect(passages("Hi.\n\nYo.", options)).toEqual(["Hi.\n\nYo."]);
  });
});
