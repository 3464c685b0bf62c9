// What the batch progress bar says after the bar: rows done of all, rows per second, time left.

/** "12/200 · 1.8 rows/s · ETA 1m 44s"; rate and ETA count only rows done by this run. */
export function progressStatus(
  done: number,
  total: number,
  doneAtStart: number,
  elapsedMs: number,
): string {
  const counted = done - doneAtStart;
  if (counted <= 0 || elapsedMs <= 0) return `${done}/${total}`;
  const rate = (counted * 1000) / elapsedMs;
  const left = Math.max(total - done, 0);
  return `${done}/${total} · ${formatRate(rate)} rows/s · ETA ${formatDuration(left / rate)}`;
}

function formatRate(rate: number): string {
  return rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
}

/** Whole seconds, minutes and hours: "45s", "1m 44s", "2h 05m". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
