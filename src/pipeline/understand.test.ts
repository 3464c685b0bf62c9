import { describe, expect, it } from "vitest";
import { FactuallyError } from "../core/errors.js";
import { classify, splitCompound, understandText } from "./understand.js";

const badInput = (text: string) => {
  try {
    understandText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FactuallyError);
    expect((error as FactuallyError).code).toBe("BAD_INPUT");
    return (error as FactuallyError).message;
  }
  throw new Error(`"${text.slice(0, 20)}" was accepted`);
};

describe("understand", () => {
  it("tells questions from claims", () => {
    expect(
      classify("How are ICE tactical operations coordinated between ERO and HSI divisions?"),
    ).toBe("question");
    expect(classify("Do face masks work")).toBe("question");
    expect(classify("Face masks reduce the spread of COVID-19.")).toBe("claim");
  });

  it("finds key terms and named entities, not sentence case", () => {
    const claim = understandText(
      "  How are ICE tactical operations coordinated between ERO and HSI divisions? ",
    );
    expect(claim.text).toBe(
      "How are ICE tactical operations coordinated between ERO and HSI divisions?",
    );
    expect(claim.entities).toEqual(["ICE", "ERO", "HSI"]);
    expect(claim.keyTerms).toEqual(expect.arrayContaining(["tactical", "operations", "divisions"]));
    expect(claim.keyTerms).not.toContain("how");
    expect(understandText("Masks reduce transmission.").entities).toEqual([]);
    expect(
      understandText("The World Health Organization declared a pandemic in March 2020.").entities,
    ).toEqual(["World Health Organization", "March 2020"]);
  });

  it("keeps words as the index sees them (5G, COVID-19)", () => {
    const claim = understandText("5G towers spread COVID-19");
    expect(claim.keyTerms).toEqual(expect.arrayContaining(["5g", "towers", "covid"]));
  });

  it("splits compound claims joined by 'and' or ';', borrowing the subject", () => {
    expect(splitCompound("Masks reduce transmission and save lives.")).toEqual([
      "Masks reduce transmission",
      "Masks save lives",
    ]);
    expect(
      understandText(
        "Face masks reduce the spread of COVID-19 and vaccines cause autism; 5G towers spread the virus.",
      ).subClaims,
    ).toEqual([
      "Face masks reduce the spread of COVID-19",
      "vaccines cause autism",
      "5G towers spread the virus",
    ]);
    expect(splitCompound("Salt and pepper improve soup.")).toEqual([]);
  });

  it("normalises spacing and typographic quotes", () => {
    expect(understandText("“Vaccines   cause autism”").normalized).toBe("Vaccines cause autism");
  });

  it("refuses empty, over-long and word-less input with a message that says what to do", () => {
    expect(badInput("")).toMatch(/nothing to check/);
    expect(badInput("   \n\t ")).toMatch(/nothing to check/);
    expect(badInput("a ".repeat(1001))).toMatch(/2,000/);
    expect(badInput("?!?! ... ---")).toMatch(/no words/);
    expect(badInput("🤔🔥💯")).toMatch(/no words/);
  });
});

describe("understanding a claim with markup pasted in", () => {
  it("keeps the text as typed but takes no search terms from tags, attributes or scripts", () => {
    const claim = understandText(
      'Do face masks <script>window.__pwned=1</script> reduce influenza <img src=x onerror="alert(1)">?',
    );
    expect(claim.text).toContain("<script>");
    const terms = [...claim.keyTerms, ...claim.entities].join(" ").toLowerCase();
    for (const markup of ["script", "pwned", "window", "img", "onerror", "alert", "src"]) {
      expect(terms).not.toContain(markup);
    }
    expect(terms).toContain("mask");
  });
});
