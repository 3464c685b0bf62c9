// Expands the files, folders and globs given to `factually ingest` into a list of files.
import type { Dirent } from "node:fs";
import { glob, readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface ExpandedPaths {
  /** Absolute paths, each once, folders walked in sorted order. */
  files: string[];
  /** Inputs that name nothing: no such file or folder, or a glob without a match. */
  missing: string[];
  /** The files named one by one (not found by walking a folder or matching a glob). */
  named: string[];
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

/** The files named by `inputs`: files as given, folders walked, globs expanded. */
export async function expandPaths(
  inputs: string[],
  options: { cwd?: string } = {},
): Promise<ExpandedPaths> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const files = new Set<string>();
  const missing: string[] = [];
  const named: string[] = [];
  const visited = new Set<string>();
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    const kind = await pathKind(absolute);
    if (kind === "file") {
      files.add(absolute);
      named.push(absolute);
    } else if (kind === "directory") await walk(absolute, files, visited);
    else if (!GLOB_CHARACTERS.test(input) || !(await expandGlob(input, cwd, files, visited))) {
      missing.push(input);
    }
  }
  return { files: [...files], missing, named };
}

/** Adds the glob's matches; false when it matched nothing. */
async function expandGlob(
  pattern: string,
  cwd: string,
  files: Set<string>,
  visited: Set<string>,
): Promise<boolean> {
  const matches: string[] = [];
  // Node's glob leaves out dot-files unless the pattern names them; node_modules is left out
  // as in a folder walk, unless the pattern names it too.
  const skipModules = !pattern.includes("node_modules");
  const exclude = (name: string) => skipModules && baseName(name) === "node_modules";
  for await (const match of glob(pattern, { cwd, exclude })) {
    matches.push(resolve(cwd, match));
  }
  matches.sort(compareNames);
  let found = false;
  for (const match of matches) {
    const kind = await pathKind(match);
    if (kind === "file") files.add(match);
    else if (kind === "directory") await walk(match, files, visited);
    found ||= kind !== undefined;
  }
  return found;
}

/** Adds every file under `folder`, skipping hidden entries and node_modules. */
async function walk(folder: string, files: Set<string>, visited: Set<string>): Promise<void> {
  // Real paths of walked folders: a symlink back up the tree is walked once, not forever.
  const real = await realpath(folder);
  if (visited.has(real)) return;
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to ingest from it
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    if (isSkipped(entry.name)) continue;
    const path = join(folder, entry.name);
    const kind = entry.isSymbolicLink() ? await pathKind(path) : direntKind(entry);
    if (kind === "file") files.add(path);
    else if (kind === "directory") await walk(path, files, visited);
  }
}

type PathKind = "file" | "directory" | undefined;

async function pathKind(path: string): Promise<PathKind> {
  try {
    const info = await stat(path);
    if (info.isFile()) return "file";
    return info.isDirectory() ? "directory" : undefined;
  } catch {
    return undefined;
  }
}

function direntKind(entry: Dirent): PathKind {
  if (entry.isFile()) return "file";
  return entry.isDirectory() ? "directory" : undefined;
}

function isSkipped(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

// Code-unit order, the same on every machine and locale.
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
