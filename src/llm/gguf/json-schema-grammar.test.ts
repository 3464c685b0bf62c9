import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ANY_JSON, toGrammarSchema } from "./json-schema-grammar.js";
import { clampToBounds } from "./numeric-bounds.js";

// zod 4's draft-07 output, as the AI SDK's Output.object sends it.
const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "draft-07" });

describe("toGrammarSchema", () => {
  it("keeps what the grammar enforces and reports nothing for a typical verdict schema", () => {
    const { schema, unenforced } = toGrammarSchema(
      toSchema(
        z.object({
          stance: z.enum(["supports", "refutes"]).describe("what the passage does"),
          confidence: z.number().min(0).max(1),
          quotes: z.array(z.string().max(200)).min(1).max(3),
          note: z.string().nullable(),
        }),
      ),
    );
    expect(unenforced.size).toBe(0);
    expect(schema).toEqual({
      type: "object",
      properties: {
        stance: { enum: ["supports", "refutes"] },
        confidence: { type: "number" },
        quotes: {
          type: "array",
          items: { type: "string", maxLength: 200 },
          minItems: 1,
          maxItems: 3,
        },
        note: { type: ["string", "null"] },
      },
      additionalProperties: false,
    });
  });

  it("turns anyOf into oneOf, which node-llama-cpp compiles", () => {
    const { schema } = toGrammarSchema(toSchema(z.object({ a: z.number() }).nullable()));
    expect(schema.oneOf).toEqual([
      { type: "object", properties: { a: { type: "number" } }, additionalProperties: false },
      { type: "null" },
    ]);
  });

  it("reports pattern and formats it has no grammar for, and drops them", () => {
    const { schema, unenforced } = toGrammarSchema(
      toSchema(z.object({ code: z.string().regex(/^[A-Z]+$/), link: z.url(), day: z.iso.date() })),
    );
    expect([...unenforced.keys()].sort()).toEqual(["format: uri", "pattern"]);
    expect(unenforced.get("format: uri")).toEqual(["/properties/link"]);
    expect(schema.properties).toMatchObject({
      code: { type: "string" },
      link: { type: "string" },
      day: { type: "string", format: "date" },
    });
  });

  it("lets a record take any keys and an unknown value take any JSON", () => {
    const { schema } = toGrammarSchema(
      toSchema(z.object({ counts: z.record(z.string(), z.number()), extra: z.unknown() })),
    );
    expect(schema.properties).toMatchObject({
      counts: { type: "object", additionalProperties: { type: "number" } },
      extra: ANY_JSON,
    });
  });

  it("moves draft-07 definitions to $defs and rewrites the references", () => {
    const { schema } = toGrammarSchema({
      type: "object",
      properties: { item: { $ref: "#/definitions/item" } },
      definitions: { item: { type: "string" } },
    });
    expect(schema).toMatchObject({
      properties: { item: { $ref: "#/$defs/item" } },
      $defs: { item: { type: "string" } },
    });
  });
});

describe("clampToBounds", () => {
  const schema = toSchema(
    z.object({
      confidence: z.number().min(0).max(1),
      rank: z.number().int().positive(),
      scores: z.array(z.number().max(10)),
      maybe: z.number().min(0).nullable(),
    }),
  );

  it("moves out-of-range numbers to the nearest bound and counts them", () => {
    const { value, clamped } = clampToBounds(
      { confidence: 85, rank: -3, scores: [4, 12], maybe: -1 },
      schema,
    );
    expect(value).toEqual({ confidence: 1, rank: 1, scores: [4, 10], maybe: 0 });
    expect(clamped).toBe(4);
  });

  it("leaves in-range values, nulls and non-finite numbers without a bound alone", () => {
    const input = { confidence: 0.5, rank: 2, scores: [], maybe: null };
    expect(clampToBounds(input, schema)).toEqual({ value: input, clamped: 0 });
    expect(clampToBounds(Number.POSITIVE_INFINITY, { type: "number" }).clamped).toBe(0);
  });
});
