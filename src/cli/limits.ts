// The ranges and choices the command line validates, apart from the commands themselves so
// that parsing arguments does not load every command's code.
export const MAX_SOURCES = 20;

/** Sources a check keeps by default: select's own default (select.test.ts keeps them equal). */
export const DEFAULT_MAX_SOURCES = 12;
export const MAX_LIMIT = 1000;
export const MAX_HISTORY = 1000;
export const EXPORT_FORMATS = ["json", "markdown", "claimreview"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Checks run at once by `batch`, at most; the offline pipeline is mostly synchronous CPU, so few help. */
export const MAX_CONCURRENCY = 16;
