// How many requests a minute each web search provider's plan allows (Brave's free plan: one a
// second), from FACTUALLY_SEARCH_PER_MINUTE or the config file's `web.perMinute`.
import { z } from "zod";
import { WEB_SEARCH_PROVIDERS } from "../core/schema/search-providers.js";
import { badConfig, type Env, nonEmpty } from "./env-values.js";

/** The web search providers that can be paced (`local` is the corpus). */
export const PACED_PROVIDERS = WEB_SEARCH_PROVIDERS;
export type PacedProvider = (typeof PACED_PROVIDERS)[number];
export type SearchRates = Partial<Record<PacedProvider, number>>;

const PerMinute = z.number().int().min(1).max(1_000_000);

/** `web.perMinute` in the config file: one number for every provider, or `{ "brave": 60, … }`. */
export const SearchRatesFile = z.union([
  PerMinute,
  z.strictObject(
    Object.fromEntries(PACED_PROVIDERS.map((p) => [p, PerMinute.optional()])) as Record<
      PacedProvider,
      z.ZodOptional<typeof PerMinute>
    >,
  ),
]);

const NAME = "FACTUALLY_SEARCH_PER_MINUTE";

/** `60` (every provider) or `brave=60,serper=300`; BAD_CONFIG naming the variable otherwise. */
export function searchRatesFromEnv(env: Env): SearchRates | undefined {
  const raw = nonEmpty(env[NAME])?.trim();
  if (raw === undefined) return undefined;
  const invalid = (why: string) =>
    badConfig(
      NAME,
      `${NAME}=${JSON.stringify(raw)} is not valid: ${why}; give one number of requests a minute for every provider (e.g. 60) or provider=number pairs (e.g. brave=60,serper=300), providers being ${PACED_PROVIDERS.join(", ")}`,
    );
  const count = (text: string, what: string) => {
    const parsed = PerMinute.safeParse(/^\d+$/.test(text) ? Number(text) : Number.NaN);
    if (!parsed.success) throw invalid(`${what} is not a whole number from 1 to 1000000`);
    return parsed.data;
  };
  if (!raw.includes("=")) return searchRatesOf(count(raw, "the rate"));
  const rates: SearchRates = {};
  for (const pair of raw.split(",")) {
    const [name = "", value = ""] = pair.split("=").map((x) => x.trim().toLowerCase());
    if (!(PACED_PROVIDERS as readonly string[]).includes(name)) {
      throw invalid(`${JSON.stringify(name)} is not a web search provider`);
    }
    rates[name as PacedProvider] = count(value, `the rate of ${name}`);
  }
  return rates;
}

/** The rates a config-file value gives, each provider named. */
export function searchRatesOf(
  value: z.infer<typeof SearchRatesFile> | undefined,
): SearchRates | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") {
    return Object.fromEntries(PACED_PROVIDERS.map((p) => [p, value])) as SearchRates;
  }
  const entries = Object.entries(value).filter((e): e is [string, number] => e[1] !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as SearchRates) : undefined;
}
