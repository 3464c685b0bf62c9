// Web snapshots in PostgreSQL: one row per page and content, as in the SQLite store.
import type { Pool } from "pg";
import type { SnapshotStore, WebSnapshot } from "../../core/interfaces/snapshot-store.js";
import { type ImportTally, tallyOf } from "../../core/interfaces/store-export.js";
import { snapshotIdOf } from "../snapshot-id.js";
import { inTransaction } from "./pg-transaction.js";

interface SnapshotRow {
  id: string;
  url: string;
  final_url: string;
  fetched_at: string;
  validated_at: string;
  content_type: string;
  etag: string | null;
  last_modified: string | null;
  content_hash: string;
  title: string;
  text: string;
  published_at: string | null;
  publisher: string | null;
  metadata: Record<string, unknown>;
}

const COLUMNS = `id, url, final_url, fetched_at, validated_at, content_type, etag, last_modified,
  content_hash, title, text, published_at, publisher, metadata`;

export function createPgSnapshots(pool: Pool): SnapshotStore {
  const byId = async (id: string) =>
    (await pool.query<SnapshotRow>(`SELECT ${COLUMNS} FROM web_snapshots WHERE id = $1`, [id]))
      .rows[0];
  return {
    async latestSnapshot(url) {
      const { rows } = await pool.query<SnapshotRow>(
        `SELECT ${COLUMNS} FROM web_snapshots WHERE url = $1
         ORDER BY validated_at DESC, fetched_at DESC LIMIT 1`,
        [url],
      );
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
    async getSnapshot(id) {
      const row = await byId(id);
      return row ? fromRow(row) : undefined;
    },
    async saveSnapshot(snapshot) {
      const id = snapshotIdOf(snapshot.url, snapshot.contentHash);
      const { rows } = await pool.query<SnapshotRow>(
        `INSERT INTO web_snapshots (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)
         ON CONFLICT (url, content_hash) DO UPDATE SET
           validated_at = excluded.validated_at,
           final_url = excluded.final_url,
           etag = excluded.etag,
           last_modified = excluded.last_modified
         RETURNING ${COLUMNS}`,
        valuesOf({ ...snapshot, id }),
      );
      const row = rows[0];
      if (!row) throw new Error(`snapshot ${id} was not stored`);
      return fromRow(row);
    },
    async exportSnapshots({ after, limit }) {
      const { rows } = await pool.query<SnapshotRow>(
        `SELECT ${COLUMNS} FROM web_snapshots WHERE id > $1::text
         ORDER BY id LIMIT $2`,
        [after ?? "", limit],
      );
      return rows.map(fromRow);
    },
    async importSnapshots(snapshots) {
      return inTransaction(pool, async (client) => {
        const outcomes: Array<keyof ImportTally> = [];
        for (const snapshot of snapshots) {
          const values = valuesOf(snapshot);
          // xmax = 0 marks a row this statement inserted; no row back means it was identical.
          const { rows } = await client.query<{ inserted: boolean }>(
            `INSERT INTO web_snapshots (${COLUMNS})
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)
             ON CONFLICT (id) DO UPDATE SET
               validated_at = excluded.validated_at, final_url = excluded.final_url,
               etag = excluded.etag, last_modified = excluded.last_modified
             WHERE (web_snapshots.validated_at, web_snapshots.final_url, web_snapshots.etag,
                    web_snapshots.last_modified)
               IS DISTINCT FROM (excluded.validated_at, excluded.final_url, excluded.etag,
                    excluded.last_modified)
             RETURNING xmax = 0 AS inserted`,
            values,
          );
          const row = rows[0];
          outcomes.push(row === undefined ? "unchanged" : row.inserted ? "added" : "updated");
        }
        return tallyOf(outcomes);
      });
    },
    async markValidated(id, at, validators = {}) {
      await pool.query(
        `UPDATE web_snapshots SET validated_at = $2,
           etag = coalesce($3, etag), last_modified = coalesce($4, last_modified)
         WHERE id = $1`,
        [id, at, validators.etag ?? null, validators.lastModified ?? null],
      );
    },
  };
}

/** A snapshot's columns in COLUMNS order, as query parameters. */
function valuesOf(snapshot: WebSnapshot): unknown[] {
  return [
    snapshot.id,
    snapshot.url,
    snapshot.finalUrl,
    snapshot.fetchedAt,
    snapshot.validatedAt,
    snapshot.contentType,
    snapshot.etag ?? null,
    snapshot.lastModified ?? null,
    snapshot.contentHash,
    snapshot.title,
    snapshot.text,
    snapshot.publishedAt ?? null,
    snapshot.publisher ?? null,
    JSON.stringify(snapshot.metadata),
  ];
}

function fromRow(row: SnapshotRow): WebSnapshot {
  return {
    id: row.id,
    url: row.url,
    finalUrl: row.final_url,
    fetchedAt: row.fetched_at,
    validatedAt: row.validated_at,
    contentType: row.content_type,
    ...(row.etag === null ? {} : { etag: row.etag }),
    ...(row.last_modified === null ? {} : { lastModified: row.last_modified }),
    contentHash: row.content_hash,
    title: row.title,
    text: row.text,
    ...(row.published_at === null ? {} : { publishedAt: row.published_at }),
    ...(row.publisher === null ? {} : { publisher: row.publisher }),
    metadata: row.metadata,
  };
}
