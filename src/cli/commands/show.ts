// `factually show <id> [--version n]`: a stored check as it was written, with its record facts.
import { requireVersion } from "../../records/lookup.js";
import type { CliIo } from "../io.js";
import { openStore } from "../open-store.js";
import { type PrintOptions, printCheck } from "../print-check.js";

export interface ShowCommandOptions extends PrintOptions {
  db: string;
  version?: number;
}

export async function showCommand(
  id: string,
  options: ShowCommandOptions,
  io: CliIo,
): Promise<number> {
  const store = openStore(options.db, io.cwd, true, "read-only");
  try {
    const { version } = await requireVersion(store, id.trim(), options.version);
    await printCheck(store, version.checkId, version, options, io);
    return 0;
  } finally {
    await store.close();
  }
}
