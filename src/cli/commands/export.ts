// `factually export <id> --format json|markdown|claimreview`: a stored check for other tools —
// the full record, a Markdown page, or schema.org ClaimReview JSON-LD for publishing.
import type { Config, Publisher } from "../../config/config.js";
import { requireVersion } from "../../records/lookup.js";
import { renderClaimReview } from "../../render/claimreview.js";
import { renderCheckMarkdown } from "../../render/markdown.js";
import { openCliEngine } from "../cli-engine.js";
import { type CliIo, nowOf } from "../io.js";
import type { ExportFormat } from "../limits.js";
import { recordViewOf } from "../record-view.js";

export interface ExportCommandOptions {
  config: Config;
  format: ExportFormat;
  version?: number;
  configuredFreshnessDays: number;
  publisher?: Publisher;
  baseUrl?: string;
}

export async function exportCommand(
  id: string,
  options: ExportCommandOptions,
  io: CliIo,
): Promise<number> {
  const engine = await openCliEngine(options.config, io, { mustExist: true, access: "read-only" });
  try {
    const { check, version } = await requireVersion(engine.checks, id.trim(), options.version);
    if (options.format === "json") {
      io.stdout.write(`${JSON.stringify({ check, version }, null, 2)}\n`);
    } else if (options.format === "markdown") {
      const stored = await engine.checks.getCheck(check.id);
      const record = stored
        ? recordViewOf(stored, version, options.configuredFreshnessDays, nowOf(io))
        : undefined;
      io.stdout.write(renderCheckMarkdown(check.input, version, record ? { record } : {}));
    } else {
      const { jsonLd, warnings } = renderClaimReview(check, version, {
        ...(options.publisher ? { publisher: options.publisher } : {}),
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      });
      for (const warning of warnings) io.stderr.write(`factually: note: ${warning}\n`);
      io.stdout.write(`${JSON.stringify(jsonLd, null, 2)}\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}
