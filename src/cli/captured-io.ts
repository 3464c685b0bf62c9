// A CliIo that keeps what a command prints, for running the command line in process (tests,
// or a program embedding Factually's CLI).
import type { CliIo } from "./io.js";
import { runCli } from "./program.js";

export interface CapturedIo {
  io: CliIo;
  /** What was written so far. */
  output: { stdout: string; stderr: string };
}

export interface CaptureOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  now?: () => Date;
  /** What standard input holds, when the command reads it. */
  stdin?: string;
  /** Called with each chunk written to stdout. */
  onStdout?: (chunk: string) => void;
}

export function captureIo({ cwd, env = {}, now, stdin, onStdout }: CaptureOptions): CapturedIo {
  const output = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: {
      write: (s: string) => {
        output.stdout += s;
        onStdout?.(s);
      },
    },
    stderr: { write: (s: string) => (output.stderr += s) },
    env,
    cwd,
    ...(now ? { now } : {}),
    ...(stdin !== undefined ? { stdin: async () => stdin } : {}),
  };
  return { io, output };
}

/** Runs one command line in process and returns its exit code and output. */
export async function runCaptured(
  args: readonly string[],
  options: CaptureOptions,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, output } = captureIo(options);
  const code = await runCli(args, io);
  return { code, ...output };
}
