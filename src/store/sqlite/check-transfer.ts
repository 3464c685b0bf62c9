// Checks read out in id order with every version and rating, and written back as they are,
// for copying between stores.
import type Database from "better-sqlite3";
import {
  type ExportedCheck,
  type ImportTally,
  tallyOf,
} from "../../core/interfaces/store-export.js";
import { CheckVersion, type Feedback } from "../../core/schema/check.js";
import { ratingsToAdd } from "../ratings-to-add.js";
import { settingsFingerprint } from "../settings-fingerprint.js";
import { type CheckRow, toCheck } from "./json-rows.js";

interface TransferRow extends CheckRow {
  normalized: string;
  views: number;
}

interface FeedbackRow {
  version: number;
  helpful: number;
  comment: string | null;
  created_at: string;
}

export interface CheckTransfer {
  exportChecks(after: string | undefined, limit: number): ExportedCheck[];
  importChecks: Database.Transaction<(checks: readonly ExportedCheck[]) => ImportTally>;
}

/** Exports and imports of checks over `db`. */
export function createCheckTransfer(db: Database.Database): CheckTransfer {
  const page = db.prepare<[{ after: string; limit: number }], TransferRow>(
    `SELECT id, input, normalized, kind, created_at, freshness_days, origin, views FROM checks
     WHERE id > @after
       AND EXISTS (SELECT 1 FROM check_versions v WHERE v.check_id = checks.id AND v.status = 'done')
     ORDER BY id LIMIT @limit`,
  );
  const byId = db.prepare<[string], TransferRow>("SELECT * FROM checks WHERE id = ?");
  const versionsOf = db.prepare<[string], { body: string }>(
    "SELECT body FROM check_versions WHERE check_id = ? AND status = 'done' ORDER BY n",
  );
  const feedbackOf = db.prepare<[string], FeedbackRow>(
    "SELECT version, helpful, comment, created_at FROM feedback WHERE check_id = ? ORDER BY rowid",
  );
  const insertCheck = db.prepare(
    `INSERT INTO checks (id, input, normalized, kind, created_at, freshness_days, origin, views)
     VALUES (@id, @input, @normalized, @kind, @created_at, @freshness_days, @origin, @views)`,
  );
  const updateCheck = db.prepare(
    "UPDATE checks SET freshness_days = @freshness_days, origin = @origin, views = @views WHERE id = @id",
  );
  const insertVersion = db.prepare(
    `INSERT INTO check_versions
       (check_id, n, checked_at, status, verdict_label, verdict_confidence, settings_fingerprint, body)
     VALUES (?, ?, ?, 'done', ?, ?, ?, ?)
     ON CONFLICT (check_id, n) DO NOTHING`,
  );
  const insertFeedback = db.prepare(
    "INSERT INTO feedback (check_id, version, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?)",
  );

  const feedbackList = (id: string): Feedback[] =>
    feedbackOf.all(id).map((row) => ({
      checkId: id,
      version: row.version,
      helpful: row.helpful === 1,
      ...(row.comment === null ? {} : { comment: row.comment }),
      createdAt: row.created_at,
    }));

  const importOne = (record: ExportedCheck): keyof ImportTally => {
    const { check } = record;
    const row = {
      id: check.id,
      input: check.input,
      normalized: record.normalized,
      kind: check.kind,
      created_at: check.createdAt,
      freshness_days: check.freshnessDays ?? null,
      origin: check.origin ? JSON.stringify(check.origin) : null,
      views: record.views,
    };
    const existing = byId.get(check.id);
    let changed = false;
    if (!existing) insertCheck.run(row);
    else if (
      existing.freshness_days !== row.freshness_days ||
      existing.origin !== row.origin ||
      existing.views !== row.views
    ) {
      updateCheck.run(row);
      changed = true;
    }
    for (const version of record.versions) {
      const { changes } = insertVersion.run(
        check.id,
        version.n,
        version.checkedAt,
        version.verdict.label,
        version.verdict.confidence,
        settingsFingerprint(version),
        JSON.stringify(version),
      );
      if (changes > 0) changed = true;
    }
    const stored = existing ? feedbackList(check.id) : [];
    for (const f of ratingsToAdd(stored, record.feedback)) {
      insertFeedback.run(check.id, f.version, f.helpful ? 1 : 0, f.comment ?? null, f.createdAt);
      changed = true;
    }
    if (!existing) return "added";
    return changed ? "updated" : "unchanged";
  };

  return {
    exportChecks(after: string | undefined, limit: number): ExportedCheck[] {
      return page.all({ after: after ?? "", limit }).map((row) => ({
        check: toCheck(row),
        normalized: row.normalized,
        versions: versionsOf
          .all(row.id)
          .map((v) => CheckVersion.parse(JSON.parse(v.body) as unknown)),
        feedback: feedbackList(row.id),
        views: row.views,
      }));
    },
    importChecks: db.transaction(
      (checks: readonly ExportedCheck[]): ImportTally => tallyOf(checks.map(importOne)),
    ),
  };
}
