// Converts an AI SDK prompt into node-llama-cpp chat history, which the model's chat wrapper
// (its GGUF chat template, or a general one when it has none) renders into tokens.
import type { LanguageModelV4Prompt, SharedV4Warning } from "@ai-sdk/provider";
import type { ChatHistoryItem } from "node-llama-cpp";
import { FactuallyError } from "../../core/errors.js";

/** The history to generate from, ending with the model turn to complete, and what was left out. */
export interface ChatConversion {
  history: ChatHistoryItem[];
  warnings: SharedV4Warning[];
}

/**
 * The chat history for `prompt`. `instruction`, when given, is appended to the system message
 * (JSON output instructions). A final assistant message is continued rather than answered.
 */
export function toChatHistory(prompt: LanguageModelV4Prompt, instruction?: string): ChatConversion {
  const history: ChatHistoryItem[] = [];
  const skipped = new Set<string>();
  for (const message of prompt) {
    switch (message.role) {
      case "system":
        history.push({ type: "system", text: message.content });
        break;
      case "user": {
        const texts = message.content.map((part) => {
          if (part.type === "text") return part.text;
          if (part.data.type === "text") return part.data.text;
          throw new FactuallyError(
            "BAD_INPUT",
            `the gguf provider reads text only, but the prompt has a ${part.mediaType} file; ` +
              "send its text instead or use a multimodal provider",
          );
        });
        history.push({ type: "user", text: texts.join("\n\n") });
        break;
      }
      case "assistant": {
        const texts: string[] = [];
        for (const part of message.content) {
          if (part.type === "text") texts.push(part.text);
          else skipped.add(`assistant ${part.type} parts`);
        }
        history.push({ type: "model", response: [texts.join("")] });
        break;
      }
      case "tool":
        skipped.add("tool messages");
        break;
    }
  }
  if (instruction) addToSystem(history, instruction);
  if (history.at(-1)?.type !== "model") history.push({ type: "model", response: [] });
  const warnings: SharedV4Warning[] = [...skipped].map((feature) => ({
    type: "unsupported",
    feature,
    details: "the gguf provider sends text messages only; these were left out of the prompt",
  }));
  return { history, warnings };
}

function addToSystem(history: ChatHistoryItem[], instruction: string): void {
  const system = history.find((item) => item.type === "system");
  if (system && typeof system.text === "string") {
    system.text = `${system.text}\n\n${instruction}`;
  } else {
    history.unshift({ type: "system", text: instruction });
  }
}
