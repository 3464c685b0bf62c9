// What a CLI run talks to, so the same code runs in a terminal and inside tests.

export interface OutputStream {
  write(chunk: string): unknown;
  /** True on a terminal: progress bars and colours are shown only there. */
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The clock (tests pass a fixed one to see staleness); the system clock when absent. */
  now?: () => Date;
  /** All of standard input, read when a command asks for it (`--password-stdin`). */
  stdin?: () => Promise<string>;
}

/** The current time as the run sees it. */
export function nowOf(io: CliIo): Date {
  return io.now ? io.now() : new Date();
}

/** Whether to colour output on `stream` (a terminal, and NO_COLOR unset: https://no-color.org). */
export function useColour(io: CliIo, stream: OutputStream): boolean {
  return stream.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== "dumb";
}
