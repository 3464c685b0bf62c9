import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseBeir } from "./beir.js";
import { collectRecords } from "./collect-records.js";

const parse = (text: string) =>
  collectRecords(parseBeir, { path: "corpus.jsonl", bytes: new TextEncoder().encode(text) });

describe("parseBeir", () => {
  it("reads _id, title, text and metadata, taking an http(s) metadata url as the url", async () => {
    const bytes = await readFile(
      new URL("../../../test/fixtures/ingest/beir-corpus.jsonl", import.meta.url),
    );
    const records = await collectRecords(parseBeir, { path: "corpus.jsonl", bytes });
    expect(records).toEqual([
      {
        ok: true,
        line: 1,
        document: {
          id: "b1",
          title: "Coffee and liver disease",
          text: "Regular coffee drinkers had a lower risk of chronic liver disease in a cohort of 495,000 adults.",
          url: "https://example.org/coffee-liver",
          metadata: { url: "https://example.org/coffee-liver", pubmed_id: "33685200" },
        },
      },
      {
        ok: true,
        line: 2,
        document: {
          id: "b2",
          text: "Short sleep was associated with higher blood pressure in adolescents.",
        },
      },
    ]);
  });

  it("skips a record with empty text or without an _id", async () => {
    const records = await parse('{"_id": "a", "title": "Only a title", "text": ""}\n{"text": "x"}');
    expect(records.map((record) => !record.ok && `${record.line} ${record.reason}`)).toEqual([
      "1 text: empty",
      expect.stringMatching(/^2 _id: /),
    ]);
  });
});
