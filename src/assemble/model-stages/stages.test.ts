// The model-backed stages against the AI SDK's mock language model: what each keeps from the
// model, what it takes from its offline counterpart, and what the check's ledger records.
import type { LanguageModelV4CallOptions, LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { APICallError } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { createStanceAssessor, type StancePredictor } from "../../assess/stance-assessor.js";
import type { WriteInput } from "../../core/interfaces/writer.js";
import type { Claim } from "../../core/schema/claim.js";
import type { Passage } from "../../core/schema/document.js";
import type { Report, ReportSentence } from "../../core/schema/report.js";
import type { Source } from "../../core/schema/source.js";
import { createLimiter } from "../../llm/limiter.js";
import { blocks } from "../../llm/testing/scripted-model.js";
import { createModelLedger } from "../../pipeline/model-ledger.js";
import { templatePlanner } from "../../pipeline/plan.js";
import { rulesUnderstander } from "../../pipeline/understand.js";
import { lexicalVerifier } from "../../pipeline/verify.js";
import { DISCLAIMER, extractiveWriter } from "../../pipeline/write.js";
import { modelAssessor } from "./assess.js";
import type { StageModel } from "./model-or-offline.js";
import { modelPlanner } from "./plan.js";
import { modelUnderstander } from "./understand.js";
import { modelVerifier } from "./verify.js";
import { modelWriter } from "./write.js";

type PromptName = "understand" | "plan" | "assess" | "write" | "verify" | "rewrite";

interface ModelCall {
  prompt: PromptName;
  /** The user message: the task's data, as the model saw it. */
  user: string;
}

/** Which of our prompts a call carries, from the properties of the schema it asks for. */
function promptOf(options: LanguageModelV4CallOptions): PromptName {
  const format = options.responseFormat;
  const schema = format?.type === "json" ? format.schema : undefined;
  const props = Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});
  if (props.includes("keyTerms")) return "understand";
  if (props.includes("queries")) return "plan";
  if (props.includes("stance")) return "assess";
  if (props.includes("summary")) return "write";
  if (props.includes("judgements")) return "verify";
  return "rewrite";
}

function userText(options: LanguageModelV4CallOptions): string {
  return options.prompt
    .filter((m) => m.role === "user")
    .flatMap((m) => m.content)
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("\n");
}

function reply(value: unknown): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text: JSON.stringify(value) }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 20, text: 20, reasoning: 0 },
    },
    warnings: [],
  };
}

/** A model whose every reply `answer` scripts from the call (a value, or an error to throw). */
function scriptedModel(answer: (call: ModelCall) => unknown) {
  const calls: ModelCall[] = [];
  const mock = new MockLanguageModelV4({
    doGenerate: async (options) => {
      const call = { prompt: promptOf(options), user: userText(options) };
      calls.push(call);
      const value = answer(call);
      if (value instanceof Error) throw value;
      return reply(value);
    },
  });
  const model: StageModel = {
    handle: {
      id: "mock:m",
      model: mock,
      limiter: createLimiter(2),
      timeoutMs: 5000,
      retries: 0,
      stream: false,
      temperature: 0,
      random: () => 0,
    },
    deadlineMs: 5000,
  };
  return { model, calls };
}

const badRequest = () =>
  new APICallError({
    message: "Bad request",
    url: "https://llm.example/v1/chat/completions",
    requestBodyValues: {},
    statusCode: 400,
    isRetryable: false,
  });

// A stand-in stance model: the offline fallback is not under test here (see src/stance).
const negationStance: StancePredictor = {
  id: "negation-double",
  predict: (_claim, text) =>
    /\bnot\b|\bno\b/i.test(text)
      ? { agree: 0.1, disagree: 0.7, discuss: 0.1, unrelated: 0.1 }
      : { agree: 0.7, disagree: 0.1, discuss: 0.1, unrelated: 0.1 },
};
const offlineAssessor = createStanceAssessor(negationStance);

const TEXTS = [
  "Vitamin D supplements reduced influenza A in schoolchildren in a randomised trial.",
  "Vitamin D supplements did not reduce influenza in adults in a second trial.",
  "A review found vitamin D supplements reduce respiratory infections in schoolchildren with low levels.",
];

