#!/usr/bin/env node
// Entry point of the `factually` executable. It checks the Node.js version before importing the
// program, so an old Node gets one line naming the version needed instead of a loader error.
import { nodeTooOld } from "./node-version.js";

const tooOld = nodeTooOld(process.versions.node);
if (tooOld !== undefined) {
  process.stderr.write(`${tooOld}\n`);
  process.exitCode = 2;
} else {
  const { runCli } = await import("./program.js");
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdin: async () => {
      let text = "";
      for await (const chunk of process.stdin) text += chunk;
      return text;
    },
  });
}
