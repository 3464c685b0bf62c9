// The stance model's weights file: what it was trained on, its features, idf table and trees.
import { z } from "zod";
import { STANCE_LABELS } from "./labels.js";

const tree = z.tuple([z.array(z.number().int()), z.array(z.number()), z.array(z.number().int())]);

export const stanceWeightsSchema = z.object({
  format: z.literal("factually-stance-gbdt"),
  version: z.string(),
  labels: z.tuple([
    z.literal(STANCE_LABELS[0]),
    z.literal(STANCE_LABELS[1]),
    z.literal(STANCE_LABELS[2]),
    z.literal(STANCE_LABELS[3]),
  ]),
  features: z.array(z.string()),
  training: z.object({
    data: z.array(
      z.object({
        name: z.string(),
        files: z.array(z.string()),
        pairs: z.number(),
        licence: z.string(),
      }),
    ),
    hyperParameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    selection: z.record(z.string(), z.union([z.number(), z.string()])),
  }),
  idf: z.object({ documents: z.number().int(), df: z.record(z.string(), z.number().int()) }),
  /** The feature pipeline the trees were trained with (FEATURE_PIPELINE); absent before v3. */
  featurePipeline: z.string().optional(),
  /**
   * Fixed probe pairs and the features the pipeline gave them at training time: if the
   * pipeline now computes other values, the weights no longer match it (model.test.ts).
   */
  probes: z
    .array(
      z.object({
        claim: z.string(),
        text: z.string(),
        context: z
          .object({
            title: z.string().optional(),
            section: z.string().optional(),
            subjectFound: z.string().optional(),
          })
          .optional(),
        features: z.array(z.number()),
      }),
    )
    .optional(),
  /** The initial class scores, then per round one tree per class as [feature, value, left]. */
  base: z.array(z.number()),
  trees: z.array(z.array(tree)),
});

export type StanceWeights = z.infer<typeof stanceWeightsSchema>;

/** The weights as compact JSON with a stable key order (same model, same bytes). */
export function serializeWeights(weights: StanceWeights): string {
  const { trees, idf, probes, ...rest } = weights;
  const head = JSON.stringify({
    ...rest,
    ...(probes ? { probes } : {}),
    idf: { documents: idf.documents },
  }).slice(0, -2);
  const df = JSON.stringify(idf.df);
  const lines = trees.map((round) => JSON.stringify(round));
  return `${head},"df":${df}},\n"trees":[\n${lines.join(",\n")}\n]}\n`;
}
