// What a store's integrity check found: each thing looked at, and whether it was sound.

export interface HealthFinding {
  /** What was looked at: "integrity_check", "passages_fts", "schema version", … */
  check: string;
  status: "ok" | "failed" | "skipped";
  /** What was found (the first problems), or why it was skipped. */
  detail: string;
}

export interface HealthReport {
  location: string;
  /** No finding failed. */
  ok: boolean;
  findings: HealthFinding[];
}

/** A report over `findings`: ok when none failed. */
export function healthReport(location: string, findings: HealthFinding[]): HealthReport {
  return { location, ok: findings.every((f) => f.status !== "failed"), findings };
}
