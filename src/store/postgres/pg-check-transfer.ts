// Checks read out in id order with every version and rating, and written back as they are,
// for copying between stores.
import type { Pool, PoolClient } from "pg";
import {
  type ExportedCheck,
  type ImportTally,
  tallyOf,
} from "../../core/interfaces/store-export.js";
import { CheckVersion, type Feedback } from "../../core/schema/check.js";
import { ratingsToAdd } from "../ratings-to-add.js";
import { settingsFingerprint } from "../settings-fingerprint.js";
import { type CheckRow, checkOf } from "../stored-rows.js";
import { inTransaction } from "./pg-transaction.js";

interface TransferRow extends CheckRow {
  normalized: string;
  views: number;
}

interface FeedbackRow {
  check_id: string;
  version: number;
  helpful: boolean;
  comment: string | null;
  created_at: string;
}

const feedbackOf = (row: FeedbackRow): Feedback => ({
  checkId: row.check_id,
  version: row.version,
  helpful: row.helpful,
  ...(row.comment === null ? {} : { comment: row.comment }),
  createdAt: row.created_at,
});

/** Checks after `after` (ids compare byte by byte: the column is COLLATE "C"). */
export async function exportPgChecks(
  pool: Pool,
  after: string | undefined,
  limit: number,
): Promise<ExportedCheck[]> {
  const { rows } = await pool.query<TransferRow>(
    `SELECT id, input, normalized, kind, created_at, freshness_days, origin, views FROM checks c
     WHERE id > $1::text
       AND EXISTS (SELECT 1 FROM check_versions v WHERE v.check_id = c.id AND v.status = 'done')
     ORDER BY id LIMIT $2`,
    [after ?? "", limit],
  );
  const ids = rows.map((row) => row.id);
  const [versions, ratings] = await Promise.all([
    pool.query<{ check_id: string; body: unknown }>(
      `SELECT check_id, body FROM check_versions WHERE check_id = ANY($1::text[]) AND status = 'done'
       ORDER BY check_id, n`,
      [ids],
    ),
    pool.query<FeedbackRow>(
      `SELECT check_id, version, helpful, comment, created_at FROM feedback
       WHERE check_id = ANY($1::text[]) ORDER BY rowid`,
      [ids],
    ),
  ]);
  return rows.map((row) => ({
    check: checkOf(row),
    normalized: row.normalized,
    versions: versions.rows
      .filter((v) => v.check_id === row.id)
      .map((v) => CheckVersion.parse(v.body)),
    feedback: ratings.rows.filter((f) => f.check_id === row.id).map(feedbackOf),
    views: row.views,
  }));
}

/** Writes checks as they are (versions kept, missing ratings added) in one transaction. */
export async function importPgChecks(
  pool: Pool,
  checks: readonly ExportedCheck[],
): Promise<ImportTally> {
  return inTransaction(pool, async (client) => {
    const outcomes: Array<keyof ImportTally> = [];
    for (const record of checks) outcomes.push(await importOne(client, record));
    return tallyOf(outcomes);
  });
}

async function importOne(client: PoolClient, record: ExportedCheck): Promise<keyof ImportTally> {
  const { check } = record;
  const origin = check.origin ? JSON.stringify(check.origin) : null;
  const existing = (
    await client.query<{ same: boolean }>(
      `SELECT freshness_days IS NOT DISTINCT FROM $2::int
         AND origin IS NOT DISTINCT FROM $3::jsonb AND views = $4::int AS same
       FROM checks WHERE id = $1 FOR UPDATE`,
      [check.id, check.freshnessDays ?? null, origin, record.views],
    )
  ).rows[0];
  let changed = false;
  if (!existing) {
    await client.query(
      `INSERT INTO checks (id, input, normalized, kind, created_at, freshness_days, origin, views)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [
        check.id,
        check.input,
        record.normalized,
        check.kind,
        check.createdAt,
        check.freshnessDays ?? null,
        origin,
        record.views,
      ],
    );
  } else if (!existing.same) {
    await client.query(
      "UPDATE checks SET freshness_days = $2, origin = $3::jsonb, views = $4 WHERE id = $1",
      [check.id, check.freshnessDays ?? null, origin, record.views],
    );
    changed = true;
  }
  for (const version of record.versions) {
    const { rowCount } = await client.query(
      `INSERT INTO check_versions (check_id, n, checked_at, status, verdict_label,
         verdict_confidence, settings_fingerprint, sources, body)
       VALUES ($1, $2, $3, 'done', $4, $5, $6, $7, $8::jsonb)
       ON CONFLICT (check_id, n) DO NOTHING`,
      [
        check.id,
        version.n,
        version.checkedAt,
        version.verdict.label,
        version.verdict.confidence,
        settingsFingerprint(version),
        version.sources.length,
        JSON.stringify(version),
      ],
    );
    if ((rowCount ?? 0) > 0) changed = true;
  }
  const stored = existing
    ? (
        await client.query<FeedbackRow>(
          "SELECT check_id, version, helpful, comment, created_at FROM feedback WHERE check_id = $1",
          [check.id],
        )
      ).rows.map(feedbackOf)
    : [];
  for (const f of ratingsToAdd(stored, record.feedback)) {
    await client.query(
      "INSERT INTO feedback (check_id, version, helpful, comment, created_at) VALUES ($1, $2, $3, $4, $5)",
      [check.id, f.version, f.helpful, f.comment ?? null, f.createdAt],
    );
    changed = true;
  }
  if (!existing) return "added";
  return changed ? "updated" : "unchanged";
}
