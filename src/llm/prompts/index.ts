// Every prompt the model-backed stages use; their versions go into each check's fingerprint.
import { assessPrompt } from "./assess.js";
import { planPrompt } from "./plan.js";
import { understandPrompt } from "./understand.js";
import { rewritePrompt, verifyPrompt } from "./verify.js";
import { writePrompt } from "./write.js";

export const PROMPTS = [
  understandPrompt,
  planPrompt,
  assessPrompt,
  writePrompt,
  verifyPrompt,
  rewritePrompt,
] as const;

/** `understand@1+plan@1+…`: what the settings fingerprint records. */
export const PROMPT_VERSIONS = PROMPTS.map((p) => p.version).join("+");
