// A check's stages joined with where it looks, as configured: the search providers and readers,
// the publisher notes, and the source policy (allowed/denied domains, an as-of date). The
// engine builds every check with it, so the CLI and the server apply the same policy.
import type { WebConfig } from "../config/web-config.js";
import type { CheckDependencies } from "../pipeline/run.js";
import type { CredibilityNotes } from "../sources/credibility-notes.js";
import { createSourcePolicy } from "../sources/source-policy.js";
import type { WebSources } from "./web-sources.js";

export interface ConfiguredSources {
  found: Pick<WebSources, "providers" | "readers">;
  web: WebConfig;
  notes: CredibilityNotes;
  /** --as-of YYYY-MM-DD: evidence published after it is not used. */
  asOf?: string;
}

export function withConfiguredSources(
  stages: CheckDependencies,
  { found, web, notes, asOf }: ConfiguredSources,
): CheckDependencies {
  const policed = web.allowDomains.length > 0 || web.denyDomains.length > 0 || asOf !== undefined;
  return {
    ...stages,
    providers: found.providers,
    readers: found.readers,
    credibilityNotes: notes,
    ...(policed
      ? {
          sourcePolicy: createSourcePolicy({
            allow: web.allowDomains,
            deny: web.denyDomains,
            ...(asOf ? { asOf } : {}),
          }),
        }
      : {}),
  };
}
