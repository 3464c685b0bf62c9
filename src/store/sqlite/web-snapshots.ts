// Web snapshots in SQLite: one row per page and content (see migration 3).
import type Database from "better-sqlite3";
import type {
  NewSnapshot,
  SnapshotStore,
  WebSnapshot,
} from "../../core/interfaces/snapshot-store.js";
import { type ImportTally, tallyOf } from "../../core/interfaces/store-export.js";
import { snapshotIdOf } from "../snapshot-id.js";

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
  metadata: string;
}

const COLUMNS = `id, url, final_url, fetched_at, validated_at, content_type, etag, last_modified,
  content_hash, title, text, published_at, publisher, metadata`;

export function createWebSnapshots(db: Database.Database): SnapshotStore {
  const byId = db.prepare<[string], SnapshotRow>(
    `SELECT ${COLUMNS} FROM web_snapshots WHERE id = ?`,
  );
  const latest = db.prepare<[string], SnapshotRow>(
    `SELECT ${COLUMNS} FROM web_snapshots WHERE url = ? ORDER BY validated_at DESC, fetched_at DESC LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO web_snapshots (${COLUMNS}) VALUES
       (@id, @url, @final_url, @fetched_at, @validated_at, @content_type, @etag, @last_modified,
        @content_hash, @title, @text, @published_at, @publisher, @metadata)
     ON CONFLICT (url, content_hash) DO UPDATE SET
       validated_at = excluded.validated_at,
       final_url = excluded.final_url,
       etag = excluded.etag,
       last_modified = excluded.last_modified`,
  );
  const validate = db.prepare(
    `UPDATE web_snapshots SET validated_at = @at,
       etag = coalesce(@etag, etag), last_modified = coalesce(@last_modified, last_modified)
     WHERE id = @id`,
  );
  // Prepared on first use: only `db copy` exports or imports, and every open pays for eager ones.
  let transfer: SnapshotTransfer | undefined;
  const transfers = () => {
    transfer ??= createSnapshotTransfer(db, byId);
    return transfer;
  };
  return {
    async exportSnapshots({ after, limit }) {
      return transfers()
        .page.all({ after: after ?? "", limit })
        .map(fromRow);
    },
    async importSnapshots(snapshots) {
      return transfers().importAll.immediate(snapshots);
    },
    async latestSnapshot(url) {
      const row = latest.get(url);
      return row ? fromRow(row) : undefined;
    },
    async getSnapshot(id) {
      const row = byId.get(id);
      return row ? fromRow(row) : undefined;
    },
    async saveSnapshot(snapshot: NewSnapshot) {
      const id = snapshotIdOf(snapshot.url, snapshot.contentHash);
      insert.run(rowOf({ ...snapshot, id }));
      const row = byId.get(id);
      if (!row) throw new Error(`snapshot ${id} was not stored`);
      return fromRow(row);
    },
    async markValidated(id, at, validators = {}) {
      validate.run({
        id,
        at,
        etag: validators.etag ?? null,
        last_modified: validators.lastModified ?? null,
      });
    },
  };
}

interface SnapshotTransfer {
  page: Database.Statement<[{ after: string; limit: number }], SnapshotRow>;
  importAll: Database.Transaction<(snapshots: readonly WebSnapshot[]) => ImportTally>;
}

function createSnapshotTransfer(
  db: Database.Database,
  byId: Database.Statement<[string], SnapshotRow>,
): SnapshotTransfer {
  const page = db.prepare<[{ after: string; limit: number }], SnapshotRow>(
    `SELECT ${COLUMNS} FROM web_snapshots WHERE id > @after ORDER BY id LIMIT @limit`,
  );
  const put = db.prepare(
    `INSERT INTO web_snapshots (${COLUMNS}) VALUES
       (@id, @url, @final_url, @fetched_at, @validated_at, @content_type, @etag, @last_modified,
        @content_hash, @title, @text, @published_at, @publisher, @metadata)
     ON CONFLICT (id) DO UPDATE SET
       validated_at = excluded.validated_at, final_url = excluded.final_url,
       etag = excluded.etag, last_modified = excluded.last_modified`,
  );
  const importOne = (snapshot: WebSnapshot): keyof ImportTally => {
    const row = rowOf(snapshot);
    const existing = byId.get(snapshot.id);
    if (
      existing &&
      (Object.keys(row) as Array<keyof SnapshotRow>).every((k) => existing[k] === row[k])
    ) {
      return "unchanged";
    }
    put.run(row);
    return existing ? "updated" : "added";
  };
  const importAll = db.transaction(
    (snapshots: readonly WebSnapshot[]): ImportTally => tallyOf(snapshots.map(importOne)),
  );
  return { page, importAll };
}

function rowOf(snapshot: WebSnapshot): SnapshotRow {
  return {
    id: snapshot.id,
    url: snapshot.url,
    final_url: snapshot.finalUrl,
    fetched_at: snapshot.fetchedAt,
    validated_at: snapshot.validatedAt,
    content_type: snapshot.contentType,
    etag: snapshot.etag ?? null,
    last_modified: snapshot.lastModified ?? null,
    content_hash: snapshot.contentHash,
    title: snapshot.title,
    text: snapshot.text,
    published_at: snapshot.publishedAt ?? null,
    publisher: snapshot.publisher ?? null,
    metadata: JSON.stringify(snapshot.metadata),
  };
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
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
  };
}
