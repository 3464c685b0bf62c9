// ClaimReview export of real offline checks, validated against Google's documented structure.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import type { Check, CheckVersion } from "../core/schema/check.js";
import { DocumentInput } from "../core/schema/document.js";
import type { VerdictLabel } from "../core/schema/verdict.js";
import { type CheckResult, runCheck } from "../pipeline/run.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { jsonLdScriptText, renderClaimReview } from "./claimreview.js";

const CORPUS = resolve(import.meta.dirname, "../../test/fixtures/check/corpus.jsonl");
// Late in the UTC day, so a local-time date would show up as the wrong day in some zones.
const CHECKED_AT = new Date("2025-09-28T23:30:00Z");
const CONFIGURED = {
  publisher: { name: "Example Fact Desk", url: "https://facts.example.org" },
  baseUrl: "https://facts.example.org",
};
const ORIGIN = {
  author: "Jane Example",
  url: "https://social.example.com/posts/123",
  date: "2025-09-20",
};

// Google's fact-check guide, "Structured data type definitions": ClaimReview requires
// claimReviewed, reviewRating and url, and recommends author and itemReviewed (a Claim); Rating
// requires alternateName, and its numbers satisfy worstRating (≥ 1) < bestRating and
// worstRating ≤ ratingValue ≤ bestRating.
const HttpUrl = z.url({ protocol: /^https?$/ });
const CreativeWorkLink = z.strictObject({ "@type": z.literal("CreativeWork"), url: HttpUrl });
const Rating = z
  .strictObject({
    "@type": z.literal("Rating"),
    ratingValue: z.number().optional(),
    bestRating: z.number().optional(),
    worstRating: z.number().min(1).optional(),
    alternateName: z.string().min(1),
  })
  .refine(
    (r) => {
      const { ratingValue: value, bestRating: best, worstRating: worst } = r;
      if (value === undefined) return best === undefined && worst === undefined;
      return (
        best !== undefined && worst !== undefined && worst < best && worst <= value && value <= best
      );
    },
    { message: "a numeric rating needs worstRating < bestRating and lies between them" },
  );
const ClaimReview = z.strictObject({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("ClaimReview"),
  url: HttpUrl.optional(),
  claimReviewed: z.string().min(1),
  datePublished: z.iso.date(),
  author: z
    .strictObject({
      "@type": z.literal("Organization"),
      name: z.string().min(1),
      url: HttpUrl.optional(),
    })
    .optional(),
  itemReviewed: z.strictObject({
    "@type": z.literal("Claim"),
    author: z
      .strictObject({ "@type": z.enum(["Person", "Organization"]), name: z.string().min(1) })
      .optional(),
    datePublished: z.iso.date().optional(),
    appearance: CreativeWorkLink.optional(),
    firstAppearance: CreativeWorkLink.optional(),
  }),
  reviewRating: Rating.optional(),
  reviewBody: z.string().min(1).optional(),
});
/** What Google needs before it can show the fact check in Search. */
const RichResult = ClaimReview.required({ url: true, reviewRating: true });

let claim: CheckResult;
let question: CheckResult;

beforeAll(async () => {
  const store = openSqliteStore(":memory:");
  try {
    const lines = readFileSync(CORPUS, "utf8").split("\n").filter(Boolean);
    await store.corpus.upsertDocuments(
      lines.map((line) => ({ ...DocumentInput.parse(JSON.parse(line)), id: JSON.parse(line).id })),
    );
    const deps = offlineCheckDependencies(store.corpus);
    claim = await runCheck("Face masks reduce the transmission of respiratory viruses.", deps, {
      now: () => CHECKED_AT,
    });
    question = await runCheck(
      "Do face masks reduce the transmission of respiratory viruses?",
      deps,
      {
        now: () => CHECKED_AT,
      },
    );
  } finally {
    await store.close();
  }
});

function labelled(version: CheckVersion, label: VerdictLabel): CheckVersion {
  return { ...version, verdict: { ...version.verdict, label } };
}

function withOrigin(check: Check): Check {
  return { ...check, origin: ORIGIN };
}

