// The contract every ingest format parser implements: bytes in, documents (or reasons) out.
import type { DocumentInput } from "../../core/schema/document.js";

/** The file formats `factually ingest` reads. */
/** Every format `ingest --format` accepts besides `auto`. */
export const INGEST_FORMATS = [
  "jsonl",
  "scifact",
  "beir",
  "text",
  "markdown",
  "html",
  "pdf",
] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

/**
 * One record a parser yields: a document, or a reason it was skipped (with the 1-based line for
 * line formats; left out for whole-file formats).
 */
export type ParsedRecord =
  | { ok: true; document: DocumentInput; line?: number }
  | { ok: false; reason: string; line?: number };

/** Reads one file's bytes; never throws for bad content, it yields `ok: false` instead. */
export type FormatParser = (file: {
  path: string;
  bytes: Uint8Array;
}) => AsyncIterable<ParsedRecord>;
