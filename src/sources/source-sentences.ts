// The report's sentences about the sources themselves, from their metadata: retractions, press
// releases, social posts, blogs, undated pages, several pages of one owner, publisher notes, and
// earlier fact-checks. Every sentence cites the sources it is about and rests on the search record.
import type { ReportSentence } from "../core/schema/report.js";
import type { Source } from "../core/schema/source.js";

/** Whether a source is an earlier fact-check by another publisher (listed, never weighed). */
export function isPriorFactCheck(source: Source): boolean {
  return source.factCheck !== undefined;
}

/**
 * Section 3's sentences on what the kinds of sources may imply: retracted papers (not weighed),
 * press releases, social-media posts, blog posts, undated sources, and several sources that
 * count as one voice. Pass the
 * evidence only (earlier fact-checks are not weighed, so their kind does not matter here).
 */
export function sourceAgendaSentences(sources: readonly Source[]): ReportSentence[] {
  const sentences: ReportSentence[] = [];
  const add = (ns: number[], one: string, many: string) => {
    if (ns.length > 0)
      sentences.push({
        text: `${citeAnd(ns)} ${ns.length === 1 ? one : many}`,
        cites: sorted(ns),
        basis: "search",
      });
  };
  const byProfile = (profile: Source["profile"]) =>
    sources.filter((s) => s.profile === profile).map((s) => s.n);
  add(
    sources.filter((s) => s.retracted).map((s) => s.n),
    "has been retracted; it was not weighed.",
    "have been retracted; they were not weighed.",
  );
  add(
    byProfile("press-release"),
    "is an institutional press release, which may favour the organisation that issued it.",
    "are institutional press releases, which may favour the organisations that issued them.",
  );
  add(
    byProfile("social"),
    "is a social-media post, not an edited publication.",
    "are social-media posts, not edited publications.",
  );
  add(
    byProfile("blog"),
    "is a blog post, which may not have been independently edited.",
    "are blog posts, which may not have been independently edited.",
  );
  add(
    sources.filter((s) => !s.publishedAt).map((s) => s.n),
    "carries no publication date, so it may describe past circumstances.",
    "carry no publication date, so they may describe past circumstances.",
  );
  for (const [group, members] of groupBy(sources, (s) => s.independenceGroup)) {
    const voice = voiceName(group, members);
    if (members.length < 2 || !voice) continue;
    const ns = members.map((s) => s.n);
    sentences.push({
      text: `${citeAnd(ns)} come from ${voice} and count as one voice.`,
      cites: sorted(ns),
      basis: "search",
    });
  }
  return sentences;
}

/** "About [3]: <the publisher's credibility note>", one sentence per distinct note. */
export function credibilityNoteSentences(sources: readonly Source[]): ReportSentence[] {
  const withNote = sources.filter((s) => s.credibilityNote?.trim());
  return [...groupBy(withNote, (s) => clean(s.credibilityNote ?? "", 300))].map(
    ([note, members]) => {
      const ns = members.map((s) => s.n);
      return {
        text: `About ${citeAnd(ns)}: ${/[.!?]$/.test(note) ? note : `${note}.`}`,
        cites: sorted(ns),
        basis: "search" as const,
      };
    },
  );
}

/**
 * The summary's sentence on earlier fact-checks, e.g. `Earlier fact-checks: PolitiFact rated it
 * "False" (March 3, 2024) [4]; Full Fact rated it "Misleading" [6].`; undefined when none.
 */
export function priorFactCheckSentence(sources: readonly Source[]): ReportSentence | undefined {
  const checks = sources
    .filter(isPriorFactCheck)
    .sort((a, b) => a.n - b.n)
    .flatMap((s) => (s.factCheck ? [{ n: s.n, check: s.factCheck }] : []));
  if (checks.length === 0) return undefined;
  const items = checks.map(({ n, check }) => {
    const rating = clean(check.rating, 80).replace(/"/g, "'");
    const day = readableDay(check.reviewedAt);
    return (
      `${clean(check.publisher, 80)} ${rating ? `rated it "${rating}"` : "reviewed it"}` +
      `${day ? ` (${day})` : ""} [${n}]`
    );
  });
  return {
    text: `${checks.length === 1 ? "An earlier fact-check" : "Earlier fact-checks"}: ${items.join("; ")}.`,
    cites: checks.map((c) => c.n),
    basis: "search",
  };
}

/** "[2]", "[2] and [5]", "[2], [4] and [5]". */
export function citeAnd(ns: readonly number[]): string {
  const marks = sorted(ns).map((n) => `[${n}]`);
  if (marks.length <= 1) return marks.join("");
  return `${marks.slice(0, -1).join(", ")} and ${marks.at(-1)}`;
}

/** How the report names an independence group, e.g. "one organisation (BBC)". */
function voiceName(group: string, members: readonly Source[]): string | undefined {
  const [kind, ...rest] = group.split(":");
  const id = clean(rest.join(":"), 80);
  if (!id) return undefined;
  if (kind === "org") return `one organisation (${id})`;
  if (kind === "site") return `one website (${id})`;
  if (kind === "publisher") {
    const shown = members.find((s) => s.publisher?.trim())?.publisher;
    return `one publisher (${shown ? clean(shown, 80) : id})`;
  }
  return undefined;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "March 3, 2024" for an ISO date or date-time (the day as written); undefined otherwise. */
function readableDay(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return undefined;
  const [, year, month, day] = match;
  const name = MONTHS[Number(month) - 1];
  return name && Number(day) >= 1 && Number(day) <= 31
    ? `${name} ${Number(day)}, ${year}`
    : undefined;
}

/** Untrusted metadata as plain text: one line, no citation-like brackets, at most `max` chars. */
function clean(text: string, max: number): string {
  const plain = text.replace(/\s+/g, " ").replace(/\[/g, "(").replace(/\]/g, ")").trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function sorted(ns: readonly number[]): number[] {
  return [...new Set(ns)].sort((a, b) => a - b);
}
