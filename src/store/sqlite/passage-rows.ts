// A document's passages in SQLite: written from its text, or cleared before it is written
// again. Shared by ingest's writer and the corpus import.
import type Database from "better-sqlite3";
import { splitPassages } from "../../text/passages.js";

export interface PassageRows {
  /** Inserts the passages of `text` for the document at `rowid`; returns how many. */
  write(rowid: number | bigint, text: string): number;
  /** Removes the document's passages. */
  clear(rowid: number | bigint): void;
}

export function createPassageRows(db: Database.Database): PassageRows {
  const remove = db.prepare("DELETE FROM passages WHERE document_rowid = ?");
  const insert = db.prepare(
    "INSERT INTO passages (document_rowid, ord, start, end, text) VALUES (?, ?, ?, ?, ?)",
  );
  return {
    write(rowid, text) {
      const spans = splitPassages(text);
      spans.forEach((span, ord) => {
        insert.run(rowid, ord, span.start, span.end, text.slice(span.start, span.end));
      });
      return spans.length;
    },
    clear(rowid) {
      remove.run(rowid);
    },
  };
}
