// The small contract both benchmarked engines are driven through, and how to open each one.

export type EngineName = "factually" | "minisearch";

/** A document as both engines receive it. */
export interface BenchDocument {
  id: string;
  title: string;
  text: string;
}

export interface BenchEngine {
  /** Name and version for the report, e.g. "MiniSearch 7.2.0". */
  readonly label: string;
  /** Adds one batch of documents (our store: one transaction). */
  ingest(batch: BenchDocument[]): Promise<void>;
  /** Runs one query for the top 10; returns how many results came back. */
  search(query: string): Promise<number>;
  /** Documents indexed, and passages when the engine splits documents into passages. */
  counts(): Promise<{ documents: number; passages?: number }>;
  /** Bytes the index takes on disk, for engines that keep one. */
  diskBytes(): number | undefined;
  close(): Promise<void>;
}

/** How many results a query asks for, as `factually search` does by default. */
export const RESULT_LIMIT = 10;

/**
 * Opens an empty engine whose files (if any) go in `workDir`. Each engine is imported only
 * when asked for, so a worker measuring one engine does not carry the other in its memory.
 */
export async function openEngine(name: EngineName, workDir: string): Promise<BenchEngine> {
  if (name === "factually") {
    const { openFactuallyEngine } = await import("./factually-engine.ts");
    return openFactuallyEngine(workDir);
  }
  const { openMiniSearchEngine } = await import("./minisearch-engine.ts");
  return openMiniSearchEngine();
}

export function engineDisplayName(name: EngineName): string {
  return name === "factually" ? "factually" : "MiniSearch";
}
