import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { collectRecords } from "./collect-records.js";
import { parseJsonl } from "./jsonl.js";

const fixture = (name: string) =>
  readFile(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url));
const parse = (text: string) =>
  collectRecords(parseJsonl, { path: "x.jsonl", bytes: new TextEncoder().encode(text) });

describe("parseJsonl", () => {
  it("reports a malformed line with its line number and keeps the other lines", async () => {
    const bytes = await fixture("documents.jsonl");
    const records = await collectRecords(parseJsonl, { path: "documents.jsonl", bytes });
    expect(records).toEqual([
      {
        ok: true,
        line: 1,
        document: {
          id: "1",
          title: "Vitamin D and colds",
          text: "Daily vitamin D supplements reduced acute respiratory infections in a pooled analysis of 25 trials.",
          url: "https://example.org/vitamin-d",
          publishedAt: "2017-02-15",
          publisher: "Example Health",
          metadata: { topic: "nutrition" },
        },
      },
      { ok: false, line: 2, reason: "not valid JSON" },
      {
        ok: true,
        line: 4,
        document: {
          title: "No id here",
          text: "Hand washing with soap cut diarrhoeal disease by about a third in community trials.",
          publishedAt: "2008-06-01T12:00:00Z",
        },
      },
    ]);
  });

  it("gives a short reason for a line without text, with empty text, or with a wrong type", async () => {
    const records = await parse(
      ['{"title": "t"}', '{"text": "   "}', '{"text": 42}', '{"text": "ok", "title": 7}'].join(
        "\n",
      ),
    );
    expect(records).toEqual([
      { ok: false, line: 1, reason: "text: missing" },
      { ok: false, line: 2, reason: "text: empty" },
      { ok: false, line: 3, reason: "text: not a string" },
      { ok: false, line: 4, reason: expect.stringMatching(/^title: /) },
    ]);
  });

  it("rejects a url that is not http(s) and a date that is not ISO 8601", async () => {
    const records = await parse(
      [
        '{"text": "a", "url": "not a url"}',
        '{"text": "b", "url": "javascript:alert(1)"}',
        '{"text": "c", "published_at": "March 2020"}',
        '{"text": "d", "published_at": "2021-02-30"}',
      ].join("\n"),
    );
    expect(records.map((record) => (record.ok ? "ok" : record.reason))).toEqual([
      "url: not an http(s) URL",
      "url: not an http(s) URL",
      "published_at: not an ISO date: March 2020",
      "published_at: not an ISO date: 2021-02-30",
    ]);
  });

  it("reports a line that is JSON but not an object", async () => {
    const records = await parse('["text"]\n"text"\n{"text": "fine"}');
    expect(records.map((record) => record.ok || record.reason)).toEqual([
      "not a JSON object",
      "not a JSON object",
      true,
    ]);
  });

  it("reads CRLF line ends, a BOM, and null as an absent field", async () => {
    const records = await parse('\uFEFF{"text": "a", "title": null}\r\n{"text": "b"}\r\n');
    expect(records).toEqual([
      { ok: true, line: 1, document: { text: "a" } },
      { ok: true, line: 2, document: { text: "b" } },
    ]);
  });

  it("keeps a given metadata object and merges extra fields into it", async () => {
    const [record] = await parse('{"text": "a", "metadata": {"lang": "en"}, "source": "wiki"}');
    expect(record).toMatchObject({
      ok: true,
      document: { metadata: { lang: "en", source: "wiki" } },
    });
  });

  it("reports a line with invalid UTF-8 and keeps the next one", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"text": "caf'),
      0xe9,
      ...new TextEncoder().encode('"}\n{"text": "fine"}\n'),
    ]);
    const records = await collectRecords(parseJsonl, { path: "x.jsonl", bytes });
    expect(records).toEqual([
      { ok: false, line: 1, reason: "invalid UTF-8" },
      { ok: true, line: 2, document: { text: "fine" } },
    ]);
  });
});