describe("renderClaimReview", () => {
  it("marks up a supported claim with everything Google requires and no warnings", () => {
    const { jsonLd, warnings } = renderClaimReview(
      withOrigin(claim.check),
      labelled(claim.version, "supported"),
      CONFIGURED,
    );
    const parsed = RichResult.parse(jsonLd);
    expect(parsed.url).toBe(`https://facts.example.org/check/${claim.check.id}`);
    expect(parsed.claimReviewed).toBe(claim.check.input);
    expect(parsed.datePublished).toBe("2025-09-28");
    expect(parsed.author).toEqual({
      "@type": "Organization",
      name: "Example Fact Desk",
      url: "https://facts.example.org",
    });
    expect(parsed.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 5,
      bestRating: 5,
      worstRating: 1,
      alternateName: "Supported",
    });
    expect(warnings).toEqual([]);
  });

  it("rates a refuted claim at the false end of the scale", () => {
    const { jsonLd } = renderClaimReview(
      withOrigin(claim.check),
      labelled(claim.version, "refuted"),
      CONFIGURED,
    );
    const { reviewRating } = RichResult.parse(jsonLd);
    expect(reviewRating).toMatchObject({ ratingValue: 1, alternateName: "Refuted" });
  });

  it("orders every claim label from false (1) to true (5), each with our own words", () => {
    const labels = ["refuted", "misleading", "mixed", "mostly-supported", "supported"] as const;
    const ratings = labels.map(
      (label) =>
        RichResult.parse(
          renderClaimReview(withOrigin(claim.check), labelled(claim.version, label), CONFIGURED)
            .jsonLd,
        ).reviewRating,
    );
    expect(ratings.map((r) => r.ratingValue)).toEqual([1, 2, 3, 4, 5]);
    expect(ratings.map((r) => r.alternateName)).toEqual([
      "Refuted",
      "Misleading",
      "Mixed",
      "Mostly supported",
      "Supported",
    ]);
  });

  it("gives an unverified claim its name but no position on the true–false scale", () => {
    const { jsonLd, warnings } = renderClaimReview(
      withOrigin(claim.check),
      labelled(claim.version, "unverified"),
      CONFIGURED,
    );
    const { reviewRating } = RichResult.parse(jsonLd);
    expect(reviewRating).toStrictEqual({ "@type": "Rating", alternateName: "Unverified" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Unverified.*no ratingValue/);
  });

  it("exports a question without a truth rating and says why", () => {
    expect(question.check.kind).toBe("question");
    expect(["documented", "partly-documented", "undocumented"]).toContain(
      question.version.verdict.label,
    );
    const { jsonLd, warnings } = renderClaimReview(question.check, question.version, CONFIGURED);
    expect(ClaimReview.parse(jsonLd)).not.toHaveProperty("reviewRating");
    expect(RichResult.safeParse(jsonLd).success).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /No reviewRating: a question is not a claim that can be true or false/,
    );
    // Whatever its label, a question is never placed on the truth scale.
    const mislabelled = labelled(question.version, "supported");
    expect(renderClaimReview(question.check, mislabelled, CONFIGURED).jsonLd).not.toHaveProperty(
      "reviewRating",
    );
  });

  it("leaves out url and author when not configured, and names the settings to fix it", () => {
    const { jsonLd, warnings } = renderClaimReview(withOrigin(claim.check), claim.version, {});
    const parsed = ClaimReview.parse(jsonLd);
    expect(Object.keys(parsed)).not.toContain("url");
    expect(Object.keys(parsed)).not.toContain("author");
    expect(RichResult.safeParse(jsonLd).success).toBe(false);
    expect(warnings.some((w) => w.includes("FACTUALLY_BASE_URL") && w.includes("baseUrl"))).toBe(
      true,
    );
    expect(warnings.some((w) => w.includes("FACTUALLY_PUBLISHER"))).toBe(true);
  });

  it("describes who made the claim, when and where it appeared", () => {
    const { jsonLd } = renderClaimReview(withOrigin(claim.check), claim.version, CONFIGURED);
    expect(ClaimReview.parse(jsonLd).itemReviewed).toStrictEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "Jane Example" },
      datePublished: "2025-09-20",
      appearance: { "@type": "CreativeWork", url: "https://social.example.com/posts/123" },
    });
  });

  it("keeps a bare Claim and warns when the claim's origin is unknown", () => {
    const { jsonLd, warnings } = renderClaimReview(claim.check, claim.version, CONFIGURED);
    expect(ClaimReview.parse(jsonLd).itemReviewed).toStrictEqual({ "@type": "Claim" });
    expect(warnings.some((w) => w.includes("no recorded origin"))).toBe(true);
  });

  it("summarises the check in plain text without citation markers", () => {
    expect(claim.version.report.summary[0]?.text).toMatch(/\[\d+\]/);
    const { jsonLd } = renderClaimReview(withOrigin(claim.check), claim.version, CONFIGURED);
    const { reviewBody } = ClaimReview.parse(jsonLd);
    expect(reviewBody).toBeDefined();
    expect(reviewBody).not.toMatch(/\[\d+\]/);
    expect(reviewBody).not.toMatch(/\s[.,;:]/);
  });

  it("warns when the claim is too long for Google's one-line display", () => {
    const long = { ...withOrigin(claim.check), input: `${"Face masks ".repeat(8)}reduce spread.` };
    const { warnings } = renderClaimReview(long, claim.version, CONFIGURED);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/claimReviewed is 102 characters.*fewer than 75/);
  });

  it("holds no undefined values, so JSON gives back the same object", () => {
    for (const options of [CONFIGURED, {}]) {
      const { jsonLd } = renderClaimReview(claim.check, claim.version, options);
      expect(JSON.parse(JSON.stringify(jsonLd))).toStrictEqual(jsonLd);
    }
  });
});

describe("jsonLdScriptText", () => {
  const hostile = "Masks work</script><script>alert(1)</script> & more\u2028next line\u2029end";

  it("cannot close the script element or break a parser, and reads back the same", () => {
    const { jsonLd } = renderClaimReview(
      { ...claim.check, input: hostile },
      claim.version,
      CONFIGURED,
    );
    const text = jsonLdScriptText(jsonLd);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(text)).toStrictEqual(jsonLd);
    expect((JSON.parse(text) as { claimReviewed: string }).claimReviewed).toBe(hostile);
  });
});
