// Documents and checks as SQLite returns them, with their JSON columns (a document's metadata,
// a check's origin) as text, decoded into the domain's values by the mapping every store shares.
import type { Check } from "../../core/schema/check.js";
import type { Document } from "../../core/schema/document.js";
import {
  checkOf,
  type CheckRow as DecodedCheckRow,
  type DocumentRow as DecodedDocumentRow,
  documentOf as decodedDocument,
} from "../stored-rows.js";

export type DocumentRow = Omit<DecodedDocumentRow, "metadata"> & { metadata: string };

export function documentOf(row: DocumentRow): Document {
  return decodedDocument({ ...row, metadata: JSON.parse(row.metadata) as Record<string, unknown> });
}

export type CheckRow = Omit<DecodedCheckRow, "origin"> & { origin: string | null };

export function toCheck(row: CheckRow): Check {
  return checkOf({
    ...row,
    origin: row.origin === null ? null : (JSON.parse(row.origin) as unknown),
  });
}
