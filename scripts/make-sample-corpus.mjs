#!/usr/bin/env node
// Regenerates corpus/check-covid/abstracts.jsonl, the sample corpus `npm run demo` ingests,
// from the Check-COVID corpus (MIT) in ../shared/data/check-covid. Deterministic: same input,
// same bytes. Usage: node scripts/make-sample-corpus.mjs [path/to/check-covid]
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = resolve(process.argv[2] ?? join(root, "..", "shared", "data", "check-covid"));
const target = join(root, "corpus", "check-covid");

const lines = readFileSync(join(source, "corpus.json"), "utf8").split("\n").filter(Boolean);
const records = lines.map((line) => {
  const { cord_id: cordId, title, abstract } = JSON.parse(line);
  // CORD-19 abstracts often start with the section label "Abstract"; it is not content.
  const text = abstract
    .join(" ")
    .replace(/^\s*abstract[:.]?\s+/i, "")
    .trim();
  // Peer-reviewed or preprint abstracts: the check's source profile says so.
  return { id: `cord:${cordId}`, title: title.trim(), text, metadata: { profile: "academic" } };
});
records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
writeFileSync(
  join(target, "abstracts.jsonl"),
  `${records.map((r) => JSON.stringify(r)).join("\n")}\n`,
);
copyFileSync(join(source, "LICENSE.source"), join(target, "LICENSE"));
console.log(`wrote ${records.length} abstracts to ${join(target, "abstracts.jsonl")}`);
