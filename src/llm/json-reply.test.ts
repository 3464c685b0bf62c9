import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseModelJson } from "./json-reply.js";

const Shape = z.object({
  stance: z.enum(["supports", "refutes"]),
  confidence: z.number().min(0).max(1),
});

describe("parseModelJson", () => {
  it("reads a bare object, a fenced one, and one with words around it", () => {
    const want = { ok: true, value: { stance: "supports", confidence: 0.8 } };
    expect(parseModelJson('{"stance":"supports","confidence":0.8}', Shape)).toEqual(want);
    expect(parseModelJson('```json\n{"stance":"supports","confidence":0.8}\n```', Shape)).toEqual(
      want,
    );
    expect(
      parseModelJson('Here it is: {"stance":"supports","confidence":0.8} Hope it helps', Shape),
    ).toEqual(want);
  });

  it("says what is wrong: truncated JSON, no JSON, the wrong shape", () => {
    expect(parseModelJson('{"stance":"supports","confid', Shape)).toMatchObject({
      ok: false,
      error: expect.stringContaining("does not parse"),
    });
    expect(parseModelJson("I cannot help with that.", Shape)).toEqual({
      ok: false,
      error: "the reply holds no JSON object",
    });
    expect(parseModelJson('{"stance":"maybe","confidence":2}', Shape)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/stance: .*confidence: /),
    });
  });
});
