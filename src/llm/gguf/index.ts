// The in-process GGUF language model: what the composition root needs to create and free it.
export { createGgufModel, type GgufLanguageModel, type GgufModelOptions } from "./gguf-model.js";
export { disposeGgufModels, type GgufModelInfo } from "./gguf-runtime.js";
