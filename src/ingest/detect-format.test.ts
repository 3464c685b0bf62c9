import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format.js";

const head = (text: string) => new TextEncoder().encode(text);

describe("detectFormat", () => {
  it("knows text, Markdown, HTML and PDF files by their extension", () => {
    expect(detectFormat("notes/a.txt", head(""))).toBe("text");
    expect(detectFormat("README.md", head(""))).toBe("markdown");
    expect(detectFormat("post.Markdown", head(""))).toBe("markdown");
    expect(detectFormat("page.HTM", head(""))).toBe("html");
    expect(detectFormat("page.xhtml", head(""))).toBe("html");
    expect(detectFormat("paper.pdf", head(""))).toBe("pdf");
  });

  it("tells SciFact, BEIR and generic JSON lines apart by the first record's keys", () => {
    const scifact = '{"doc_id": 4983, "title": "t", "abstract": ["s"], "structured": false}\n';
    const beir = '\n{"_id": "1", "title": "t", "text": "x"}\n';
    const generic = '{"id": "1", "text": "x"}\n';
    expect(detectFormat("corpus.jsonl", head(scifact))).toBe("scifact");
    expect(detectFormat("corpus.jsonl", head(beir))).toBe("beir");
    expect(detectFormat("docs.ndjson", head(generic))).toBe("jsonl");
    expect(detectFormat("docs.json", head(generic))).toBe("jsonl");
  });

  it("finds the keys of a first line that the head cuts short", () => {
    const cut = `{"doc_id": 1, "abstract": ["${"a".repeat(5000)}`.slice(0, 4096);
    expect(detectFormat("corpus.jsonl", head(cut))).toBe("scifact");
  });

  it("does not take a JSON array or a pretty-printed object for JSON lines", () => {
    expect(detectFormat("data.json", head('[{"text": "x"}]'))).toBeUndefined();
    expect(detectFormat("data.json", head('{\n  "text": "x"\n}'))).toBeUndefined();
  });

  it("sniffs PDF and HTML content behind an unknown extension", () => {
    expect(detectFormat("download.bin", head("%PDF-1.7\n%âãÏÓ"))).toBe("pdf");
    expect(detectFormat("saved", head("<!DOCTYPE html>\n<html>"))).toBe("html");
    expect(detectFormat("page.php", head("<!-- cached --> <html lang=en>"))).toBe("html");
  });

  it("returns undefined for a file it does not know", () => {
    expect(detectFormat("photo.jpg", new Uint8Array([0xff, 0xd8, 0xff]))).toBeUndefined();
    expect(detectFormat("data.csv", head("id,text\n1,x\n"))).toBeUndefined();
  });
});
