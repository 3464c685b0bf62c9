// The shipped domain lists (tables/domains.json), checked once and looked up by host.
import { z } from "zod";
import { SourceProfile } from "../core/schema/source.js";
import { bestMatch } from "./domain-match.js";
import shipped from "./tables/domains.json" with { type: "json" };

const DomainPattern = z
  .string()
  .regex(/^(\*|[a-z0-9-]+)(\.(\*|[a-z0-9-]+))*$/, "a domain such as example.org or gov.*");
const PathSegments = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/);

/**
 * How a newsroom address changes a list's profile to `press-release`: `ignore` (never),
 * `strong` (a newsroom path such as /press-releases/), `any` (also a plain /news/ path or a
 * news. host, which on a government or university site is its press office).
 */
export const NewsroomRule = z.enum(["ignore", "strong", "any"]);
export type NewsroomRule = z.infer<typeof NewsroomRule>;

const DomainList = z.object({
  name: z.string().min(1),
  profile: SourceProfile,
  newsroom: NewsroomRule,
  about: z.string().min(1),
  domains: z.array(DomainPattern).min(1),
});
export type DomainList = z.infer<typeof DomainList>;

const DomainLists = z.object({
  lists: z.array(DomainList),
  /** Path segments (or runs of them) of a press office, on any site. */
  newsroomPaths: z.array(PathSegments),
  /** Path segments that mean "press office" only on lists with the `any` rule. */
  newsPaths: z.array(PathSegments),
  /** First host labels that mean "press office" on lists with the `any` rule (news.mit.edu). */
  newsHostLabels: z.array(z.string().regex(/^[a-z0-9-]+$/)),
  /** Path segments that are reference material even inside a newsroom (WHO's fact sheets). */
  notNewsroomPaths: z.array(PathSegments),
  /** First host labels of Mastodon-style servers (mastodon.example, mstdn.example). */
  fediverseHostPrefixes: z.array(z.string().regex(/^[a-z0-9-]+$/)),
});
export type DomainLists = z.infer<typeof DomainLists>;

interface Entry {
  pattern: string;
  list: DomainList;
}

let compiled: { lists: DomainLists; entries: Entry[] } | undefined;

/** The shipped lists, validated on first use (a broken data file fails every test at once). */
export function domainLists(): DomainLists {
  return compile().lists;
}

/** The list whose most specific pattern matches `host`, if any. */
export function domainListFor(host: string): DomainList | undefined {
  return bestMatch(host, compile().entries, (e) => e.pattern)?.list;
}

function compile(): { lists: DomainLists; entries: Entry[] } {
  if (!compiled) {
    const lists = DomainLists.parse(shipped);
    const entries = lists.lists.flatMap((list) =>
      list.domains.map((pattern) => ({ pattern, list })),
    );
    compiled = { lists, entries };
  }
  return compiled;
}
