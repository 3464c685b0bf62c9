// The behaviour every CorpusStore must show, as one suite each implementation runs on itself
// (SQLite now; a server database next), given a factory of fresh, empty stores.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CorpusStore, DocumentToStore } from "../../core/interfaces/corpus-store.js";
import type { Stores } from "../../core/interfaces/stores.js";
import { Document } from "../../core/schema/document.js";
import { words } from "../../text/query-terms.js";

// Each paragraph is longer than a passage's minimum (120), so each is a passage of its own.
const MASKS: DocumentToStore = {
  id: "masks",
  title: "Face masks and influenza in households",
  text: [
    "We randomised 400 households in which one member had influenza-like illness to face masks, hand hygiene, or neither, and followed them for a week.",
    "Masks worn within 36 hours of symptom onset reduced household transmission of influenza, although adherence was low in every arm of the trial.",
    "Laboratory tests confirmed infection by reverse-transcription PCR on nasal swabs collected at home visits on days one, three and seven.",
  ].join("\n\n"),
  url: "https://example.org/masks",
  publishedAt: "2009-08-04",
  publisher: "Example Journal",
  metadata: { pmid: "19652172", tags: ["masks", "flu"], nested: { arms: 3 } },
};

const VITAMIN_D: DocumentToStore = {
  id: "vitamin-d",
  title: "Vitamin D supplements and acute respiratory infections",
  text: "Daily or weekly vitamin D supplements reduced acute respiratory infections in a pooled analysis of 25 randomised trials with 11,321 participants.",
};

const COFFEE: DocumentToStore = {
  id: "coffee",
  title: "Coffee and chronic liver disease",
  text: "Regular drinkers of ground or instant coffee had a lower risk of liver cirrhosis in a cohort of 495,000 adults followed for a decade.",
  publishedAt: "2021-06-22T10:00:00Z",
};

const CORPUS = [MASKS, VITAMIN_D, COFFEE];

/** Query text that means something to a search engine's syntax, but has words in it. */
const HOSTILE_WITH_WORDS = [
  '"unclosed phrase',
  "NEAR(masks households)",
  "masks AND OR NOT",
  "masks*",
  "-masks",
  "title:masks",
  "^start",
  "{masks influenza}",
  "((masks) OR (coffee",
  "masks 🦠🧪",
  "疫苗 导致 自闭症吗",
  "Café crème brûlée",
  "cafe\u0301 \u0301",
  "'; DROP TABLE documents; --",
  "masks ".repeat(2000),
];

/** Query text without a single word to search for. */
const NO_WORDS = ["", "   \n\t", '"', '""', "!?.,;:()[]{}*^-+~", "🦠🧪🤔"];

