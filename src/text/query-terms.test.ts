import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftsNearPairs, ftsOrQuery, isStopword, queryTerms, words } from "./query-terms.js";

// Text a user (or a pasted article) may send that means something to FTS5's query syntax.
const HOSTILE: Record<string, string[]> = {
  '"': [],
  '""': [],
  '"unclosed phrase': ["unclosed", "phrase"],
  "NEAR(a b)": ["near", "b"],
  "AND OR NOT": ["not"],
  "a*": ["a"],
  "-x": ["x"],
  "col:val": ["col", "val"],
  "^start": ["start"],
  "{a b}": ["b"],
  "((vaccines) AND (autism": ["vaccines", "autism"],
  "vaccines + autism = 🤔🦠": ["vaccines", "autism"],
  "!?.,;:'\"()[]{}<>*^-+~|\\/": [],
  "疫苗 导致 自闭症吗？": ["疫苗", "导致", "自闭症吗"],
  "Café CRÈME brûlée naïve": ["café", "crème", "brûlée", "naïve"],
  "cafe\u0301 \u0301": ["cafe\u0301", "\u0301"],
  "COVID-19 vaccine's 2nd dose": ["covid", "19", "vaccine", "s", "2nd", "dose"],
};

// The same table and tokenizer as the store's corpus index (src/store/sqlite/migrations.ts).
let db: Database.Database;

beforeAll(() => {
  db = new Database(":memory:");
  db.exec(
    "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')",
  );
  const insert = db.prepare("INSERT INTO t (rowid, text) VALUES (?, ?)");
  insert.run(1, "Vaccines do not cause autism, a Danish cohort of 650,000 children found.");
  insert.run(2, "The near side of the moon; AND, OR and NOT are just words here.");
  insert.run(3, "Une crème brûlée au café. 疫苗 导致 自闭症吗");
});

afterAll(() => {
  db.close();
});

/** Rowids that FTS5 finds for the OR query of `text`'s terms; throws on a syntax error. */
function match(text: string): number[] {
  const terms = queryTerms(text);
  if (terms.length === 0) return [];
  return db
    .prepare<[string], { rowid: number }>("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid")
    .all(ftsOrQuery(terms))
    .map((row) => row.rowid);
}

describe("queryTerms", () => {
  for (const [input, expected] of Object.entries(HOSTILE)) {
    it(`turns ${JSON.stringify(input)} into plain words only`, () => {
      expect(queryTerms(input)).toEqual(expected);
      for (const term of queryTerms(input)) expect(term).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
    });
  }

  it("never gives FTS5 a query it cannot parse", () => {
    for (const input of Object.keys(HOSTILE)) expect(() => match(input)).not.toThrow();
  });

  it("searches operator names as words instead of obeying them", () => {
    expect(match("AND OR NOT")).toEqual([1, 2]);
    expect(match("NEAR(moon side)")).toEqual([2]);
    expect(match("-vaccines")).toEqual([1]);
  });

  it("finds accented words without their accents and CJK runs as written", () => {
    expect(match("creme brulee cafe")).toEqual([3]);
    expect(match("自闭症吗")).toEqual([3]);
  });

  it("handles a 10,000-character input within the 64-term cap", () => {
    const long = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" ");
    expect(long.length).toBeGreaterThan(10_000);
    const terms = queryTerms(long);
    expect(terms).toHaveLength(64);
    expect(terms.slice(0, 3)).toEqual(["w0", "w1", "w2"]);
    expect(terms.at(-1)).toBe("w63");
    expect(() => match(long)).not.toThrow();
    const oneWord = "a".repeat(10_000);
    expect(queryTerms(oneWord)).toEqual([oneWord]);
    expect(() => match(oneWord)).not.toThrow();
  });

  it("lower-cases, keeps the order of first appearance and drops repeats", () => {
    expect(queryTerms("Vaccine AUTISM vaccine Autism VACCINE link")).toEqual([
      "vaccine",
      "autism",
      "link",
    ]);
  });

  it("drops stopwords but keeps negations and quantifiers", () => {
    expect(queryTerms("What is the capital of France?")).toEqual(["capital", "france"]);
    expect(queryTerms("Do all vaccines have no side effects")).toEqual([
      "all",
      "vaccines",
      "no",
      "side",
      "effects",
    ]);
    expect(queryTerms("to be or not to be")).toEqual(["not"]);
  });

  it("keeps every word when the query has nothing but stopwords", () => {
    expect(queryTerms("it is what it is")).toEqual(["it", "is", "what"]);
  });

  it("keeps stopwords when asked to", () => {
    expect(queryTerms("What is the capital", { stopwords: false })).toEqual([
      "what",
      "is",
      "the",
      "capital",
    ]);
  });

  it("counts only kept words towards the cap", () => {
    const text = Array.from({ length: 80 }, (_, i) => `the w${i}`).join(" ");
    const terms = queryTerms(text);
    expect(terms).toHaveLength(64);
    expect(terms).not.toContain("the");
    expect(terms.at(-1)).toBe("w63");
    expect(queryTerms(text, { stopwords: false })).toHaveLength(64);
  });

  it("returns nothing for empty, blank or punctuation-only text", () => {
    expect(queryTerms("")).toEqual([]);
    expect(queryTerms("   \n\t")).toEqual([]);
    expect(queryTerms("... ?! -- 🙂")).toEqual([]);
  });
});

describe("words", () => {
  it("returns lower-cased distinct words, stopwords included", () => {
    expect(words("The cat, THE hat; the end.")).toEqual(["the", "cat", "hat", "end"]);
  });
});

describe("isStopword", () => {
  it("knows function words and leaves words that matter to a claim", () => {
    expect(["the", "of", "which", "would"].map(isStopword)).toEqual([true, true, true, true]);
    expect(["not", "no", "all", "never", "vaccine"].map(isStopword)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("ftsOrQuery", () => {
  it("quotes each term and joins them with OR", () => {
    expect(ftsOrQuery(["vaccines", "autism"])).toBe('"vaccines" OR "autism"');
    expect(ftsOrQuery(["near"])).toBe('"near"');
  });

  it("gives an empty string for no terms, which callers must not send to FTS5", () => {
    expect(ftsOrQuery([])).toBe("");
  });
});

describe("ftsNearPairs", () => {
  it("pairs adjacent terms in NEAR groups FTS5 accepts, for any input", () => {
    expect(ftsNearPairs(["vaccines", "cause", "autism"], 8)).toBe(
      'NEAR("vaccines" "cause", 8) OR NEAR("cause" "autism", 8)',
    );
    for (const text of Object.keys(HOSTILE)) {
      const terms = queryTerms(text);
      if (terms.length < 2) continue;
      expect(() =>
        db.prepare("SELECT rowid FROM t WHERE t MATCH ?").all(ftsNearPairs(terms, 8)),
      ).not.toThrow();
    }
  });

  it("finds words near each other and not words far apart", () => {
    const near = db
      .prepare<[string], { rowid: number }>("SELECT rowid FROM t WHERE t MATCH ?")
      .all(ftsNearPairs(["vaccines", "autism"], 4))
      .map((r) => r.rowid);
    expect(near).toEqual([1]);
    const far = db
      .prepare("SELECT rowid FROM t WHERE t MATCH ?")
      .all(ftsNearPairs(["vaccines", "children"], 4));
    expect(far).toEqual([]);
  });
});
