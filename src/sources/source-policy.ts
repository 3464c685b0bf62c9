// Which sources a check may use: allowed and denied domains, and an as-of date after which
// evidence (and earlier fact-checks) is not admitted. Pure: the caller applies it.
import { FactuallyError } from "../core/errors.js";
import type { SourcePolicy } from "../core/interfaces/source-policy.js";
import type { Document } from "../core/schema/document.js";
import type { PriorFactCheck, SearchHit } from "../core/schema/search-hit.js";
import { hostOf, matchesDomain } from "./domain-match.js";

export interface SourcePolicyOptions {
  /** Only these domains (and their subdomains; `*.example.org` for subdomains only). */
  allow?: readonly string[] | undefined;
  /** Never these domains; wins over `allow`. */
  deny?: readonly string[] | undefined;
  /** YYYY-MM-DD: nothing published (or fact-checked) after this day is admitted. */
  asOf?: string | undefined;
}

/** A document's admission; `note` (when admitted) is worth recording on the run. */
export type DocumentAdmission = { ok: true; note?: string } | { ok: false; reason: string };

/** A SourcePolicy whose admitted documents may carry a note (undated under an as-of date). */
export interface SourcePolicyWithNotes extends SourcePolicy {
  admitsDocument(document: Document, priorFactCheck?: PriorFactCheck): DocumentAdmission;
}

const DOMAIN_ENTRY = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The policy for these options; throws BAD_CONFIG on an entry that is not a domain or an as-of
 * date that is not a real YYYY-MM-DD day. A hit or document without a URL (a corpus document)
 * passes the domain lists; the as-of date applies to everything dated.
 */
export function createSourcePolicy(options: SourcePolicyOptions = {}): SourcePolicyWithNotes {
  const allow = (options.allow ?? []).map((d) => domainEntry(d, "allow"));
  const deny = (options.deny ?? []).map((d) => domainEntry(d, "deny"));
  const asOf = options.asOf === undefined ? undefined : asOfDay(options.asOf);

  const domainProblem = (url: string | undefined): string | undefined => {
    if (url === undefined) return undefined;
    const host = hostOf(url);
    if (host && deny.some((entry) => hostMatches(host, entry)))
      return `${host} is on the deny list`;
    if (allow.length > 0 && !(host && allow.some((entry) => hostMatches(host, entry))))
      return `${host ?? url} is not on the allow list`;
    return undefined;
  };
  const dateProblem = (
    publishedAt: string | undefined,
    factCheck: PriorFactCheck | undefined,
  ): string | undefined => {
    if (asOf === undefined) return undefined;
    const published = dayOf(publishedAt);
    if (published && published > asOf)
      return `published ${published}, after the as-of date ${asOf}`;
    const reviewed = dayOf(factCheck?.reviewedAt);
    if (reviewed && reviewed > asOf)
      return `fact-checked ${reviewed}, after the as-of date ${asOf}`;
    return undefined;
  };

  return {
    description: describe(allow, deny, asOf),
    admitsHit(hit: SearchHit): boolean {
      return (
        domainProblem(hit.url) === undefined &&
        dateProblem(hit.publishedAt, hit.factCheck) === undefined
      );
    },
    admitsDocument(document: Document, priorFactCheck?: PriorFactCheck): DocumentAdmission {
      const reason =
        domainProblem(document.url) ?? dateProblem(document.publishedAt, priorFactCheck);
      if (reason) return { ok: false, reason };
      if (asOf !== undefined && !dayOf(document.publishedAt))
        return { ok: true, note: `"${document.title}" is undated, so it may postdate ${asOf}` };
      return { ok: true };
    },
  };
}

/** `host` against an entry: `example.org` covers it and its subdomains, `*.example.org` only these. */
function hostMatches(host: string, entry: string): boolean {
  if (entry.startsWith("*.")) return host !== entry.slice(2) && matchesDomain(host, entry.slice(2));
  return matchesDomain(host, entry);
}

function domainEntry(raw: string, list: "allow" | "deny"): string {
  const entry = raw.trim().toLowerCase().replace(/\.$/, "");
  if (!DOMAIN_ENTRY.test(entry)) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `the ${list} list has ${JSON.stringify(raw)}, which is not a domain; use entries such as example.org or *.example.org`,
      { target: `${list}Domains` },
    );
  }
  return entry;
}

function asOfDay(raw: string): string {
  const day = raw.trim();
  if (!DAY.test(day) || dayOf(day) !== day) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `the as-of date ${JSON.stringify(raw)} is not a day; write it as YYYY-MM-DD, e.g. 2024-05-01`,
      { target: "asOf" },
    );
  }
  return day;
}

/**
 * The calendar day of an ISO date or date-time as written (in its own offset); of another date
 * string ("Mar 3, 2024") as Date.parse reads it in local time; undefined when unreadable.
 */
function dayOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) {
    const [, y, m, d] = iso;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.toISOString().slice(0, 10) === `${y}-${m}-${d}` ? `${y}-${m}-${d}` : undefined;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function describe(allow: readonly string[], deny: readonly string[], asOf: string | undefined) {
  const parts = [
    ...(allow.length > 0 ? [`allow:${allow.join(",")}`] : []),
    ...(deny.length > 0 ? [`deny:${deny.join(",")}`] : []),
    ...(asOf ? [`as-of:${asOf}`] : []),
  ];
  return parts.length > 0 ? parts.join(";") : "none";
}
