// Factually processes for the cluster benchmark: `serve`, `worker` and one-shot commands run as
// real child processes on loopback, with only the environment given here (no model, no stray
// FACTUALLY_* from the caller). Every child started is remembered, so one call stops them all,
// also when the benchmark fails or is interrupted.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
/** Output kept from each child, for the error when it dies or does not start. */
const TAIL_CHARS = 4000;

export type ChildEnv = Record<string, string>;

export interface FactuallyProcess {
  readonly pid: number;
  /** What the child printed on stdout when it said it was ready. */
  readonly banner: string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

const children = new Set<ChildProcess>();

function childEnv(env: ChildEnv): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env };
}

/** Starts `factually <args>` and resolves once its stdout matches `ready`. */
export function startFactually(
  args: readonly string[],
  env: ChildEnv,
  ready: RegExp,
  cwd: string,
): Promise<FactuallyProcess> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: childEnv(env),
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  let started = false;
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-TAIL_CHARS);
  };
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => children.delete(child));
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(
        new Error(`factually ${args.join(" ")} exited (${code}) before it was ready:\n${tail}`),
      );
    child.once("exit", onExit);
    child.stdout?.on("data", (chunk: Buffer) => {
      keep(chunk);
      if (started) return;
      out += chunk.toString();
      if (!ready.test(out)) return;
      started = true;
      child.off("exit", onExit);
      const banner = out;
      resolve({
        pid: child.pid as number,
        banner,
        async stop(graceMs = 10_000) {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}

/** Runs `factually <args>` to its end; rejects with its output when it fails. */
export async function runFactually(args: readonly string[], env: ChildEnv, cwd: string) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: childEnv(env),
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  children.delete(child);
  if (code !== 0) throw new Error(`factually ${args.join(" ")} failed (${code}):\n${output}`);
  return output;
}

/** Kills every child still running (on failure or interruption). */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  children.clear();
}

/** The server's address from the line `serve` prints ("… at http://127.0.0.1:PORT"). */
export function urlOfBanner(banner: string): string {
  const match = / at (http:\/\/\S+)/.exec(banner);
  if (!match?.[1]) throw new Error(`no address in the server's output: ${banner}`);
  return match[1];
}
