// The model-backed understander: the offline rules validate the input and give the id-stable
// normalisation; the model adds kind, key terms, entities, parts and language.
import type { StageRun } from "../../core/interfaces/stage-run.js";
import type { Understander } from "../../core/interfaces/understander.js";
import type { Claim } from "../../core/schema/claim.js";
import { understandPrompt } from "../../llm/prompts/understand.js";
import { ask, modelOrOffline, modelStageId, type StageModel } from "./model-or-offline.js";

export function modelUnderstander(model: StageModel, offline: Understander): Understander {
  return {
    id: modelStageId(model, understandPrompt),
    async understand(text: string, signal?: AbortSignal, run?: StageRun): Promise<Claim> {
      // Bad input is the user's to fix, with or without a model: the rules decide it first.
      const base = await offline.understand(text, signal);
      return modelOrOffline({
        stage: "understand",
        model,
        run,
        signal,
        offline: async () => base,
        async withModel(s, r) {
          const out = await ask(model, understandPrompt, { text: base.text }, r, s);
          return {
            ...base,
            kind: out.kind,
            keyTerms: out.keyTerms.length > 0 ? out.keyTerms : base.keyTerms,
            entities: out.entities,
            subClaims: out.kind === "claim" ? out.subClaims : [],
            language: out.language,
          };
        },
      });
    },
  };
}
