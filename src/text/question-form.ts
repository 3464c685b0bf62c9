// The shape of a question: a yes/no question ("Do face masks reduce…?") has a statement to
// check ("Face masks reduce…"); a wh-question asks for a kind of answer (a duration, a number,
// a cause, a time…) that a sentence must give to answer it.

/** What kind of answer a question asks for. */
export type AnswerKind =
  | "yes-no"
  | "duration"
  | "quantity"
  | "time"
  | "place"
  | "cause"
  | "person"
  | "manner"
  | "other";

const AUXILIARY =
  /^(do|does|did|is|are|was|were|can|could|should|would|will|has|have|had|may|might|must|shall)\s+(.+?)\s*\??$/i;

// Base-form verbs that open the predicate after "Do/Does/Did <subject>".
const BE_HAVE = new Set(["is", "are", "was", "were", "has", "have", "had"]);

/** The kind of answer `question` asks for. */
export function answerKind(question: string): AnswerKind {
  const q = question.trim().toLowerCase();
  if (/^how\s+(long|many\s+(days|weeks|months|years|hours|minutes))\b/.test(q)) return "duration";
  if (
    /^(how\s+(many|much|often|likely|common|big|large|high|low|fast|far)|what\s+(percentage|proportion|share|fraction|number|amount|rate|level|dose))\b/.test(
      q,
    )
  )
    return "quantity";
  if (/^(when|what\s+(year|date|time|day|month))\b/.test(q)) return "time";
  if (/^(where|in\s+which\s+(country|countries|city|cities|region|place))\b/.test(q))
    return "place";
  if (/^(why|what\s+(causes?|caused|leads?\s+to|explains?|drives?)|how\s+come)\b/.test(q))
    return "cause";
  if (/^(who|whom|whose)\b/.test(q)) return "person";
  if (/^how\b/.test(q)) return "manner";
  if (AUXILIARY.test(q)) return "yes-no";
  return "other";
}

/**
 * The statement a yes/no question asks about, or undefined for other questions:
 * "Do face masks reduce the spread of COVID-19?" → "Face masks reduce the spread of COVID-19.",
 * "Can people without symptoms transmit COVID-19?" → "People without symptoms can transmit COVID-19."
 * `subjectWords` is the number of words of the subject after the auxiliary as the caller's
 * parser found it; the subject never runs past the first word that opens a predicate
 * ("Is hydroxychloroquine | effective…", "Are children | less likely…").
 */
