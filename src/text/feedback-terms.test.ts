import { describe, expect, it } from "vitest";
import { type FeedbackDocument, type FeedbackOptions, feedbackTerms } from "./feedback-terms.js";

/** Options where every stem is known to the index and equally common. */
const everyStemOnce = (terms = 10): FeedbackOptions => ({
  terms,
  collectionSize: 100,
  documentFrequency: () => 1,
});

const doc = (text: string, score = 1): FeedbackDocument => ({ text, score });

describe("feedbackTerms", () => {
  it("leaves out every form of the query's own words", () => {
    const terms = feedbackTerms(
      ["vaccine"],
      [doc("Vaccines and vaccination build immunity")],
      everyStemOnce(),
    );
    expect(terms).toEqual(["build", "immunity"]);
  });

  it("never suggests stopwords, words of one or two letters, or bare numbers", () => {
    const terms = feedbackTerms(
      ["x"],
      [doc("The trial of 2021 at 12 sites: it is an ox, a myocarditis signal.")],
      everyStemOnce(),
    );
    expect(terms).toEqual(["myocarditis", "signal", "sites", "trial"]);
  });

  it("skips stems the index does not know", () => {
    const options: FeedbackOptions = {
      terms: 10,
      collectionSize: 100,
      documentFrequency: (stem) => (stem === "immun" ? 3 : 0),
    };
    expect(feedbackTerms([], [doc("immunity waning boosters")], options)).toEqual(["immunity"]);
  });

  it("ranks rare words above common ones (idf)", () => {
    const options: FeedbackOptions = {
      terms: 10,
      collectionSize: 100,
      documentFrequency: (stem) => (stem === "common" ? 90 : 1),
    };
    expect(feedbackTerms([], [doc("common rare")], options)).toEqual(["rare", "common"]);
  });

  it("weighs words of better-scored documents more", () => {
    const docs = [doc("alpha", 10), doc("beta", 1)];
    expect(feedbackTerms([], docs, everyStemOnce())).toEqual(["alpha", "beta"]);
    const swapped = [doc("alpha", 1), doc("beta", 10)];
    expect(feedbackTerms([], swapped, everyStemOnce())).toEqual(["beta", "alpha"]);
  });

  it("ranks a word by its share of each document", () => {
    expect(feedbackTerms([], [doc("delta gamma gamma")], everyStemOnce())).toEqual([
      "gamma",
      "delta",
    ]);
  });

  it("adds up a word's weight over documents", () => {
    const docs = [doc("shared alpha"), doc("shared beta")];
    expect(feedbackTerms([], docs, everyStemOnce())[0]).toBe("shared");
  });

  it("returns the most frequent surface form of a stem, the first in code order on a tie", () => {
    expect(feedbackTerms([], [doc("Trials trial trials")], everyStemOnce())).toEqual(["trials"]);
    expect(feedbackTerms([], [doc("trials trial")], everyStemOnce())).toEqual(["trial"]);
  });

  it("orders equal weights by stem, so results do not depend on input order", () => {
    expect(feedbackTerms([], [doc("zeta beta")], everyStemOnce())).toEqual(["beta", "zeta"]);
    expect(feedbackTerms([], [doc("beta zeta")], everyStemOnce())).toEqual(["beta", "zeta"]);
  });

  it("returns at most the number of terms asked for", () => {
    const text = "alpha alpha alpha alpha beta beta beta gamma gamma delta";
    expect(feedbackTerms([], [doc(text)], everyStemOnce(2))).toEqual(["alpha", "beta"]);
    expect(feedbackTerms([], [doc(text)], everyStemOnce(0))).toEqual([]);
  });

  it("returns nothing without documents or without useful words", () => {
    expect(feedbackTerms(["vaccine"], [], everyStemOnce())).toEqual([]);
    expect(feedbackTerms([], [doc(""), doc("the of and 42 ok")], everyStemOnce())).toEqual([]);
  });

  it("reads accented and non-Latin words", () => {
    expect(feedbackTerms([], [doc("Études café привет")], everyStemOnce())).toEqual([
      "café",
      "études",
      "привет",
    ]);
  });
});