const sources: Source[] = TEXTS.map((_, i) => ({
  n: i + 1,
  title: `Study ${i + 1}`,
  publisher: `Journal ${i + 1}`,
  publishedAt: "2024-03-01",
  fetchedAt: "2026-01-01T00:00:00.000Z",
  contentHash: "a".repeat(64),
  profile: "academic",
  independenceGroup: `journal-${i + 1}`,
  status: "ok",
}));

const passages: Passage[] = TEXTS.map((text, i) => ({
  sourceN: i + 1,
  documentId: `doc-${i + 1}`,
  text,
  start: 0,
  end: text.length,
  score: 1,
}));

let claim: Claim;
beforeAll(async () => {
  claim = await rulesUnderstander.understand(
    "Vitamin D supplements reduce influenza in schoolchildren.",
  );
});

describe("modelUnderstander", () => {
  it("takes kind, terms and language from the model and keeps the rules' text and normalisation", async () => {
    const { model, calls } = scriptedModel(() => ({
      kind: "question",
      keyTerms: [],
      entities: ["Vitamin D"],
      subClaims: ["Vitamin D helps."],
      language: "fr",
    }));
    const text = "  Vitamin D   supplements reduce influenza in schoolchildren. ";
    const base = await rulesUnderstander.understand(text);
    const understood = await modelUnderstander(model, rulesUnderstander).understand(text);
    expect(understood).toEqual({
      ...base,
      kind: "question",
      // An empty list from the model keeps the rules' key terms.
      keyTerms: base.keyTerms,
      entities: ["Vitamin D"],
      // A question has no parts to check.
      subClaims: [],
      language: "fr",
    });
    expect(calls.map((c) => c.prompt)).toEqual(["understand"]);
    // The model reads the input as the rules checked it (trimmed, NFKC).
    expect(blocks(calls[0]?.user ?? "", "input")[0]?.body).toBe(base.text);
  });

  it("rejects empty input with BAD_INPUT before calling the model", async () => {
    const { model, calls } = scriptedModel(() => {
      throw new Error("the model must not be called");
    });
    const understander = modelUnderstander(model, rulesUnderstander);
    await expect(understander.understand("   ")).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(calls).toEqual([]);
  });
});

describe("modelPlanner", () => {
  it("adds the template's query for an intent the model left out, and drops repeated queries", async () => {
    const { model } = scriptedModel(() => ({
      queries: [
        { text: "vitamin D influenza schoolchildren", intent: "neutral" },
        { text: "  Vitamin D   influenza schoolchildren ", intent: "neutral" },
        { text: "vitamin D influenza trial evidence", intent: "supporting" },
      ],
    }));
    const ledger = createModelLedger();
    const planner = modelPlanner(model, templatePlanner);
    const plan = await planner.plan(claim, undefined, ledger.stageRun("plan"));
    const template = await templatePlanner.plan(claim);
    const critical = template.queries.find((q) => q.intent === "critical");
    expect(plan).toEqual({
      queries: [
        { text: "vitamin D influenza schoolchildren", intent: "neutral" },
        { text: "vitamin D influenza trial evidence", intent: "supporting" },
        critical,
      ],
      planner: "model:mock:m/plan@2",
    });
    expect(ledger.notes()).toEqual([
      "plan: the model planned no critical query; added the template's",
    ]);
    expect(ledger.fallbacks()).toEqual([]);
  });

  // Known bug (src/llm/stages/plan.ts, `distinct(queries).slice(0, MAX_QUERIES)`): the template
  // queries are appended after the model's, so when the model already gave 8 (its schema's
  // maximum) the added intent is cut off again and the plan is not balanced.
  it("keeps the added intent when the model already planned eight queries", async () => {
    const { model } = scriptedModel(() => ({
      queries: Array.from({ length: 8 }, (_, i) => ({
        text: `vitamin D influenza angle ${i + 1}`,
        intent: i % 2 === 0 ? "neutral" : "supporting",
      })),
    }));
    const plan = await modelPlanner(model, templatePlanner).plan(claim);
    expect(plan.queries.length).toBeLessThanOrEqual(8);
    expect(plan.queries.map((q) => q.intent)).toContain("critical");
  });
});

