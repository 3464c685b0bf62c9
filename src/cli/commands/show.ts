// `factually show <id> [--version n]`: a stored check as it was written, with its record facts.
import type { Config } from "../../config/config.js";
import { requireVersion } from "../../records/lookup.js";
import { openCliEngine } from "../cli-engine.js";
import type { CliIo } from "../io.js";
import { type PrintOptions, printCheck } from "../print-check.js";

export interface ShowCommandOptions extends PrintOptions {
  config: Config;
  version?: number;
}

export async function showCommand(
  id: string,
  options: ShowCommandOptions,
  io: CliIo,
): Promise<number> {
  const engine = await openCliEngine(options.config, io, { mustExist: true, access: "read-only" });
  try {
    const { version } = await requireVersion(engine.checks, id.trim(), options.version);
    await printCheck(engine.checks, version.checkId, version, options, io);
    return 0;
  } finally {
    await engine.close();
  }
}
