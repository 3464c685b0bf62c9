import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FactuallyError } from "../core/errors.js";
import { credibilityNoteFor, loadCredibilityNotes } from "./credibility-notes.js";

const dir = mkdtempSync(join(tmpdir(), "factually-notes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("credibility notes", () => {
  it("ships neutral one-sentence notes for wires, preprints, encyclopaedias and PR wires", () => {
    const notes = loadCredibilityNotes();
    expect(notes.get("medrxiv.org")).toBe("Preprints on medrxiv.org have not been peer reviewed.");
    expect(notes.get("wikipedia.org")).toBe(
      "Wikipedia is an encyclopedia anyone can edit; check its cited sources.",
    );
    expect(notes.get("prnewswire.com")).toMatch(/distributes press releases written by/);
    expect(notes.has("$comment")).toBe(false);
    for (const note of notes.values()) expect(note).toMatch(/^[A-Z].*[.]$/);
  });

  it("matches a URL's host and its parent domains, not look-alikes", () => {
    const notes = loadCredibilityNotes();
    expect(credibilityNoteFor("https://en.wikipedia.org/wiki/Influenza", notes)).toMatch(
      /^Wikipedia is/,
    );
    expect(credibilityNoteFor("https://www.medrxiv.org/content/10.1101/x", notes)).toMatch(
      /medrxiv/,
    );
    expect(credibilityNoteFor("https://notwikipedia.org/x", notes)).toBeUndefined();
    expect(credibilityNoteFor(undefined, notes)).toBeUndefined();
    expect(credibilityNoteFor("not a url", notes)).toBeUndefined();
  });

  it("merges a user's file over the defaults: new notes, changed notes, removed notes", () => {
    const notes = loadCredibilityNotes(
      file(
        "notes.json",
        JSON.stringify({
          $comment: "ours",
          "WWW.Example.org": "Example.org is our own newsletter",
          "reuters.com": "Reuters is a news agency.",
          "wikipedia.org": "",
        }),
      ),
    );
    expect(credibilityNoteFor("https://news.example.org/a", notes)).toBe(
      "Example.org is our own newsletter",
    );
    expect(notes.get("reuters.com")).toBe("Reuters is a news agency.");
    expect(notes.has("wikipedia.org")).toBe(false);
    expect(notes.get("medrxiv.org")).toMatch(/peer reviewed/);
  });

  it("rejects a bad file with BAD_CONFIG naming it", () => {
    const cases = [
      file("broken.json", "{ not json"),
      file("array.json", '["a"]'),
      file("number.json", '{ "example.org": 3 }'),
      file("key.json", '{ "https://example.org/": "A note." }'),
      file("long.json", JSON.stringify({ "example.org": "x".repeat(301) })),
      join(dir, "missing.json"),
    ];
    for (const path of cases) {
      let error: unknown;
      try {
        loadCredibilityNotes(path);
      } catch (e) {
        error = e;
      }
      expect(error, path).toBeInstanceOf(FactuallyError);
      expect((error as FactuallyError).code).toBe("BAD_CONFIG");
      expect((error as FactuallyError).message).toContain(path);
      expect((error as FactuallyError).target).toBe(path);
    }
  });
});