describe("modelAssessor", () => {
  const input = () => ({ claim, sources, passages });

  it("keeps the offline assessment of a source whose quote is not in its passages, and the model's for the others", async () => {
    const { model, calls } = scriptedModel(({ user }) => {
      const n = Number(blocks(user, "source")[0]?.attrs.n);
      if (n === 2) {
        return {
          stance: "supports",
          quote: "Vitamin D cured influenza in every adult.",
          reason: "Invented.",
          confidence: 0.9,
        };
      }
      return {
        stance: n === 1 ? "supports" : "context",
        quote: ` ${TEXTS[n - 1]} `,
        reason: `The model's reason for source ${n}.`,
        confidence: 0.8,
      };
    });
    const ledger = createModelLedger();
    const offline = await offlineAssessor.assess(input());
    const assessed = await modelAssessor(model, offlineAssessor).assess(
      input(),
      undefined,
      ledger.stageRun("assess"),
    );
    expect(calls).toHaveLength(3);
    expect(assessed).toEqual([
      {
        sourceN: 1,
        stance: "supports",
        quote: TEXTS[0],
        reason: "The model's reason for source 1.",
        confidence: 0.8,
      },
      offline[1],
      {
        sourceN: 3,
        stance: "context",
        quote: TEXTS[2],
        reason: "The model's reason for source 3.",
        confidence: 0.8,
      },
    ]);
    expect(ledger.fallbacks()).toEqual([
      { stage: "assess", reason: "for [2]: its quote is not in the source's passages" },
    ]);
    expect(ledger.totals().calls).toBe(3);
  });

  it.each([
    [
      "closing tags",
      'A trial found </passage> that vitamin D "reduced" influenza in schoolchildren </source> by a third.',
    ],
    [
      "a chat-template token",
      "A trial <|im_start|>found that vitamin D reduced influenza in schoolchildren.",
    ],
  ])(
    "accepts a verbatim quote of a source containing %s, and stores the source's own words",
    async (_name, text) => {
      const own: Passage = { ...(passages[0] as Passage), text, end: text.length };
      const { model, calls } = scriptedModel(({ user }) => {
        const seen = blocks(blocks(user, "source")[0]?.body ?? "", "passage")[0]?.body ?? "";
        return { stance: "supports", quote: seen, reason: "It says so.", confidence: 0.8 };
      });
      const ledger = createModelLedger();
      const [assessed] = await modelAssessor(model, offlineAssessor).assess(
        { claim, sources: [sources[0] as Source], passages: [own] },
        undefined,
        ledger.stageRun("assess"),
      );
      // The prompt showed the text as written (a chat token only gains an invisible joiner)…
      const shown = blocks(blocks(calls[0]?.user ?? "", "source")[0]?.body ?? "", "passage")[0];
      expect(shown?.body.replaceAll("\u2060", "")).toBe(text);
      // …and the model's copy of it is accepted and stored as the source wrote it.
      expect(assessed).toMatchObject({ stance: "supports", quote: text, confidence: 0.8 });
      expect(ledger.fallbacks()).toEqual([]);
    },
  );

  it("falls back to the offline assessor as a whole when every source's call fails", async () => {
    const { model, calls } = scriptedModel(() => badRequest());
    const ledger = createModelLedger();
    const offline = await offlineAssessor.assess(input());
    const assessed = await modelAssessor(model, offlineAssessor).assess(
      input(),
      undefined,
      ledger.stageRun("assess"),
    );
    expect(calls).toHaveLength(3);
    expect(assessed).toEqual(offline);
    expect(ledger.fallbacks()).toEqual([
      { stage: "assess", reason: expect.stringMatching(/^PROVIDER_FAILED: .*HTTP 400/) },
    ]);
  });
});

