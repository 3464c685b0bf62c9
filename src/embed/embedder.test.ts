import { describe, expect, it } from "vitest";
import { cosine, unitNormalize } from "./embedder.js";

const v = (...xs: number[]) => Float32Array.from(xs);

describe("cosine", () => {
  it("is 1 for vectors pointing the same way, whatever their length", () => {
    expect(cosine(v(1, 2, 3), v(2, 4, 6))).toBeCloseTo(1, 6);
  });

  it("is 0 for orthogonal vectors and -1 for opposite ones", () => {
    expect(cosine(v(1, 0), v(0, 3))).toBeCloseTo(0, 6);
    expect(cosine(v(1, -1), v(-2, 2))).toBeCloseTo(-1, 6);
  });

  it("is 0 when either vector is the zero vector, instead of NaN", () => {
    expect(cosine(v(0, 0), v(1, 1))).toBe(0);
  });

  it("refuses vectors of different lengths", () => {
    expect(() => cosine(v(1, 2), v(1, 2, 3))).toThrow(RangeError);
  });
});

describe("unitNormalize", () => {
  it("scales a vector to length 1 keeping its direction", () => {
    const u = unitNormalize([3, 4]);
    expect(u[0]).toBeCloseTo(0.6, 6);
    expect(u[1]).toBeCloseTo(0.8, 6);
    expect(cosine(u, v(3, 4))).toBeCloseTo(1, 6);
  });

  it("leaves the zero vector at zero", () => {
    expect([...unitNormalize([0, 0, 0])]).toEqual([0, 0, 0]);
  });
});
