// Works out, from the AI SDK call options, everything a GGUF generation needs before it is
// queued: chat history, grammar schema, sampling settings, and warnings for what is left out.
import type { LanguageModelV4CallOptions, SharedV4Warning } from "@ai-sdk/provider";
import type { ChatHistoryItem, LLamaChatGenerateResponseOptions } from "node-llama-cpp";
import { toChatHistory } from "./chat-history.js";
import { ANY_JSON, type GrammarSchema, toGrammarSchema } from "./json-schema-grammar.js";

/** The node-llama-cpp sampling options a call can set. */
export type Sampling = Pick<
  LLamaChatGenerateResponseOptions,
  "temperature" | "seed" | "topP" | "topK" | "repeatPenalty" | "customStopTriggers"
>;

/** Everything a generation needs, worked out from the call options before it is queued. */
export interface GenerationPlan {
  history: ChatHistoryItem[];
  /** Grammar for JSON output; undefined for plain text. */
  grammarSchema: GrammarSchema | undefined;
  /** The caller's JSON schema, whose numeric bounds are applied after generation. */
  schema: unknown;
  maxTokens: number;
  sampling: Sampling;
  warnings: SharedV4Warning[];
}

/** Plans a call; `defaults` come from the model's options. */
export function planGeneration(
  options: LanguageModelV4CallOptions,
  defaults: { seed?: number | undefined; maxOutputTokens: number },
): GenerationPlan {
  const warnings: SharedV4Warning[] = [];
  if (options.tools?.length) {
    warnings.push({
      type: "unsupported",
      feature: "tools",
      details: "the gguf provider does not call tools",
    });
  }
  let grammarSchema: GrammarSchema | undefined;
  let instruction: string | undefined;
  const format = options.responseFormat;
  if (format?.type === "json") {
    if (format.schema === undefined) {
      grammarSchema = ANY_JSON;
      instruction = "Answer with JSON only.";
    } else {
      const converted = toGrammarSchema(format.schema);
      grammarSchema = converted.schema;
      for (const [keyword, paths] of converted.unenforced) {
        warnings.push({
          type: "unsupported",
          feature: `JSON schema keyword ${keyword}`,
          details: `the gguf grammar cannot enforce it (at ${paths.slice(0, 3).join(", ")}); the output may not satisfy it`,
        });
      }
      // The grammar fixes the shape; the schema text (with its descriptions) tells the model
      // what each field means.
      instruction = `Answer with one JSON value matching this JSON schema, and nothing else:\n${JSON.stringify(format.schema)}`;
    }
  }
  const { history, warnings: promptWarnings } = toChatHistory(options.prompt, instruction);
  const sampling: Sampling = {};
  if (options.temperature !== undefined) sampling.temperature = options.temperature;
  const seed = options.seed ?? defaults.seed;
  if (seed !== undefined) sampling.seed = seed;
  if (options.topP !== undefined) sampling.topP = options.topP;
  if (options.topK !== undefined) sampling.topK = options.topK;
  if (options.stopSequences?.length) sampling.customStopTriggers = options.stopSequences;
  if (options.presencePenalty !== undefined || options.frequencyPenalty !== undefined) {
    sampling.repeatPenalty = {
      ...(options.presencePenalty === undefined
        ? {}
        : { presencePenalty: options.presencePenalty }),
      ...(options.frequencyPenalty === undefined
        ? {}
        : { frequencyPenalty: options.frequencyPenalty }),
    };
  }
  return {
    history,
    grammarSchema,
    schema: format?.type === "json" ? format.schema : undefined,
    maxTokens: options.maxOutputTokens ?? defaults.maxOutputTokens,
    sampling,
    warnings: [...warnings, ...promptWarnings],
  };
}
