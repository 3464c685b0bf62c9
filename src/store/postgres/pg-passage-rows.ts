// A document's passages written to PostgreSQL in one statement: shared by the corpus store and
// its import.
import type { PoolClient } from "pg";
import { splitPassages } from "../../text/passages.js";

/** Inserts the passages of a document's text in one statement; returns how many. */
export async function writePassages(
  client: PoolClient,
  rowid: number,
  text: string,
): Promise<number> {
  const spans = splitPassages(text);
  if (spans.length === 0) return 0;
  await client.query(
    `INSERT INTO passages (document_rowid, ord, start, "end", text)
     SELECT $1, p.ord - 1, p.start, p.finish, p.text
     FROM unnest($2::int[], $3::int[], $4::text[]) WITH ORDINALITY AS p(start, finish, text, ord)`,
    [
      rowid,
      spans.map((s) => s.start),
      spans.map((s) => s.end),
      spans.map((s) => text.slice(s.start, s.end)),
    ],
  );
  return spans.length;
}
