import { describe, expect, it } from "vitest";
import { answerKind, declarativeOf, givesAnswerOfKind } from "./question-form.js";

describe("declarativeOf", () => {
  it("turns a yes/no question into the statement it asks about", () => {
    expect(declarativeOf("Do face masks reduce the spread of COVID-19?")).toBe(
      "Face masks reduce the spread of COVID-19.",
    );
    expect(declarativeOf("Can people without symptoms transmit COVID-19?")).toBe(
      "People without symptoms can transmit COVID-19.",
    );
    expect(declarativeOf("Does smoking cause lung cancer?")).toBe("Smoking causes lung cancer.");
    expect(declarativeOf("Is vitamin D effective against influenza?")).toBe(
      "Vitamin D is effective against influenza.",
    );
    expect(declarativeOf("Did the vaccine reduce deaths?")).toBe("The vaccine reduced deaths.");
  });

  it("leaves other questions alone", () => {
    expect(declarativeOf("How long does immunity last after COVID-19 infection?")).toBeUndefined();
    expect(declarativeOf("What causes long COVID?")).toBeUndefined();
  });
});

describe("answerKind and givesAnswerOfKind", () => {
  it("knows what a question asks for", () => {
    expect(answerKind("How long does immunity last after COVID-19 infection?")).toBe("duration");
    expect(answerKind("How many people died of COVID-19 in Italy?")).toBe("quantity");
    expect(answerKind("When did the pandemic start?")).toBe("time");
    expect(answerKind("Why do some vaccines need two doses?")).toBe("cause");
    expect(answerKind("Do face masks reduce the spread of COVID-19?")).toBe("yes-no");
  });

  it("tells an answer from a sentence on the same topic", () => {
    expect(
      givesAnswerOfKind(
        "IgG antibodies against SARS-CoV-2 were maintained for at least 3 months.",
        "duration",
      ),
    ).toBe(true);
    expect(
      givesAnswerOfKind(
        "Immunity after infection is an important topic for public health.",
        "duration",
      ),
    ).toBe(false);
  });
});

describe("declarativeOf, past tense and names", () => {
  it("finds the verb after a name and puts it in the past", () => {
    expect(declarativeOf("Did the Eiffel Tower open in 1889?")).toBe(
      "The Eiffel Tower opened in 1889.",
    );
  });
});
