// How a version used its language model: which model, how many calls and tokens, which stages
// fell back to their offline method and why — always in brief, per stage with --verbose.
import type { CheckVersion } from "../core/schema/check.js";

const INT = new Intl.NumberFormat("en-US");

/** One line naming the model and its totals, one naming fallbacks; nothing for an offline check. */
export function modelUseSummary(version: CheckVersion): string[] {
  const lines: string[] = [];
  const models = [...new Set(version.usage.map((u) => u.model))];
  if (models.length > 0) {
    const calls = version.usage.reduce((n, u) => n + u.calls, 0);
    const tokens = version.tokens.input + version.tokens.output;
    const cost = costOf(version);
    lines.push(
      `Model: ${models.join(", ")} · ${INT.format(calls)} call${calls === 1 ? "" : "s"} · ${INT.format(tokens)} tokens` +
        (cost === undefined ? "" : cost === 0 ? " · no API cost" : ` · about $${cost.toFixed(4)}`),
    );
  }
  if (version.fallbacks.length > 0) {
    const stages = [...new Set(version.fallbacks.map((f) => f.stage))];
    lines.push(`Fell back to the offline method for: ${stages.join(", ")} (see Notes)`);
  }
  return lines;
}

/** The per-stage table for --verbose: calls, tokens, cost and time. */
export function modelUseTable(version: CheckVersion): string[] {
  const header = ["stage", "model", "calls", "input tok", "output tok", "cost USD", "ms"];
  const rows = version.timings.map((t) => {
    const used = version.usage.filter((u) => u.stage === t.stage);
    const sum = (f: (u: (typeof used)[number]) => number) => used.reduce((n, u) => n + f(u), 0);
    const costs = used.map((u) => u.costUsd);
    return [
      t.stage,
      used.length > 0 ? [...new Set(used.map((u) => u.model))].join(", ") : "offline",
      used.length > 0 ? INT.format(sum((u) => u.calls)) : "",
      used.length > 0 ? INT.format(sum((u) => u.inputTokens)) : "",
      used.length > 0 ? INT.format(sum((u) => u.outputTokens)) : "",
      used.length === 0
        ? ""
        : costs.every((c) => c !== undefined)
          ? sum((u) => u.costUsd ?? 0).toFixed(4)
          : "?",
      INT.format(Math.round(t.ms)),
    ];
  });
  const total = costOf(version);
  rows.push([
    "total",
    "",
    INT.format(version.usage.reduce((n, u) => n + u.calls, 0)),
    INT.format(version.tokens.input),
    INT.format(version.tokens.output),
    total === undefined ? (version.usage.length > 0 ? "?" : "") : total.toFixed(4),
    INT.format(Math.round(version.timings.reduce((n, t) => n + t.ms, 0))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return ["Model use by stage:", line(header), ...rows.map(line)];
}

/** The estimated cost, when every stage's model has a price. */
function costOf(version: CheckVersion): number | undefined {
  if (version.usage.length === 0 || version.usage.some((u) => u.costUsd === undefined))
    return undefined;
  return version.usage.reduce((n, u) => n + (u.costUsd ?? 0), 0);
}