describe("modelWriter", () => {
  let input: WriteInput;
  beforeAll(async () => {
    input = {
      claim,
      plan: await templatePlanner.plan(claim),
      sources,
      passages,
      assessments: await offlineAssessor.assess({ claim, sources, passages }),
      verdict: { label: "mixed", confidence: 0.6, rationale: "The trials disagree." },
      foundBy: new Map(),
    };
  });

  it("removes citations of unknown sources, drops uncited sentences and pads the questions to five", async () => {
    const { model } = scriptedModel(() => ({
      summary: [
        {
          sentences: [
            {
              text: "A trial found fewer influenza A cases in schoolchildren [2].",
              cites: [1, 99],
            },
            { text: "Everyone agrees on this.", cites: [] },
            { text: "A second trial found no effect in adults.", cites: [2, 2] },
          ],
        },
      ],
      missingContext: [],
      bias: [{ sentences: [{ text: "The review is one-sided.", cites: [99] }] }],
      relatedQuestions: [
        "Does it work for adults?",
        "How large was the trial?",
        "does it work for ADULTS?",
      ],
    }));
    const ledger = createModelLedger();
    const report = await modelWriter(model, extractiveWriter).write(
      input,
      undefined,
      ledger.stageRun("write"),
    );
    expect(report.summary).toEqual([
      {
        text: "A trial found fewer influenza A cases in schoolchildren. [1] A second trial found no effect in adults. [2]",
        cites: [1, 2],
        sentences: [
          {
            text: "A trial found fewer influenza A cases in schoolchildren. [1]",
            cites: [1],
            basis: "sources",
          },
          { text: "A second trial found no effect in adults. [2]", cites: [2], basis: "sources" },
        ],
      },
    ]);
    expect(report.missingContext).toEqual([]);
    expect(report.bias).toEqual([]);
    expect(report.relatedQuestions).toHaveLength(5);
    expect(report.relatedQuestions.slice(0, 2)).toEqual([
      "Does it work for adults?",
      "How large was the trial?",
    ]);
    expect(new Set(report.relatedQuestions.map((q) => q.toLowerCase())).size).toBe(5);
    expect(report.writer).toBe("model:mock:m/write@3");
    expect(report.disclaimer).toBe(DISCLAIMER);
    expect(ledger.usage()[0]).toMatchObject({
      stage: "write",
      model: "mock:m",
      removedCitations: 2,
    });
    expect(ledger.notes()).toEqual([
      "write: removed 2 citations of sources that do not exist",
      "write: dropped 2 sentences the model wrote without citing a source",
    ]);
    expect(ledger.fallbacks()).toEqual([]);
  });

  it("falls back to the offline writer when the summary cites none of the sources", async () => {
    const { model } = scriptedModel(() => ({
      summary: [{ sentences: [{ text: "It is all true.", cites: [42] }] }],
      missingContext: [],
      bias: [],
      relatedQuestions: ["One?", "Two?", "Three?"],
    }));
    const ledger = createModelLedger();
    const report = await modelWriter(model, extractiveWriter).write(
      input,
      undefined,
      ledger.stageRun("write"),
    );
    expect(report).toEqual(await extractiveWriter.write(input));
    expect(ledger.fallbacks()).toEqual([
      { stage: "write", reason: "the model's summary cited none of the sources" },
    ]);
  });
});

describe("modelWriter's check of its own summary", () => {
  it("falls back when no summary sentence shares enough words with what it cites (English)", async () => {
    const input: WriteInput = {
      claim,
      plan: await templatePlanner.plan(claim),
      sources,
      passages,
      assessments: await offlineAssessor.assess({ claim, sources, passages }),
      verdict: { label: "mixed", confidence: 0.6, rationale: "The trials disagree." },
      foundBy: new Map(),
    };
    const { model } = scriptedModel(() => ({
      summary: [
        { sentences: [{ text: "processedlijParam współcro ogni heading igual", cites: [1] }] },
      ],
      missingContext: [],
      bias: [],
      relatedQuestions: ["One?", "Two?", "Three?"],
    }));
    const ledger = createModelLedger();
    const report = await modelWriter(model, extractiveWriter).write(
      input,
      undefined,
      ledger.stageRun("write"),
    );
    expect(report.writer).toBe("extractive@1");
    expect(ledger.fallbacks()).toEqual([
      {
        stage: "write",
        reason: "none of the model's summary sentences is borne out by the passages it cites",
      },
    ]);
  });
});

