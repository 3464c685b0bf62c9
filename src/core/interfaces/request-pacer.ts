// Pacing a rate-limited service: request starts spaced a minimum interval apart, per quota (one
// API key of one provider), however many provider instances, threads or processes spend it.

/** Resolves when the caller may start its request; rejects with the signal's reason on abort. */
export type RequestPacer = (signal?: AbortSignal) => Promise<void>;

/**
 * The pacer of the quota named `key` (e.g. `search:brave:3f2a…`, never the key itself), spacing
 * starts at least `minIntervalMs` apart. Pacers of one key share one pace: in one process by
 * default, across processes when the factory keeps the pace in Redis.
 */
export type PacerFactory = (key: string, minIntervalMs: number) => RequestPacer;
