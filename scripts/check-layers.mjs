#!/usr/bin/env node
// The layering rules of ARCHITECTURE.md, checked over every relative import (static, dynamic
// and `export … from`) of the product's source. A folder may import itself and the layers its
// rule names; anything else is a forbidden import and fails `npm test`.
// Usage: node scripts/check-layers.mjs [src-dir]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Layer → the layers it may import (besides itself). Keep in step with ARCHITECTURE.md. */
export const RULES = {
  core: [],
  text: ["core"],
  web: ["core", "text"],
  sources: ["core", "text"],
  store: ["core", "text"],
  embed: ["core", "text"],
  stance: ["core", "text"],
  assess: ["core", "text", "stance"],
  pipeline: ["core", "text", "sources"],
  read: ["core", "text"],
  search: ["core", "text", "web"],
  ingest: ["core", "text", "read"],
  config: ["core", "text"],
  llm: ["core", "text", "config", "web"],
  records: ["core", "text"],
  render: ["core", "text", "config", "records"],
  data: ["core", "text", "stance"],
  assemble: [
    "core",
    "text",
    "web",
    "sources",
    "store",
    "embed",
    "stance",
    "assess",
    "pipeline",
    "read",
    "search",
    "ingest",
    "config",
    "llm",
    "records",
    "data",
  ],
  batch: ["core", "text", "config", "assemble", "records", "render"],
  eval: [
    "core",
    "text",
    "config",
    "assemble",
    "data",
    "store",
    "embed",
    "stance",
    "assess",
    "pipeline",
    "read",
    "search",
    "ingest",
  ],
  server: ["core", "text", "config", "assemble", "records", "render"],
  cli: [
    "core",
    "text",
    "config",
    "assemble",
    "records",
    "render",
    "batch",
    "eval",
    "ingest",
    "data",
    "server",
  ],
  // The library's entry point re-exports the public API of every layer.
  "index.ts": ["*"],
};

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s(?:[^;'"]*?\sfrom\s)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Relative import specifiers of one source text. */
export function importsOf(text) {
  const found = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec?.startsWith(".")) found.push(spec);
  }
  return found;
}

/** The layer of a path relative to the source root: its first segment. */
export function layerOf(path) {
  return path.split(/[\\/]/)[0];
}

/** Every forbidden import of the given files ({ path relative to root, text }). */
export function violations(files, rules = RULES) {
  const found = [];
  for (const { path, text } of files) {
    const from = layerOf(path);
    const allowed = rules[from];
    for (const spec of importsOf(text)) {
      const target = relative(".", join(dirname(path), spec));
      const to = layerOf(target);
      if (to === from || target.startsWith("..")) continue;
      if (allowed === undefined) {
        found.push({ path, spec, from, to, reason: `folder "${from}" has no rule` });
      } else if (!allowed.includes("*") && !allowed.includes(to)) {
        found.push({ path, spec, from, to, reason: `${from} may not import ${to}` });
      }
    }
  }
  return found;
}

/**
 * Product code only: tests, their helpers (`testing/` folders) and store contract suites may
 * reach any layer to build real fixtures (a real SQLite store under a pipeline test, say).
 */
export function isProductSource(name, path) {
  if (!/\.ts$/.test(name) || /\.d\.ts$/.test(name)) return false;
  if (/\.(test|contract)\.ts$/.test(name)) return false;
  return !path.split(/[\\/]/).includes("testing");
}

function sourceFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (isProductSource(name, p)) out.push(p);
    }
  };
  walk(root);
  return out;
}

function main() {
  const root = resolve(process.argv[2] ?? "src");
  const files = sourceFiles(root).map((p) => ({
    path: relative(root, p).split(sep).join("/"),
    text: readFileSync(p, "utf8"),
  }));
  const found = violations(files);
  for (const v of found) console.error(`${v.path}: imports ${v.spec} (${v.reason})`);
  if (found.length > 0) {
    console.error(
      `\n${found.length} forbidden import(s): see the import rules in ARCHITECTURE.md (scripts/check-layers.mjs holds the same table)`,
    );
    process.exit(1);
  }
  console.log(`layers: ${files.length} files, every import allowed`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
