import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { collectRecords } from "./collect-records.js";
import { parseSciFact } from "./scifact.js";

const parse = (text: string) =>
  collectRecords(parseSciFact, { path: "corpus.jsonl", bytes: new TextEncoder().encode(text) });

describe("parseSciFact", () => {
  it("joins the abstract's sentences with single spaces, exactly as given", async () => {
    const bytes = await readFile(
      new URL("../../../test/fixtures/ingest/scifact-corpus.jsonl", import.meta.url),
    );
    const records = await collectRecords(parseSciFact, { path: "corpus.jsonl", bytes });
    expect(records).toEqual([
      {
        ok: true,
        line: 1,
        document: {
          id: "101",
          title: "Face masks and influenza-like illness in households",
          text: "We randomised 400 households to masks or no masks. Masks worn within 36 hours of symptom onset reduced transmission. Adherence was low in both arms.",
          metadata: { structured: false },
        },
      },
      {
        ok: true,
        line: 2,
        document: {
          id: "102",
          title: "Zinc lozenges and the common cold",
          text: "BACKGROUND Zinc has been proposed as a cold remedy. RESULTS Colds were 2 days shorter with zinc acetate. CONCLUSION The effect is modest.",
          metadata: { structured: true },
        },
      },
    ]);
  });

  it("skips a record without an abstract or doc_id and says why", async () => {
    const records = await parse(
      [
        '{"doc_id": 1, "title": "t", "abstract": [], "structured": false}',
        '{"title": "t", "abstract": ["One."], "structured": false}',
        '{"doc_id": 3, "title": "t", "abstract": "One.", "structured": false}',
      ].join("\n"),
    );
    expect(records.map((record) => !record.ok && `${record.line} ${record.reason}`)).toEqual([
      "1 abstract: empty",
      expect.stringMatching(/^2 doc_id: /),
      expect.stringMatching(/^3 abstract: /),
    ]);
  });
});
