// `factually check "<claim or question>"`: the full pipeline over the local corpus.

import { offlineCheckDependencies } from "../../assemble/offline-check.js";
import { FactuallyError } from "../../core/errors.js";
import { STAGES } from "../../core/schema/check-event.js";
import { runCheck } from "../../pipeline/run.js";
import { renderCheckMarkdown } from "../../render/markdown.js";
import { renderCheckText } from "../../render/text.js";
import { displayPath } from "../../text/display-path.js";
import { type CliIo, useColour } from "../io.js";
import { openStore } from "../open-store.js";
import { progressBar } from "../progress.js";

export interface CheckCommandOptions {
  db: string;
  format: "text" | "json" | "markdown";
  limitSources: number;
}

export const MAX_SOURCES = 20;

export async function checkCommand(
  text: string,
  options: CheckCommandOptions,
  io: CliIo,
): Promise<number> {
  const store = openStore(options.db, io.cwd, true);
  const bar = progressBar(io.stderr, "Checking");
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once("SIGINT", cancel);
  try {
    const stats = await store.corpusStats();
    if (stats.documents === 0) {
      const shown = displayPath(store.location, io.cwd);
      throw new FactuallyError(
        "BAD_INPUT",
        `the corpus at ${shown} is empty, so there is nothing to check against; add documents with: factually ingest <path> --db ${shown}`,
      );
    }
    let done = 0;
    const { check, version } = await runCheck(text, offlineCheckDependencies(store), {
      signal: controller.signal,
      limits: { maxSources: options.limitSources },
      onEvent: (event) => {
        if (event.type === "stage-started") bar.update(done, STAGES.length, event.stage);
        if (event.type === "stage-done") bar.update(++done, STAGES.length, event.stage);
      },
    });
    bar.stop();
    if (options.format === "json") {
      io.stdout.write(`${JSON.stringify({ check, version })}\n`);
    } else if (options.format === "markdown") {
      io.stdout.write(renderCheckMarkdown(check.input, version));
    } else {
      const bold = useColour(io, io.stdout) ? (s: string) => `\u001b[1m${s}\u001b[22m` : undefined;
      io.stdout.write(`${renderCheckText(check.input, version, bold ? { bold } : {})}\n`);
    }
    return 0;
  } finally {
    bar.stop();
    process.removeListener("SIGINT", cancel);
    await store.close();
  }
}
