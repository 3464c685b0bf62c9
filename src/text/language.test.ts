import { describe, expect, it } from "vitest";
import { detectLanguage, languageName } from "./language.js";

describe("detectLanguage", () => {
  it.each([
    ["Face masks reduce the spread of COVID-19.", "en"],
    ["Vitamin D prevents COVID-19 infection.", "en"],
    ["Ivermectin cures COVID-19.", "en"],
    ["Hydroxychloroquine prevents death in COVID patients", "en"],
    ["Is the Great Wall of China visible from space?", "en"],
    ["Les masques réduisent la propagation du COVID-19.", "fr"],
    ["Das Coronavirus wurde im Labor hergestellt.", "de"],
    ["¿Las vacunas causan autismo?", "es"],
    ["Il vaccino contro il morbillo causa l'autismo", "it"],
    ["A vacina contra a gripe não causa autismo", "pt"],
    ["Mondkapjes verminderen de verspreiding van het virus", "nl"],
    ["Маски не защищают от вируса", "ru"],
    ["口罩可以减少新冠病毒的传播", "zh"],
  ])("%s → %s", (text, code) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  it("says English was a default when nothing in the text says which language it is", () => {
    expect(detectLanguage("COVID-19 5G")).toEqual({ code: "en", by: "default" });
  });

  it("names languages in English for messages", () => {
    expect(languageName("fr")).toBe("French");
    expect(languageName("zz-not-a-code!")).toBe("zz-not-a-code!");
  });
});
