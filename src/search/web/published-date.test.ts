import { describe, expect, it } from "vitest";
import { publishedDate } from "./published-date.js";

describe("publishedDate", () => {
  it.each([
    ["2022-02-11", "2022-02-11"],
    ["2022-02-11T00:00:00", "2022-02-11T00:00:00Z"],
    ["2023-11-16T01:36:32.547Z", "2023-11-16T01:36:32.547Z"],
    ["Fri, 11 Feb 2022 09:30:00 GMT", "2022-02-11T09:30:00Z"],
    ["11 Feb 2022 09:30:00 +0100", "2022-02-11T09:30:00+01:00"],
    ["Feb 11, 2022", "2022-02-11"],
    ["February 11, 2022", "2022-02-11"],
    ["Sept. 4, 2024", "2024-09-04"],
    ["4 March 2024", "2024-03-04"],
  ])("%s → %s", (value, expected) => {
    expect(publishedDate(value)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    "",
    "3 days ago",
    "yesterday",
    "Feb 30, 2022",
    "Smarch 4, 2024",
    "2022",
  ])("has no date for %s", (value) => {
    expect(publishedDate(value)).toBeUndefined();
  });
});