/** Runs the CorpusStore contract on the corpus of stores made by `open`, fresh and empty each test. */
export function describeCorpusStoreContract(
  name: string,
  open: () => Promise<Stores> | Stores,
): void {
  describe(`Corpus store contract: ${name}`, () => {
    let opened: Stores;
    let store: CorpusStore;

    /** The ids the store finds for `query`, best first. */
    const idsFound = async (query: string): Promise<string[]> =>
      (await store.searchCorpus(query, { limit: 10 })).map((r) => r.document.id);

    beforeEach(async () => {
      opened = await open();
      store = opened.corpus;
    });

    afterEach(async () => {
      await opened.close();
    });

    describe("upsertDocuments", () => {
      it("adds new documents and counts their passages", async () => {
        const outcomes = await store.upsertDocuments(CORPUS);
        expect(outcomes).toEqual([
          { id: "masks", status: "added", passages: 3 },
          { id: "vitamin-d", status: "added", passages: 1 },
          { id: "coffee", status: "added", passages: 1 },
        ]);
        expect(await store.corpusStats()).toEqual({ documents: 3, passages: 5 });
      });

      it("reports an identical document as unchanged and stores nothing twice", async () => {
        await store.upsertDocuments(CORPUS);
        const again = await store.upsertDocuments(CORPUS.map((doc) => ({ ...doc })));
        expect(again.map((o) => [o.id, o.status, o.passages])).toEqual([
          ["masks", "unchanged", 0],
          ["vitamin-d", "unchanged", 0],
          ["coffee", "unchanged", 0],
        ]);
        expect(await store.corpusStats()).toEqual({ documents: 3, passages: 5 });
        expect(await store.searchCorpus("face masks households", { limit: 10 })).toHaveLength(1);
      });

      it("replaces the text of a document whose text changed, and its passages", async () => {
        await store.upsertDocuments(CORPUS);
        const changed = {
          ...VITAMIN_D,
          text: "Elderberry syrup did not shorten colds in adults.\n\nNor did echinacea taken as tablets.",
        };
        expect(await store.upsertDocuments([changed])).toEqual([
          { id: "vitamin-d", status: "updated", passages: 1 },
        ]);
        expect(await store.corpusStats()).toEqual({ documents: 3, passages: 5 });
        expect(await idsFound("weekly participants")).toEqual([]);
        const [hit] = await store.searchCorpus("elderberry echinacea", { limit: 5 });
        expect(hit?.document.id).toBe("vitamin-d");
        expect(hit?.passage.text).toBe(changed.text);
        expect((await store.getDocument("vitamin-d"))?.text).toBe(changed.text);
      });

      it("updates a document whose fields changed but not its text, keeping its passages", async () => {
        await store.upsertDocuments(CORPUS);
        const moved = { ...COFFEE, url: "https://example.org/coffee-v2", publisher: "Example" };
        expect(await store.upsertDocuments([moved])).toEqual([
          { id: "coffee", status: "updated", passages: 0 },
        ]);
        expect(await store.corpusStats()).toEqual({ documents: 3, passages: 5 });
        const stored = await store.getDocument("coffee");
        expect(stored?.url).toBe("https://example.org/coffee-v2");
        expect(stored?.publisher).toBe("Example");
        expect(await idsFound("cirrhosis")).toEqual(["coffee"]);
      });

      it("reports the same title and text under another id as a duplicate, not stored", async () => {
        await store.upsertDocuments(CORPUS);
        const copy = { ...COFFEE, id: "coffee-copy", url: "https://mirror.example.org/coffee" };
        expect(await store.upsertDocuments([copy])).toEqual([
          { id: "coffee-copy", status: "duplicate", duplicateOf: "coffee", passages: 0 },
        ]);
        expect(await store.getDocument("coffee-copy")).toBeUndefined();
        expect(await store.corpusStats()).toEqual({ documents: 3, passages: 5 });
      });

      it("finds a duplicate inside the same batch", async () => {
        const outcomes = await store.upsertDocuments([COFFEE, { ...COFFEE, id: "coffee-2" }]);
        expect(outcomes).toEqual([
          { id: "coffee", status: "added", passages: 1 },
          { id: "coffee-2", status: "duplicate", duplicateOf: "coffee", passages: 0 },
        ]);
      });

      it("stores the same text under another title as a document of its own", async () => {
        await store.upsertDocuments([COFFEE]);
        const retitled = { ...COFFEE, id: "coffee-b", title: "Coffee drinkers and cirrhosis" };
        expect(await store.upsertDocuments([retitled])).toEqual([
          { id: "coffee-b", status: "added", passages: 1 },
        ]);
      });

      it("rolls back the whole batch when one document cannot be written", async () => {
        await store.upsertDocuments([COFFEE]);
        const batch = [
          VITAMIN_D,
          { ...COFFEE, text: "Tea drinkers were studied instead, with no change in risk at all." },
          { id: "broken", title: "Not text", text: 42 } as unknown as DocumentToStore,
        ];
        await expect(store.upsertDocuments(batch)).rejects.toThrow();
        expect(await store.getDocument("vitamin-d")).toBeUndefined();
        expect(await store.getDocument("broken")).toBeUndefined();
        expect((await store.getDocument("coffee"))?.text).toBe(COFFEE.text);
        expect(await store.corpusStats()).toEqual({ documents: 1, passages: 1 });
        expect(await idsFound("cirrhosis")).toEqual(["coffee"]);
        expect(await idsFound("tea")).toEqual([]);
      });
    });

    describe("getDocument", () => {
      it("returns every field as it was stored", async () => {
        await store.upsertDocuments(CORPUS);
        const stored = await store.getDocument("masks");
        expect(stored).toMatchObject({
          id: MASKS.id,
          title: MASKS.title,
          text: MASKS.text,
          url: MASKS.url,
          publishedAt: MASKS.publishedAt,
          publisher: MASKS.publisher,
          metadata: MASKS.metadata,
        });
        expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(Document.safeParse(stored).success).toBe(true);
      });

      it("leaves out absent fields and gives an empty title and metadata", async () => {
        await store.upsertDocuments([{ id: "bare", text: "Only text, nothing else at all." }]);
        const stored = await store.getDocument("bare");
        expect(stored).toBeDefined();
        expect(Object.keys(stored ?? {}).sort()).toEqual([
          "contentHash",
          "id",
          "ingestedAt",
          "metadata",
          "text",
          "title",
        ]);
        expect(stored?.title).toBe("");
        expect(stored?.metadata).toEqual({});
        expect(Document.safeParse(stored).success).toBe(true);
      });

      it("gives the same content hash to the same title and text, and another to changed text", async () => {
        await store.upsertDocuments([COFFEE, { ...VITAMIN_D, title: COFFEE.title }]);
        const coffee = await store.getDocument("coffee");
        const other = await store.getDocument("vitamin-d");
        expect(coffee?.contentHash).not.toBe(other?.contentHash);
        await store.upsertDocuments([{ ...COFFEE, url: "https://example.org/elsewhere" }]);
        expect((await store.getDocument("coffee"))?.contentHash).toBe(coffee?.contentHash);
      });

      it("returns undefined for an unknown id", async () => {
        await store.upsertDocuments(CORPUS);
        expect(await store.getDocument("nope")).toBeUndefined();
        expect(await store.getDocument("")).toBeUndefined();
      });
    });

    describe("searchCorpus", () => {
      beforeEach(async () => {
        await store.upsertDocuments(CORPUS);
      });

      it("ranks the relevant document first, with its fields", async () => {
        const results = await store.searchCorpus("Do face masks reduce influenza transmission?", {
          limit: 10,
        });
        expect(results[0]?.document).toEqual({
          id: "masks",
          title: MASKS.title,
          url: MASKS.url,
          publishedAt: MASKS.publishedAt,
          publisher: MASKS.publisher,
        });
        const scores = results.map((r) => r.score);
        expect(scores[0]).toBeGreaterThan(0);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        const [coffee] = await store.searchCorpus("coffee cirrhosis", { limit: 1 });
        expect(coffee?.document).toEqual({
          id: "coffee",
          title: COFFEE.title,
          publishedAt: COFFEE.publishedAt,
        });
      });

      it("returns the best passage, with offsets into the document and highlighted query words", async () => {
        const query = "reverse transcription PCR nasal swabs";
        const [hit] = await store.searchCorpus(query, { limit: 3 });
        expect(hit?.document.id).toBe("masks");
        const passage = hit?.passage;
        const third = MASKS.text.split("\n\n")[2];
        expect(passage?.text).toBe(third);
        expect(MASKS.text.slice(passage?.start, passage?.end)).toBe(third);
        expect(highlightedWords(passage)).toEqual(new Set(words(query)));
      });

      it("highlights the right characters after emoji and accents", async () => {
        const text =
          "🦠🧪 Résumé: the café study found that masks cut influenza transmission by a fifth.";
        await store.upsertDocuments([{ id: "emoji", title: "Emoji", text }]);
        const [hit] = await store.searchCorpus("café study", { limit: 1 });
        expect(hit?.document.id).toBe("emoji");
        expect(highlightedWords(hit?.passage)).toEqual(new Set(["café", "study"]));
      });

      it("gives the first passage, without highlights, to a document matched by its title only", async () => {
        const [hit] = await store.searchCorpus("chronic", { limit: 5 });
        expect(hit?.document.id).toBe("coffee");
        expect(hit?.passage).toEqual({
          text: COFFEE.text,
          start: 0,
          end: COFFEE.text.length,
          highlights: [],
        });
      });

      it("returns at most `limit` results", async () => {
        const many = Array.from({ length: 6 }, (_, i) => ({
          id: `zinc-${i}`,
          text: `Zinc lozenges study ${i}: colds were shorter by ${i + 1} days in ${10 * (i + 1)} adults.`,
        }));
        await store.upsertDocuments(many);
        expect(await store.searchCorpus("zinc lozenges", { limit: 2 })).toHaveLength(2);
        expect(await store.searchCorpus("zinc lozenges", { limit: 1 })).toHaveLength(1);
        // Beyond the six that hold the query words, query expansion may add related documents.
        const all = (await idsFound("zinc lozenges")).slice(0, 6).sort();
        expect(all).toEqual(many.map((doc) => doc.id));
      });

      it("returns no results when no document has a query word", async () => {
        expect(await store.searchCorpus("quantum chromodynamics", { limit: 5 })).toEqual([]);
      });

      it("still searches a query made only of stopwords", async () => {
        const results = await store.searchCorpus("to be or to be", { limit: 5 });
        expect(results).toBeInstanceOf(Array);
        const theOnly = await store.searchCorpus("the and of", { limit: 5 });
        expect(theOnly.length).toBeGreaterThan(0);
      });

      it("finds nothing, without an error, for a query without any word", async () => {
        for (const query of NO_WORDS) {
          expect(await store.searchCorpus(query, { limit: 5 }), JSON.stringify(query)).toEqual([]);
        }
      });

      it("treats any query text as words, never as query syntax", async () => {
        for (const query of HOSTILE_WITH_WORDS) {
          const results = await store.searchCorpus(query, { limit: 5 });
          expect(results, query.slice(0, 40)).toBeInstanceOf(Array);
        }
        expect(await idsFound("NEAR(masks households)")).toEqual(["masks"]);
        expect(await idsFound("-masks")).toEqual(["masks"]);
        expect(await idsFound("'; DROP TABLE documents; --")).toEqual([]);
        expect(await store.corpusStats()).toEqual({ documents: 3, passages: 5 });
      });

      it("stops before searching when the signal is already aborted", async () => {
        const controller = new AbortController();
        controller.abort();
        await expect(
          store.searchCorpus("masks", { limit: 5, signal: controller.signal }),
        ).rejects.toMatchObject({ code: "ABORTED" });
      });
    });
  });
}

/** The query words marked in a passage, checking that each range lies inside its text. */
function highlightedWords(
  passage: { text: string; highlights: Array<[number, number]> } | undefined,
): Set<string> {
  const found = new Set<string>();
  for (const [from, to] of passage?.highlights ?? []) {
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    expect(to).toBeLessThanOrEqual(passage?.text.length ?? 0);
    for (const word of words(passage?.text.slice(from, to) ?? "")) found.add(word);
  }
  return found;
}
