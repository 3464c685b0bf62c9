import { describe, expect, it } from "vitest";
import { nodeTooOld } from "./node-version.js";

describe("nodeTooOld", () => {
  it("accepts Node 22.19 and later, 24 and any newer major", () => {
    for (const version of ["22.19.0", "22.23.3", "24.0.0", "24.21.0", "26.1.0"]) {
      expect(nodeTooOld(version)).toBeUndefined();
    }
  });

  it("names the version needed, the one found and where to get Node, in one line", () => {
    const message = nodeTooOld("20.20.2");
    expect(message).toBe(
      "factually needs Node.js 22.19 or newer (found 20.20.2); install Node 22 or 24 LTS: https://nodejs.org/en/download",
    );
    expect(message).not.toContain("\n");
  });

  it("refuses an early Node 22 that lacks what the dependencies need", () => {
    expect(nodeTooOld("22.12.0")).toMatch(/needs Node\.js 22\.19 or newer \(found 22\.12\.0\)/);
  });
});
