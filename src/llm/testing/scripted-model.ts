// A stand-in language model for the loopback wire server: it recognises which of our prompts a
// request carries (by the schema it asks for) and answers with a valid, plausible reply built
// only from the data in the prompt — sentences it quotes really are in the passages. Faults can
// be scripted per stage, for tests and demos of how checks degrade.
import { detectLanguage } from "../../text/language.js";
import type { WireReply, WireRequest } from "./wire-server.js";

export type ScriptedStage = "understand" | "plan" | "assess" | "write" | "verify" | "rewrite";

export interface ScriptOptions {
  /**
   * Replies to use instead of the scripted answer, per stage, in order: the first matching
   * request gets the first, and so on; `undefined` in the list means "answer normally".
   */
  faults?: Partial<Record<ScriptedStage, Array<WireReply | undefined>>>;
  /** Source numbers the writer should also cite although they do not exist (e.g. [99]). */
  phantomCites?: number[];
  /** Sentences the writer adds to its summary, as a model that invents facts would. */
  addToSummary?: Array<{ text: string; cites: number[] }>;
  /**
   * Every assessment's stance, confidence and reason, whatever the passage says (its quote is
   * still a real sentence of it), as a model obeying an instruction injected into a source would.
   */
  assessAs?: { stance: string; confidence: number; reason: string };
}

/** The reply function to hand to `startWireServer`. */
export function scriptedModel(options: ScriptOptions = {}): (req: WireRequest) => WireReply {
  const seen = new Map<ScriptedStage, number>();
  return (req) => {
    const stage = stageOf(req);
    const i = seen.get(stage) ?? 0;
    seen.set(stage, i + 1);
    const fault = options.faults?.[stage]?.[i];
    if (fault) return fault;
    const user = req.messages.filter((m) => m.role === "user").map((m) => m.text)[0] ?? "";
    return { kind: "json", value: answer(stage, user, options) };
  };
}

/** Which prompt a request carries, from the properties of the schema it asks for. */
export function stageOf(req: WireRequest): ScriptedStage {
  const props = Object.keys(
    ((req.schema as { properties?: Record<string, unknown> } | undefined)?.properties ??
      {}) as object,
  );
  if (props.includes("keyTerms")) return "understand";
  if (props.includes("queries")) return "plan";
  if (props.includes("stance")) return "assess";
  if (props.includes("summary")) return "write";
  if (props.includes("judgements")) return "verify";
  return "rewrite";
}

function answer(stage: ScriptedStage, user: string, options: ScriptOptions): unknown {
  const input = blocks(user, "input")[0]?.body ?? "";
  switch (stage) {
    case "understand":
      return {
        kind: input.trim().endsWith("?") ? "question" : "claim",
        keyTerms: contentWords(input).slice(0, 6),
        entities: [],
        subClaims: [],
        // As a real model would: the language the input is written in.
        language: detectLanguage(input).code,
      };
    case "plan": {
      const core = contentWords(input).slice(0, 6).join(" ");
      return {
        queries: [
          { text: core, intent: "neutral" },
          { text: `${core} evidence`, intent: "supporting" },
          { text: `${core} criticism`, intent: "critical" },
        ],
      };
    }
    case "assess": {
      const passage = blocks(user, "passage")[0]?.body ?? "";
      const quote = firstSentence(passage);
      const overlap = shared(contentWords(input), contentWords(passage));
      if (options.assessAs) return { ...options.assessAs, quote };
      return {
        stance: overlap >= 0.5 ? "supports" : overlap > 0 ? "context" : "irrelevant",
        quote: overlap > 0 ? quote : "",
        reason: "The passage speaks to the claim's subject.",
        confidence: 0.7,
      };
    }
    case "write": {
      const sources = blocks(user, "source");
      const sentence = (s: (typeof sources)[number], extra: number[] = []) => ({
        text: `One source states: "${firstSentence(blocks(s.body, "passage")[0]?.body ?? "")}"`,
        cites: [Number(s.attrs.n), ...extra],
      });
      const [first, second, third, ...rest] = sources;
      return {
        summary: first
          ? [
              {
                sentences: [
                  sentence(first, options.phantomCites ?? []),
                  ...(options.addToSummary ?? []),
                ],
              },
            ]
          : [],
        missingContext: second ? [{ sentences: [sentence(second)] }] : [],
        bias: third ? [{ sentences: [sentence(third)] }] : rest.length > 0 ? [] : [],
        relatedQuestions: [
          "What do the studies measure?",
          "Which sources disagree, and why?",
          "How recent is the evidence?",
          "What do official bodies say?",
          "What would change the verdict?",
        ],
      };
    }
    case "verify":
      return {
        judgements: blocks(user, "sentence").map((s) => ({
          sentence: Number(s.attrs.n),
          verdict: "supported",
          support: 0.9,
        })),
      };
    case "rewrite":
      return { text: firstSentence(blocks(user, "passage")[0]?.body ?? "") };
  }
}

interface Block {
  attrs: Record<string, string>;
  body: string;
}

/**
 * The data blocks of one kind in a prompt (`<<<KIND code attrs BEGIN>>>` … `<<<KIND code END>>>`,
 * see prompts/untrusted.ts), outermost first, with their bodies exactly as sent.
 */
export function blocks(text: string, kind: string): Block[] {
  const out: Block[] = [];
  const name = kind.toUpperCase();
  const re = new RegExp(
    `<<<${name} ([0-9a-f]+)((?:\\s+[a-z]+="[^"]*")*) BEGIN>>>\\n([\\s\\S]*?)\\n<<<${name} \\1 END>>>`,
    "g",
  );
  for (const m of text.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? "").matchAll(/([a-z]+)="([^"]*)"/g)) attrs[a[1] ?? ""] = a[2] ?? "";
    out.push({ attrs, body: m[3] ?? "" });
  }
  return out;
}

/** The text with every data block removed: what the model reads as instructions. */
export function outsideData(text: string): string {
  return text.replace(/<<<([A-Z]+) ([0-9a-f]+)[^\n]* BEGIN>>>\n[\s\S]*?\n<<<\1 \2 END>>>/g, "");
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const m = /^(.{20,}?[.!?])(\s|$)/.exec(flat);
  return (m?.[1] ?? flat).replace(/"/g, "'");
}

const STOP = new Set(
  "the a an of and or to in on for is are was were be by with that this it its from as at".split(
    " ",
  ),
);

function contentWords(text: string): string[] {
  return [
    ...new Set(
      (text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? []).filter(
        (w) => w.length > 2 && !STOP.has(w),
      ),
    ),
  ];
}

function shared(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return 0;
  const set = new Set(b);
  return a.filter((w) => set.has(w)).length / a.length;
}
