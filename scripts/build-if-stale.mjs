#!/usr/bin/env node
// Builds dist/ only when a source file or a build setting changed since the last build this
// script made, so `npm start` starts at once on a built tree (a full build takes 10-40 s on a
// busy machine). Plain JavaScript, no dependencies.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = join(root, "dist/.built-from-sources");
const settings = ["tsconfig.json", "tsconfig.build.json", "package.json"];

/** Newest modification time of the inputs of `npm run build` (tests are not built). */
function newestInput() {
  let newest = Math.max(...settings.map((file) => statSync(join(root, file)).mtimeMs));
  for (const entry of readdirSync(join(root, "src"), { recursive: true, withFileTypes: true })) {
    const name = entry.name;
    if (!entry.isFile() || !name.endsWith(".ts")) continue;
    if (name.endsWith(".test.ts") || name.endsWith(".contract.ts")) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, name)).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

if (newestInput() > builtAt()) {
  const started = new Date();
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  // The stamp carries the time the build started: a file saved during the build is newer.
  writeFileSync(stamp, "");
  utimesSync(stamp, started, started);
}