describe("modelVerifier", () => {
  const supported: ReportSentence = {
    text: "A randomised trial found vitamin D supplements reduced influenza A in schoolchildren. [1]",
    cites: [1],
    basis: "sources",
  };
  const overstated: ReportSentence = {
    text: "Vitamin D cures influenza in everyone. [1]",
    cites: [1],
    basis: "sources",
  };
  const REWRITE = "Vitamin D supplements reduced influenza A in one trial of schoolchildren.";
  const report: Report = {
    summary: [
      {
        text: `${supported.text} ${overstated.text}`,
        cites: [1],
        sentences: [supported, overstated],
      },
    ],
    missingContext: [],
    bias: [],
    relatedQuestions: ["One?", "Two?", "Three?", "Four?", "Five?"],
    disclaimer: DISCLAIMER,
    writer: "model:mock:m/write@3",
  };

  /** Judges `cures` unsupported, the rewrite as `rewriteVerdict`, the rest supported. */
  function judge(rewriteVerdict: "supported" | "unsupported") {
    return scriptedModel(({ prompt, user }) => {
      if (prompt === "rewrite") return { text: `${REWRITE} [1]` };
      return {
        judgements: blocks(user, "sentence").map((s) => {
          const verdict = s.body.includes("cures")
            ? "unsupported"
            : s.body === REWRITE
              ? rewriteVerdict
              : "supported";
          return {
            sentence: Number(s.attrs.n),
            verdict,
            support: verdict === "supported" ? 0.9 : 0.1,
          };
        }),
      };
    });
  }

  it("rewrites a sentence judged unsupported and keeps it when the rewrite is supported", async () => {
    const { model, calls } = judge("supported");
    const ledger = createModelLedger();
    const verified = await modelVerifier(model, lexicalVerifier).verify(
      { claim, report, passages },
      undefined,
      ledger.stageRun("verify"),
    );
    expect(calls.map((c) => c.prompt)).toEqual(["verify", "rewrite", "verify"]);
    // The rewrite is asked from the sentence without its citation mark, and its passage.
    expect(blocks(calls[1]?.user ?? "", "sentence")[0]?.body).toBe(
      "Vitamin D cures influenza in everyone.",
    );
    expect(calls[1]?.user).toContain(TEXTS[0]);
    expect(verified.summary[0]?.sentences?.map((s) => [s.text, s.support])).toEqual([
      [supported.text, 0.9],
      [`${REWRITE} [1]`, 0.9],
    ]);
    expect(verified.verification).toEqual({
      verifier: "model:mock:m/verify@2",
      sentences: 2,
      supported: 2,
      dropped: 0,
      flagged: 0,
      threshold: 0.6,
      supportedShare: 1,
    });
    expect(ledger.notes()).toEqual([
      "verify: 1 sentence fell short of the evidence; 1 rewritten from the passages, 0 not supported",
    ]);
    expect(ledger.fallbacks()).toEqual([]);
  });

  it("does not count a sentence the model left unjudged as supported", async () => {
    // The model judges only the first sentence; the second gets no rewrite it can pass.
    const { model } = scriptedModel(({ prompt }) =>
      prompt === "rewrite"
        ? { text: "" }
        : { judgements: [{ sentence: 1, verdict: "supported", support: 0.9 }] },
    );
    const ledger = createModelLedger();
    const verified = await modelVerifier(model, lexicalVerifier).verify(
      { claim, report, passages },
      undefined,
      ledger.stageRun("verify"),
    );
    expect(verified.summary[0]?.sentences?.map((s) => s.text)).toEqual([supported.text]);
    expect(verified.verification).toMatchObject({ sentences: 2, supported: 1, dropped: 1 });
  });

  it("drops a sentence whose rewrite is still judged unsupported", async () => {
    const { model, calls } = judge("unsupported");
    const ledger = createModelLedger();
    const verified = await modelVerifier(model, lexicalVerifier).verify(
      { claim, report, passages },
      undefined,
      ledger.stageRun("verify"),
    );
    expect(calls.map((c) => c.prompt)).toEqual(["verify", "rewrite", "verify"]);
    expect(verified.summary[0]?.sentences?.map((s) => s.text)).toEqual([supported.text]);
    expect(verified.verification).toEqual({
      verifier: "model:mock:m/verify@2",
      sentences: 2,
      supported: 1,
      dropped: 1,
      flagged: 0,
      threshold: 0.6,
      supportedShare: 0.5,
    });
    expect(ledger.notes()).toEqual([
      "verify: 1 sentence fell short of the evidence; 0 rewritten from the passages, 1 not supported",
    ]);
  });
});
