// Runs the built `factually` binary as a user would, for end-to-end tests: asynchronously, so
// several can run at once and servers in the test process keep answering meanwhile.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const BIN = join(ROOT, "dist/cli/main.js");

export interface BinaryRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Throws, saying how to fix it, when the binary has not been built. */
export function requireBuiltBinary(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test does it)`);
}

/** The binary's exit code and output; the environment holds only PATH and `env`. */
export function runBuiltCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<BinaryRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}
