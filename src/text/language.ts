// Which language a short text is in. Claims are short, where letter-statistics detectors
// guess wildly among Latin-script languages ("Vitamin D prevents COVID-19 infection." reads as
// French to them), so function words decide between the common Latin-script languages and the
// statistical detector (tinyld) only decides for other scripts or confident cases.
import { detectAll } from "tinyld";

/** Function words that are frequent in one language and rare in the others listed. */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: "the of and is are was were to in that it for on with as by this not be have has from or do does did than which who what why how can will".split(
    " ",
  ),
  fr: "le la les des du un une est sont et en que qui pour dans sur pas ne par au aux avec ce cette ces il elle ont plus".split(
    " ",
  ),
  de: "der die das und ist sind nicht ein eine zu den mit von im dem des auf für wird wurde werden sich auch als bei".split(
    " ",
  ),
  es: "el los las del y es son en que una por con para se no lo su al más está están como hay fue".split(
    " ",
  ),
  it: "il lo gli della delle dei di e è sono che una per con non si da nel alla al più come anche ha".split(
    " ",
  ),
  pt: "o os as do da dos das e é são que um uma em no na para com não se por ao mais como foi está".split(
    " ",
  ),
  nl: "de het een en is zijn van niet in op te dat die met voor er aan ook als bij wordt werd".split(
    " ",
  ),
};

const LATIN = /\p{Script=Latin}/u;

export interface DetectedLanguage {
  /** ISO 639-1 code, e.g. `en`, `fr`. */
  code: string;
  /** How the code was found: function words, the statistical detector, or no signal (default). */
  by: "words" | "statistics" | "default";
}

/** The language of `text`; English when nothing says otherwise. */
export function detectLanguage(text: string): DetectedLanguage {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  const latin = letters.filter((c) => LATIN.test(c)).length;
  if (letters.length > 0 && latin / letters.length < 0.5) {
    const guess = detectAll(text)[0];
    if (guess) return { code: guess.lang, by: "statistics" };
    return { code: "en", by: "default" };
  }
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = new Map<string, number>();
  for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(words);
    hits.set(lang, tokens.filter((t) => set.has(t)).length);
  }
  const best = Math.max(...hits.values());
  if (best > 0) {
    const leaders = [...hits].filter(([, n]) => n === best).map(([lang]) => lang);
    // A tie that includes English is English: its function words are the commonest loans.
    if (leaders.length === 1 || leaders.includes("en")) {
      return { code: leaders.length === 1 ? (leaders[0] ?? "en") : "en", by: "words" };
    }
    const statistical = detectAll(text).find((g) => leaders.includes(g.lang));
    return { code: statistical?.lang ?? leaders[0] ?? "en", by: "statistics" };
  }
  // No function word at all (a headline-like claim): only a confident detector overrides English.
  const guess = detectAll(text)[0];
  if (guess && guess.accuracy >= 0.9 && guess.lang !== "en" && tokens.length >= 4) {
    return { code: guess.lang, by: "statistics" };
  }
  return { code: "en", by: "default" };
}

/** The English name of a language code, for messages ("French"); the code when unknown. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
