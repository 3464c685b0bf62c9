// Neutral notes about publishers ("Preprints on medrxiv.org have not been peer reviewed."):
// the shipped table, a user's file merged over it, and the note for a source's address.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { FactuallyError, messageOf } from "../core/errors.js";
import { hostAndParents, hostOf } from "./domain-match.js";
import shipped from "./tables/credibility-notes.json" with { type: "json" };

/** Notes by lower-case domain; a note applies to the domain and its subdomains. */
export type CredibilityNotes = ReadonlyMap<string, string>;

const NOTE_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
const MAX_NOTE = 300;

// `{ "domain": "note" }`; keys starting with `$` are comments. An empty note removes a shipped
// one (for a publisher the user does not want annotated).
const NotesFile = z.record(z.string(), z.string(), {
  error: 'expected a JSON object of { "example.org": "One neutral sentence about the publisher." }',
});

/**
 * The shipped notes, with `userFile` (a JSON object `{ "domain": "note" }`) merged over them.
 * Throws BAD_CONFIG naming the file when it cannot be read or has the wrong shape.
 */
export function loadCredibilityNotes(userFile?: string): CredibilityNotes {
  const notes = new Map(parseNotes(shipped, "the shipped credibility notes"));
  if (userFile !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(userFile, "utf8"));
    } catch (cause) {
      throw new FactuallyError(
        "BAD_CONFIG",
        `cannot read the credibility-note file ${userFile} (${messageOf(cause)}); fix it, or change web.sourceNotes / FACTUALLY_SOURCE_NOTES`,
        { cause, target: userFile },
      );
    }
    for (const [domain, note] of parseNotes(json, userFile)) {
      if (note === "") notes.delete(domain);
      else notes.set(domain, note);
    }
  }
  return notes;
}

/** The note for a URL's host or its nearest parent domain (sub.example.com → example.com). */
export function credibilityNoteFor(
  url: string | undefined,
  notes: CredibilityNotes,
): string | undefined {
  const host = hostOf(url)?.replace(/^www\./, "");
  if (!host) return undefined;
  for (const domain of hostAndParents(host)) {
    const note = notes.get(domain);
    if (note) return note;
  }
  return undefined;
}

function parseNotes(json: unknown, file: string): Array<[string, string]> {
  const parsed = NotesFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? `${issue.path.map(String).join(".")}: ` : "";
    throw badFile(file, `${at}${issue?.message ?? "invalid"}`);
  }
  const notes: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(parsed.data)) {
    if (key.startsWith("$")) continue;
    const domain = key
      .trim()
      .toLowerCase()
      .replace(/^www\./, "");
    if (!NOTE_DOMAIN.test(domain))
      throw badFile(file, `${JSON.stringify(key)} is not a domain such as example.org`);
    const note = value.replace(/\s+/g, " ").trim();
    if (note.length > MAX_NOTE)
      throw badFile(
        file,
        `the note for ${domain} is longer than ${MAX_NOTE} characters; keep it to one sentence`,
      );
    notes.push([domain, note]);
  }
  return notes;
}

function badFile(file: string, problem: string): FactuallyError {
  return new FactuallyError(
    "BAD_CONFIG",
    `${file} is not a credibility-note table: ${problem}; write a JSON object of { "example.org": "One neutral sentence about the publisher." }`,
    { target: file },
  );
}
