// Reads the FNC-1 stance CSVs (headline, body id, stance) and joins each row to its article body.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { FactuallyError } from "../core/errors.js";
import { isStanceLabel, type StanceLabel } from "../stance/labels.js";

export interface Fnc1Pair {
  headline: string;
  bodyId: string;
  body: string;
  stance: StanceLabel;
}

export type Fnc1Split = "train" | "competition_test";

/** The default data folder: `../shared/data/fnc-1` beside the project. */
export function defaultFnc1Dir(cwd = process.cwd()): string {
  return resolve(cwd, "../shared/data/fnc-1");
}

/** The rows of one split, in file order, each with its body text. */
export function readFnc1Split(dir: string, split: Fnc1Split): Fnc1Pair[] {
  const bodies = new Map<string, string>();
  for (const row of readCsv(dir, `${split}_bodies.csv`, ["Body ID", "articleBody"])) {
    bodies.set(row[0] ?? "", row[1] ?? "");
  }
  return readCsv(dir, `${split}_stances.csv`, ["Headline", "Body ID", "Stance"]).map((row, i) => {
    const [headline = "", bodyId = "", stance = ""] = row;
    const body = bodies.get(bodyId);
    const where = `${split}_stances.csv row ${i + 2}`;
    if (body === undefined) throw new FactuallyError("PARSE_FAILED", `${where}: no body ${bodyId}`);
    if (!isStanceLabel(stance)) {
      throw new FactuallyError("PARSE_FAILED", `${where}: unknown stance "${stance}"`);
    }
    return { headline, bodyId, body, stance };
  });
}

function readCsv(dir: string, name: string, header: readonly string[]): string[][] {
  const path = join(dir, name);
  if (!existsSync(path)) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${path} not found; pass --data DIR pointing at the FNC-1 folder (with ${name})`,
      { target: path },
    );
  }
  const rows = parse(readFileSync(path, "utf8"), {
    bom: true,
    relax_column_count: false,
  }) as string[][];
  const [first, ...rest] = rows;
  if (!first || header.some((h, i) => first[i] !== h)) {
    throw new FactuallyError("PARSE_FAILED", `${path}: expected header ${header.join(",")}`, {
      target: path,
    });
  }
  return rest;
}
