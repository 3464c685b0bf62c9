// Which sources speak with one voice: domains of one owner (tables/ownership.json), else one
// publisher, else one registrable site.
import { z } from "zod";
import type { Document } from "../core/schema/document.js";
import { bestMatch, hostOf } from "./domain-match.js";
import { registrableHost } from "./registrable-host.js";
import shipped from "./tables/ownership.json" with { type: "json" };

const OwnershipGroup = z.object({
  /** Shown in the report ("come from one organisation (BBC)"). */
  name: z.string().min(1),
  domains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)).min(1),
  /** Publisher names (as documents state them) that belong to the group, matched exactly. */
  publishers: z.array(z.string().min(1)).optional(),
});
export type OwnershipGroup = z.infer<typeof OwnershipGroup>;

const Ownership = z.object({ groups: z.array(OwnershipGroup) });

let compiled:
  | { domains: Array<{ domain: string; name: string }>; publishers: Map<string, string> }
  | undefined;

/** The owning organisation of a host (or of a parent domain of it), if listed. */
export function ownerOfHost(host: string): string | undefined {
  return bestMatch(host, compile().domains, (d) => d.domain)?.name;
}

/** The owning organisation of a publisher name (case-insensitive), if listed. */
export function ownerOfPublisher(publisher: string): string | undefined {
  return compile().publishers.get(normalizeName(publisher));
}

/**
 * The independence group: `org:<name>` for a listed owner (by URL host, then publisher name),
 * else `publisher:<name>`, else `site:<registrable host>`, else `document:<id>` (a corpus
 * document without publisher or URL is its own voice).
 */
export function independenceGroup(document: Pick<Document, "id" | "url" | "publisher">): string {
  const host = hostOf(document.url);
  const owner =
    (host ? ownerOfHost(host) : undefined) ??
    (document.publisher ? ownerOfPublisher(document.publisher) : undefined);
  if (owner) return `org:${owner}`;
  if (document.publisher?.trim()) return `publisher:${normalizeName(document.publisher)}`;
  if (host) return `site:${registrableHost(host)}`;
  return `document:${document.id}`;
}

function compile(): NonNullable<typeof compiled> {
  if (!compiled) {
    const { groups } = Ownership.parse(shipped);
    compiled = {
      domains: groups.flatMap((g) => g.domains.map((domain) => ({ domain, name: g.name }))),
      publishers: new Map(
        groups.flatMap((g) => (g.publishers ?? []).map((p) => [normalizeName(p), g.name] as const)),
      ),
    };
  }
  return compiled;
}

function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}
