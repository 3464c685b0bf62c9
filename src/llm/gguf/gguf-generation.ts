// Runs one planned generation on a loaded GGUF model, in its queue: checks the prompt fits the
// context, applies the grammar, counts tokens, and maps the stop reason to the AI SDK's.
import type { JSONValue, LanguageModelV4FinishReason, SharedV4Warning } from "@ai-sdk/provider";
import type { GbnfJsonObjectSchema } from "node-llama-cpp";
import { FactuallyError, isFactuallyError, messageOf } from "../../core/errors.js";
import type { GenerationPlan } from "./generation-plan.js";
import { abortReason } from "./generation-queue.js";
import type { GgufRuntime } from "./gguf-runtime.js";
import { clampToBounds } from "./numeric-bounds.js";

/** What a finished generation produced. */
export interface GenerationOutcome {
  text: string;
  inputTokens: number;
  outputTokens: number;
  finishReason: LanguageModelV4FinishReason;
  /** Numbers moved inside their schema bounds after generation. */
  clampedNumbers: number;
  warnings: SharedV4Warning[];
}

/** Hooks into a running generation. */
export interface GenerationHooks {
  signal?: AbortSignal | undefined;
  /** Called when the generation's turn in the queue has come, with the call's warnings. */
  onStart?: (warnings: SharedV4Warning[]) => void;
  /** Called with each piece of text as it is generated. */
  onTextChunk?: ((text: string) => void) | undefined;
}

/** Waits for the model's queue, then generates; rejects with the abort reason when aborted. */
export function runGeneration(
  runtime: GgufRuntime,
  plan: GenerationPlan,
  hooks: GenerationHooks = {},
): Promise<GenerationOutcome> {
  const { signal } = hooks;
  return runtime.queue.run(async () => {
    const { chat, model, llama, info } = runtime;
    const rendered = chat.chatWrapper.generateContextState({ chatHistory: plan.history });
    const inputTokens = rendered.contextText.tokenize(model.tokenizer).length;
    const room = info.contextSize - inputTokens;
    if (room < 1) {
      throw new FactuallyError(
        "BAD_INPUT",
        `the prompt has ${inputTokens} tokens but the GGUF model's context holds ${info.contextSize}; ` +
          `shorten the prompt or load the model with a larger context size (it was trained on ${info.trainContextSize})`,
      );
    }
    const warnings = [...plan.warnings];
    let maxTokens = plan.maxTokens;
    if (maxTokens > room) {
      warnings.push({
        type: "other",
        message: `maxOutputTokens lowered from ${maxTokens} to ${room}: the prompt fills the rest of the ${info.contextSize}-token context`,
      });
      maxTokens = room;
    }
    hooks.onStart?.(warnings);
    let outputTokens = 0;
    try {
      const grammar =
        plan.grammarSchema === undefined
          ? undefined
          : // toGrammarSchema emits only keywords GbnfJsonSchema declares; the root may be any of its kinds.
            await llama.createGrammarForJsonSchema(
              plan.grammarSchema as unknown as GbnfJsonObjectSchema,
            );
      const result = await chat.generateResponse(plan.history, {
        ...plan.sampling,
        maxTokens,
        ...(grammar === undefined ? {} : { grammar }),
        ...(signal === undefined ? {} : { signal }),
        ...(hooks.onTextChunk === undefined ? {} : { onTextChunk: hooks.onTextChunk }),
        onToken: (tokens) => {
          outputTokens += tokens.length;
        },
      });
      const { text, clamped } = applyBounds(result.response, plan);
      return {
        text,
        inputTokens,
        outputTokens,
        finishReason: toFinishReason(result.metadata.stopReason),
        clampedNumbers: clamped,
        warnings,
      };
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (isFactuallyError(error)) throw error;
      const reason = messageOf(error);
      throw new FactuallyError(
        "PROVIDER_FAILED",
        `the GGUF model failed while generating: ${reason}`,
        {
          cause: error,
          target: info.modelPath,
        },
      );
    }
  }, signal);
}

function applyBounds(text: string, plan: GenerationPlan): { text: string; clamped: number } {
  if (plan.grammarSchema === undefined || plan.schema === undefined) return { text, clamped: 0 };
  let parsed: JSONValue;
  try {
    parsed = JSON.parse(text) as JSONValue;
  } catch {
    return { text, clamped: 0 }; // cut off by maxOutputTokens: finishReason says "length"
  }
  const { value, clamped } = clampToBounds(parsed, plan.schema);
  return { text: clamped > 0 ? JSON.stringify(value) : text, clamped };
}

function toFinishReason(stopReason: string): LanguageModelV4FinishReason {
  switch (stopReason) {
    case "eogToken":
    case "stopGenerationTrigger":
    case "customStopTrigger":
      return { unified: "stop", raw: stopReason };
    case "maxTokens":
      return { unified: "length", raw: stopReason };
    default:
      return { unified: "other", raw: stopReason };
  }
}