export function declarativeOf(question: string, subjectWords?: number): string | undefined {
  const match = AUXILIARY.exec(question.trim());
  if (!match) return undefined;
  const aux = (match[1] ?? "").toLowerCase();
  const rest = (match[2] ?? "").replace(/[?.!\s]+$/, "");
  const words = rest.split(/\s+/);
  let n = Math.min(
    words.length - 1,
    Math.max(1, Math.min(subjectWords ?? Infinity, subjectLength(words))),
  );
  // After do/does/did the predicate opens with a verb: step back past a number or a preposition.
  if (/^d(o|oes|id)$/.test(aux)) while (n > 1 && !couldBeVerb(words[n] ?? "")) n--;
  if (n < 1 || words.length < 2) return undefined;
  const subject = words.slice(0, n).join(" ");
  const predicate = words.slice(n);
  let sentence: string;
  if (aux === "do" || aux === "did" || aux === "does") {
    const verb = predicate[0] ?? "";
    const tail = predicate.slice(1).join(" ");
    const inflected =
      aux === "did" ? pastOf(verb) : aux === "does" ? thirdPersonOf(verb) : verb.toLowerCase();
    sentence = [subject, inflected, tail].filter(Boolean).join(" ");
  } else {
    sentence = [subject, aux, predicate.join(" ")].filter(Boolean).join(" ");
  }
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

// Words that end a subject and open its predicate.
const PREDICATE_START =
  /^(reduce|reduces|cause|causes|prevent|prevents|cure|cures|increase|increases|decrease|decreases|protect|protects|spread|spreads|work|works|help|helps|lower|lowers|raise|raises|improve|improves|kill|kills|lead|leads|transmit|transmits|affect|affects|make|makes|have|has|be|become|contain|contains|shorten|shortens|last|lasts|need|needs|get|gets|carry|carries|treat|treats|stop|stops|slow|slows|block|blocks|damage|damages|harm|harms|show|shows|change|changes|boost|boosts|weaken|weakens|trigger|triggers|worsen|worsens|remain|remains|survive|survives|infect|infects|exist|exists|occur|occurs|pose|poses|require|requires|contribute|contributes|correlate|correlates|benefit|benefits|safe|effective|dangerous|harmful|true|false|real|linked|associated|related|responsible|able|likely|necessary|better|worse|more|less|higher|lower|still|really|actually|also|only|not|never|always|truly|safely)$/i;

function subjectLength(words: readonly string[]): number {
  for (let i = 1; i < words.length; i++) {
    if (PREDICATE_START.test(words[i] ?? "")) return i;
  }
  return words.length - 1;
}

const NOT_VERBS = new Set(
  "the a an of in on at to for from with by about into over after before during than as and or but not no its their his her this that these those".split(
    " ",
  ),
);

function couldBeVerb(word: string): boolean {
  return /^\p{Ll}+$/u.test(word) && !NOT_VERBS.has(word);
}

function thirdPersonOf(verb: string): string {
  const v = verb.toLowerCase();
  if (v === "have") return "has";
  if (v === "be") return "is";
  if (v === "do") return "does";
  if (v === "go") return "goes";
  if (BE_HAVE.has(v)) return v;
  if (/(s|sh|ch|x|z|o)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return `${v}s`;
}

const IRREGULAR_PAST: Record<string, string> = {
  be: "was",
  have: "had",
  do: "did",
  go: "went",
  make: "made",
  cause: "caused",
  spread: "spread",
  lead: "led",
  get: "got",
  take: "took",
  give: "gave",
  come: "came",
  become: "became",
  say: "said",
  see: "saw",
  find: "found",
  know: "knew",
  think: "thought",
  win: "won",
  lose: "lost",
  begin: "began",
  rise: "rose",
  fall: "fell",
  kill: "killed",
};

function pastOf(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR_PAST[v]) return IRREGULAR_PAST[v];
  if (v.endsWith("e")) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  return `${v}ed`;
}

// What a sentence must contain to give each kind of answer.
const ANSWER_SHAPES: Record<Exclude<AnswerKind, "yes-no" | "other">, RegExp> = {
  duration:
    /\b(\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few)\s*(?:-|to|–)?\s*(?:\d+\s*)?(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b|\b(lifelong|life-long|permanent|transient|short-lived|long-lasting|wane[sd]?|waning|persist(?:s|ed|ent)?|maintained|durable|decline[sd]?)\b/i,
  quantity:
    /\d|\b(percent|per cent|half|third|quarter|majority|minority|most|few|none|all|rate|proportion|prevalence|incidence)\b/i,
  time: /\b(1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|century|decade|since|until|before|after|during)\b/i,
  place: /\b(in|at|from|across|throughout)\s+(?:the\s+)?\p{Lu}\p{L}+/u,
  cause:
    /\b(because|due to|caused by|causes?|owing to|as a result|result(?:s|ed)? (?:from|in)|lead(?:s)? to|led to|attributed to|driven by|explained by|responsible for|contribut\w+ to|mechanism|linked to|associated with)\b/i,
  person:
    /\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\b|\b(organi[sz]ation|agency|ministry|minister|president|government|authorit(?:y|ies)|researchers?|scientists?|officials?)\b/u,
  manner: /\b(by|through|via|using|when|if|because|which|that)\b/i,
};

/** Whether `sentence` has the shape of an answer of `kind` (yes/no and other: always). */
export function givesAnswerOfKind(sentence: string, kind: AnswerKind): boolean {
  if (kind === "yes-no" || kind === "other") return true;
  return ANSWER_SHAPES[kind].test(sentence);
}
