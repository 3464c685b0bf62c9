import { describe, expect, it } from "vitest";
import { type CsvRecord, csvRecords } from "./csv-records.js";

async function records(text: string, maxRecordChars?: number): Promise<CsvRecord[]> {
  async function* lines() {
    let number = 0;
    for (const line of text.split("\n")) yield { number: ++number, text: line };
  }
  const out: CsvRecord[] = [];
  for await (const record of csvRecords(lines(), maxRecordChars)) out.push(record);
  return out;
}

describe("csvRecords", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", async () => {
    const csv = 'claim,author\n"a, b",x\n"say ""hi""\nthen go",y\n\nplain,z';
    expect(await records(csv)).toEqual([
      { line: 1, fields: ["claim", "author"] },
      { line: 2, fields: ["a, b", "x"] },
      { line: 3, fields: ['say "hi"\nthen go', "y"] },
      { line: 6, fields: ["plain", "z"] },
    ]);
  });

  it("reports an unclosed quote on its own line and reads every line after it", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `claim ${i},a`);
    const out = await records(["claim,author", '"never closed,a', ...rows].join("\n"));
    expect(out[1]).toMatchObject({ line: 2, raw: '"never closed,a', reason: /never closed/ });
    expect(out.slice(2)).toEqual(rows.map((r, i) => ({ line: i + 3, fields: r.split(",") })));
  });

  it("gives up on an open quote after the character bound, not at the end of the file", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `claim number ${i},a`);
    const out = await records(["claim,author", '"open,a', ...rows].join("\n"), 100);
    expect(out[1]).toMatchObject({ line: 2, reason: /never closed/ });
    expect(out.slice(2).map((r) => r.line)).toEqual(rows.map((_, i) => i + 3));
  });

  it("reads again after an unclosed quote that a later stray quote seemed to close", async () => {
    const csv = 'claim,author\n"open,a\nfine,b\nstray "x" here,c\n"two\nlines",d\nlast,e';
    expect(await records(csv)).toEqual([
      { line: 1, fields: ["claim", "author"] },
      { line: 2, raw: '"open,a', reason: expect.stringMatching(/quote/) },
      { line: 3, fields: ["fine", "b"] },
      { line: 4, raw: 'stray "x" here,c', reason: expect.stringMatching(/unquoted field/) },
      { line: 5, fields: ["two\nlines", "d"] },
      { line: 7, fields: ["last", "e"] },
    ]);
  });

  it("reports text after a closing quote", async () => {
    const out = await records('claim\n"done"late\nnext');
    expect(out[1]).toMatchObject({ line: 2, reason: /after a closing quote/ });
    expect(out[2]).toEqual({ line: 3, fields: ["next"] });
  });

  it("reports a row with more fields than the header, and reads a shorter one", async () => {
    const out = await records("claim,author\nmasks work, says who,x\nshort");
    expect(out[1]).toMatchObject({ line: 2, reason: /3 fields where the header has 2/ });
    expect(out[2]).toEqual({ line: 3, fields: ["short"] });
  });
});
