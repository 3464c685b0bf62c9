// `factually serve`: the API and the web pages in one process, on loopback by default. With
// --sample-corpus an empty database first gets the sample corpus shipped in corpus/ (what
// `npm start` does), so a first run has something to check against.
import { fileURLToPath } from "node:url";
import type { Config } from "../../config/config.js";
import { FactuallyError } from "../../core/errors.js";
import { ingestPaths } from "../../ingest/ingest.js";
import { namesNote } from "../../server/allowed-hosts.js";
import { startServer } from "../../server/start.js";
import { displayPath } from "../../text/display-path.js";
import { openCliEngine } from "../cli-engine.js";
import type { CliIo } from "../io.js";
import { untilSignal } from "../until-signal.js";
import { formatIngestSummary } from "./ingest.js";

/**
 * The sample corpus shipped with the package (347 COVID-19 abstracts, MIT; one abstract is there
 * under two CORD ids, so 346 are stored). Its counts are reported by formatIngestSummary, the
 * same line `factually ingest` prints, never restated here.
 */
export const SAMPLE_CORPUS = fileURLToPath(
  new URL("../../../corpus/check-covid/abstracts.jsonl", import.meta.url),
);

export interface ServeCommandOptions {
  config: Config;
  port: number;
  host: string;
  sampleCorpus: boolean;
  version: string;
  /** Resolves when the server should stop (Ctrl-C by default). */
  stop?: Promise<void>;
}

export async function serveCommand(options: ServeCommandOptions, io: CliIo): Promise<number> {
  const { config } = options;
  const engine = await openCliEngine(config, io, {
    mustExist: false,
    access: "read-write-else-read-only",
  });
  if (engine.readOnly) {
    io.stderr.write(
      `${displayPath(engine.location, io.cwd)} cannot be written (read-only file, folder or disk): serving the stored checks and corpus; new checks are refused\n`,
    );
  }
  try {
    if (options.sampleCorpus && (await engine.corpus.corpusStats()).documents === 0) {
      const summary = await ingestPaths(engine.corpus, [SAMPLE_CORPUS], {
        format: "auto",
        cwd: io.cwd,
      });
      io.stderr.write(
        `Sample corpus: ${formatIngestSummary(summary, displayPath(engine.location, io.cwd))}\n`,
      );
    }
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({
        engine,
        port: options.port,
        host: options.host,
        version: options.version,
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EADDRINUSE" || code === "EACCES") {
        throw new FactuallyError(
          "BAD_INPUT",
          `cannot listen on ${options.host}:${options.port} (${code === "EADDRINUSE" ? "the port is in use" : "permission denied"}); pass another --port`,
        );
      }
      throw error;
    }
    const note = namesNote(options.host, config.server.allowedHosts, config.baseUrl);
    if (note) io.stderr.write(`${note}\n`);
    io.stdout.write(
      `Factually is serving ${displayPath(engine.location, io.cwd)} at ${server.url}\n` +
        `  pages: ${server.url}/   API: ${server.url}/api   OpenAPI: ${server.url}/api/openapi.json\n` +
        "Press Ctrl-C to stop.\n",
    );
    await (options.stop ?? untilSignal());
    io.stderr.write(
      config.server.queue
        ? "Stopping: checks on the queue go on in the workers...\n"
        : "Stopping: checks still running are cancelled and not stored...\n",
    );
    await server.close();
    return 0;
  } finally {
    await engine.close();
  }
}
