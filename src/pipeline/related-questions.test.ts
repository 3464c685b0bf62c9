// Every input here was tried as a user would; each list is the five questions it must produce.
// The first three are the failures of issue 14: "What primary data exist on long?", "What is
// known about 5g in relation to 5 G spreads COVID-19?" and "eiffel Tower".
import { describe, expect, it } from "vitest";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import { relatedQuestions } from "./related-questions.js";
import { understandText } from "./understand.js";

/** [input, key terms no passage mentions, the questions]. */
const CASES: Array<[string, string[], string[]]> = [
  [
    "How long does the coronavirus survive on surfaces?",
    ["long"],
    [
      "What are the limitations of the evidence on the coronavirus?",
      "How has what is known about the coronavirus changed over time?",
      "What do official or independent sources say about the coronavirus?",
      "What primary data exist on the coronavirus?",
      "What are common misconceptions about the coronavirus?",
    ],
  ],
  [
    "5G spreads COVID-19",
    ["5g"],
    [
      "What evidence would contradict the claim that 5G spreads COVID-19?",
      "What are the limitations of the evidence on 5G?",
      "How has what is known about 5G changed over time?",
      "What do official or independent sources say about 5G?",
      "What primary data exist on 5G?",
    ],
  ],
  [
    "Is the Eiffel Tower in Paris?",
    ["eiffel", "tower"],
    [
      "What are the limitations of the evidence on the Eiffel Tower?",
      "How has what is known about the Eiffel Tower changed over time?",
      "What do official or independent sources say about the Eiffel Tower?",
      "What primary data exist on the Eiffel Tower?",
      "What are common misconceptions about the Eiffel Tower?",
    ],
  ],
  [
    "eiffel tower",
    [],
    [
      "What is known about eiffel tower?",
      "What are the limitations of the evidence on eiffel tower?",
      "How has what is known about eiffel tower changed over time?",
      "What do official or independent sources say about eiffel tower?",
      "What primary data exist on eiffel tower?",
    ],
  ],
  [
    "Do masks work?",
    [],
    [
      "What are the limitations of the evidence on masks?",
      "How has what is known about masks changed over time?",
      "What do official or independent sources say about masks?",
      "What primary data exist on masks?",
      "What are common misconceptions about masks?",
    ],
  ],
  [
    "Vitamin D does not prevent COVID-19",
    [],
    [
      "What evidence would contradict the claim that vitamin D does not prevent COVID-19?",
      "What are the limitations of the evidence on vitamin D?",
      "How has what is known about vitamin D changed over time?",
      "What do official or independent sources say about vitamin D?",
      "What primary data exist on vitamin D?",
    ],
  ],
  [
    "80% of infections are asymptomatic",
    ["80"],
    [
      "What evidence would contradict the claim that 80% of infections are asymptomatic?",
      "What are the limitations of the evidence on infections?",
      "How has what is known about infections changed over time?",
      "What do official or independent sources say about infections?",
      "What primary data exist on infections?",
    ],
  ],
  [
    "Masks reduce the transmission of COVID-19",
    ["transmission"],
    [
      "What is known about the transmission of COVID-19 in relation to masks?",
      "What evidence would contradict the claim that masks reduce the transmission of COVID-19?",
      "What are the limitations of the evidence on masks?",
      "How has what is known about masks changed over time?",
      "What do official or independent sources say about masks?",
    ],
  ],
  [
    "The WHO declared a pandemic in March 2020",
    ["pandemic"],
    [
      "What is known about a pandemic in relation to the WHO?",
      "What evidence would contradict the claim that the WHO declared a pandemic in March 2020?",
      "What are the limitations of the evidence on the WHO?",
      "How has what is known about the WHO changed over time?",
      "What do official or independent sources say about the WHO?",
    ],
  ],
  [
    "Hydroxychloroquine cures COVID-19",
    [],
    [
      "What evidence would contradict the claim that hydroxychloroquine cures COVID-19?",
      "What are the limitations of the evidence on hydroxychloroquine?",
      "How has what is known about hydroxychloroquine changed over time?",
      "What do official or independent sources say about hydroxychloroquine?",
      "What primary data exist on hydroxychloroquine?",
    ],
  ],
  [
    "Who invented the telephone?",
    [],
    [
      "What are the limitations of the evidence on the telephone?",
      "How has what is known about the telephone changed over time?",
      "What do official or independent sources say about the telephone?",
      "What primary data exist on the telephone?",
      "What are common misconceptions about the telephone?",
    ],
  ],
  [
    "Children are less likely to be infected",
    ["likely"],
    [
      "What evidence would contradict the claim that children are less likely to be infected?",
      "What are the limitations of the evidence on children?",
      "How has what is known about children changed over time?",
      "What do official or independent sources say about children?",
      "What primary data exist on children?",
    ],
  ],
  [
    "Can dogs transmit SARS-CoV-2?",
    [],
    [
      "What are the limitations of the evidence on dogs?",
      "How has what is known about dogs changed over time?",
      "What do official or independent sources say about dogs?",
      "What primary data exist on dogs?",
      "What are common misconceptions about dogs?",
    ],
  ],
  [
    "What is the death rate of COVID-19 in Italy?",
    [],
    [
      "What is the role of Italy in the death rate of COVID-19?",
      "What are the limitations of the evidence on the death rate of COVID-19?",
      "How has what is known about the death rate of COVID-19 changed over time?",
      "What do official or independent sources say about the death rate of COVID-19?",
      "What primary data exist on the death rate of COVID-19?",
    ],
  ],
  [
    "Smoking never causes cancer.",
    [],
    [
      "What evidence would contradict the claim that smoking never causes cancer?",
      "What are the limitations of the evidence on smoking?",
      "How has what is known about smoking changed over time?",
      "What do official or independent sources say about smoking?",
      "What primary data exist on smoking?",
    ],
  ],
  [
    "Bill Gates wants to microchip people with vaccines",
    [],
    [
      "What evidence would contradict the claim that Bill Gates wants to microchip people with vaccines?",
      "What are the limitations of the evidence on Bill Gates?",
      "How has what is known about Bill Gates changed over time?",
      "What do official or independent sources say about Bill Gates?",
      "What primary data exist on Bill Gates?",
    ],
  ],
  [
    "How are ICE tactical operations coordinated between ERO and HSI divisions?",
    [],
    [
      "What is the role of ERO in ICE tactical operations?",
      "What is the role of HSI in ICE tactical operations?",
      "What are the limitations of the evidence on ICE tactical operations?",
      "How has what is known about ICE tactical operations changed over time?",
      "What do official or independent sources say about ICE tactical operations?",
    ],
  ],
  [
    "There is no evidence that masks work",
    [],
    [
      "What evidence would contradict the claim that there is no evidence that masks work?",
      "What are the limitations of the evidence on masks?",
      "How has what is known about masks changed over time?",
      "What do official or independent sources say about masks?",
      "What primary data exist on masks?",
    ],
  ],
  [
    "How many people died of COVID-19 in 2020?",
    [],
    [
      "What are the limitations of the evidence on COVID-19?",
      "How has what is known about COVID-19 changed over time?",
      "What do official or independent sources say about COVID-19?",
      "What primary data exist on COVID-19?",
      "What are common misconceptions about COVID-19?",
    ],
  ],
  [
    "Which countries banned masks?",
    [],
    [
      "What are the limitations of the evidence on masks?",
      "How has what is known about masks changed over time?",
      "What do official or independent sources say about masks?",
      "What primary data exist on masks?",
      "What are common misconceptions about masks?",
    ],
  ],
  [
    "Paris is the capital of France",
    ["capital"],
    [
      "What is known about the capital of France in relation to Paris?",
      "What evidence would contradict the claim that Paris is the capital of France?",
      "What are the limitations of the evidence on Paris?",
      "How has what is known about Paris changed over time?",
      "What do official or independent sources say about Paris?",
    ],
  ],
];

describe("the follow-up questions", () => {
  for (const [input, uncovered, questions] of CASES) {
    it(`are grammatical English for "${input}"`, () => {
      expect(relatedQuestions(understandText(input), [], uncovered)).toEqual(questions);
    });
  }

  it("never produce the failures of issue 14", () => {
    const all = CASES.flatMap(([input, uncovered]) =>
      relatedQuestions(understandText(input), [], uncovered),
    );
    for (const q of all) {
      expect(q).toMatch(/^[A-Z].*\?$/);
      expect(q).not.toMatch(/ on long\?|\b5 G\b|\b5g\b|eiffel Tower|\bCOVID - 19\b|80 %/);
    }
  });

  it("ask why sources dispute a claim that some contradict", () => {
    const disputed: SourceAssessment[] = [
      { sourceN: 1, stance: "refutes", quote: "q", reason: "r", confidence: 0.8 },
    ];
    expect(relatedQuestions(understandText("5G spreads COVID-19"), disputed, [])[0]).toBe(
      "Why do some sources dispute that 5G spreads COVID-19?",
    );
  });
});
