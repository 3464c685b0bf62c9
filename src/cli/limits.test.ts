import { describe, expect, it } from "vitest";
import { DEFAULT_SELECT } from "../pipeline/select.js";
import { DEFAULT_MAX_SOURCES } from "./limits.js";

describe("the CLI's default number of sources", () => {
  it("is select's own default", () => {
    expect(DEFAULT_MAX_SOURCES).toBe(DEFAULT_SELECT.maxSources);
  });
});
