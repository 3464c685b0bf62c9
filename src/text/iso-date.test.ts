import { describe, expect, it } from "vitest";
import { normalizeIsoDate } from "./iso-date.js";

describe("normalizeIsoDate", () => {
  it("keeps ISO dates and date-times with an offset", () => {
    expect(normalizeIsoDate("2021-03-15")).toBe("2021-03-15");
    expect(normalizeIsoDate("2021-03-15T09:30:00+01:00")).toBe("2021-03-15T09:30:00+01:00");
    expect(normalizeIsoDate("2021-03-15T09:30:00.123Z")).toBe("2021-03-15T09:30:00.123Z");
  });

  it("reads a date-time without an offset as UTC and fills in missing seconds", () => {
    expect(normalizeIsoDate("2021-03-15T09:30")).toBe("2021-03-15T09:30:00Z");
    expect(normalizeIsoDate(" 2021-03-15 09:30:05 ")).toBe("2021-03-15T09:30:05Z");
    expect(normalizeIsoDate("2021-03-15t09:30:05+0530")).toBe("2021-03-15T09:30:05+05:30");
  });

  it("rejects days that do not exist and text that is not ISO 8601", () => {
    for (const value of [
      "2021-02-29",
      "2021-13-01",
      "2021-03-15T24:00:00Z",
      "15/03/2021",
      "2021",
      "",
    ]) {
      expect(normalizeIsoDate(value)).toBeUndefined();
    }
    expect(normalizeIsoDate("2020-02-29")).toBe("2020-02-29");
  });
});
