// Renderers treat every source string as untrusted: no markup in Markdown, no escapes in a terminal.
import { describe, expect, it } from "vitest";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import { runCheck } from "../pipeline/run.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { renderCheckMarkdown } from "./markdown.js";
import { renderCheckText } from "./text.js";

async function hostileCheck() {
  const store = openSqliteStore(":memory:");
  await store.corpus.upsertDocuments([
    {
      id: "evil",
      title: "<script>alert(1)</script> Masks [click](javascript:alert(1))",
      text: "Face masks reduce the spread of respiratory viruses \u001b[31min households\u001b[0m. <img src=x onerror=alert(1)> Masks reduce spread.",
    },
  ]);
  try {
    return await runCheck(
      "Face masks reduce the spread of respiratory viruses.",
      offlineCheckDependencies(store.corpus),
    );
  } finally {
    await store.close();
  }
}

async function checkOn(
  documents: Parameters<ReturnType<typeof openSqliteStore>["corpus"]["upsertDocuments"]>[0],
  input: string,
) {
  const store = openSqliteStore(":memory:");
  await store.corpus.upsertDocuments(documents);
  try {
    return await runCheck(input, offlineCheckDependencies(store.corpus));
  } finally {
    await store.close();
  }
}

describe("the verdict line", () => {
  it("shows no percentage when nothing settles the claim (before: 'Unverified (confidence 70%)')", async () => {
    const { check, version } = await checkOn(
      [{ id: "x", title: "Stock markets", text: "Stock markets fell on Monday." }],
      "Quantum tunnelling powers migratory birds.",
    );
    expect(version.verdict.label).toBe("unverified");
    expect(version.verdict.confidence).toBeGreaterThan(0); // kept in the JSON
    const text = renderCheckText(check.input, version);
    expect(text).toContain(
      "Verdict: Unverified — No source found bears on the claim; nothing was found that supports or contradicts it.",
    );
    expect(text).not.toMatch(/Unverified \(confidence/);
    const md = renderCheckMarkdown(check.input, version);
    expect(md).toContain("**Verdict: Unverified** — No source found bears on the claim");
    expect(md).not.toMatch(/confidence \d+%/);
  });

  it("keeps the confidence for a label the evidence settles, and says what each search found", async () => {
    const { check, version } = await checkOn(
      [
        {
          id: "trial",
          title: "Vitamin D and influenza",
          text: "Vitamin D supplements reduced influenza in schoolchildren in a randomised trial.",
        },
      ],
      "Vitamin D supplements reduce influenza in schoolchildren.",
    );
    expect(version.verdict.label).not.toBe("unverified");
    const text = renderCheckText(check.input, version);
    expect(text).toMatch(/Verdict: \S.* \(confidence \d+%\) — /);
    const searched = text.split("\n").filter((l) => l.startsWith('"'));
    expect(searched).toHaveLength(version.plan.queries.length);
    for (const line of searched)
      expect(line).toMatch(
        /" — (1 source: \[1\]|\d+ results?, none among the sources kept|no results)$/,
      );
    const md = renderCheckMarkdown(check.input, version);
    expect(md).toMatch(/- ".+" \(neutral\) — 1 source: \[\[1\]\]\(#source-1\)/);
  });
});

describe("renderers", () => {
  it("escape Markdown and HTML in source text", async () => {
    const { check, version } = await hostileCheck();
    expect(version.sources).toHaveLength(1);
    const md = renderCheckMarkdown(check.input, version);
    expect(md).not.toContain("<script>");
    // Markup stays as text: every "<" of the source is escaped.
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toContain("](javascript:");
    expect(md).toContain("\\<script\\>");
  });

  it("point to the methodology in words, not a README link that breaks outside the repository", async () => {
    const { check, version } = await hostileCheck();
    const md = renderCheckMarkdown(check.input, version);
    expect(md).not.toMatch(/\]\((?!https?:)[^)]*README/);
    expect(md).toContain("Learn more: “How a check works” in the Factually README.");
    expect(renderCheckText(check.input, version)).toContain(
      "Learn more: “How a check works” in the Factually README.",
    );
  });

  it("strip terminal control characters from source text", async () => {
    const { check, version } = await hostileCheck();
    const text = renderCheckText(check.input, version);
    expect(text).not.toContain("\u001b");
    expect(text).toContain("Checked on ");
  });
});
