// Turns the JSON Schema the AI SDK sends (zod 4 emits draft-07) into the subset that
// node-llama-cpp compiles to a GBNF grammar, and names the keywords that subset cannot enforce.
import type { JSONObject } from "@ai-sdk/provider";

/** A schema in node-llama-cpp's `GbnfJsonSchema` subset. */
export type GrammarSchema = JSONObject;

/** The grammar schema and, per keyword it cannot enforce, the schema paths that used it. */
export interface GrammarSchemaResult {
  schema: GrammarSchema;
  unenforced: Map<string, string[]>;
}

/** Any JSON value. A node without type, enum, const or oneOf would otherwise allow only `null`. */
export const ANY_JSON: GrammarSchema = {
  oneOf: [
    { type: ["string", "number", "boolean", "null"] },
    { type: "object", additionalProperties: true },
    { type: "array" },
  ],
};

/** Keywords that only annotate: dropping them loses nothing a grammar could enforce. */
const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "$comment",
  "title",
  "description",
  "default",
  "examples",
  "readOnly",
  "writeOnly",
  "deprecated",
  "required", // node-llama-cpp always generates every property, which satisfies `required`
]);
/** Enforced after generation by numeric-bounds.ts, since the number grammar has no range. */
const CLAMPED = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]);
/** Handled below; every other keyword is reported as not enforced. */
const HANDLED = new Set([
  "type",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "allOf",
  "$ref",
  "$defs",
  "definitions",
  "properties",
  "additionalProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "format",
]);
/** String formats with a grammar of their own; others (uri, email, uuid…) would force `""`. */
const FORMATS = new Set(["date", "time", "date-time"]);

/** Converts `schema` for `llama.createGrammarForJsonSchema`. */
export function toGrammarSchema(schema: unknown): GrammarSchemaResult {
  const unenforced = new Map<string, string[]>();
  const note = (keyword: string, at: string) => {
    const paths = unenforced.get(keyword) ?? [];
    if (!paths.includes(at || "/")) paths.push(at || "/");
    unenforced.set(keyword, paths);
  };
  const root = convert(schema, "", note);
  const defs = isObject(schema) ? (schema.$defs ?? schema.definitions) : undefined;
  if (isObject(defs)) {
    const converted: JSONObject = {};
    for (const [name, def] of Object.entries(defs)) {
      converted[name] = convert(def, `/$defs/${name}`, note);
    }
    // node-llama-cpp resolves only "#/$defs/…" references, declared on an enclosing node.
    return { schema: { ...root, $defs: converted }, unenforced };
  }
  return { schema: root, unenforced };
}

type Note = (keyword: string, at: string) => void;

function convert(node: unknown, at: string, note: Note): GrammarSchema {
  if (!isObject(node)) return ANY_JSON;
  for (const keyword of Object.keys(node)) {
    if (!HANDLED.has(keyword) && !ANNOTATIONS.has(keyword) && !CLAMPED.has(keyword)) {
      note(keyword, at);
    }
  }

  if (typeof node.$ref === "string") {
    const ref = node.$ref.replace(/^#\/definitions\//, "#/$defs/");
    if (ref.startsWith("#/$defs/")) return { $ref: ref };
    note("$ref", at);
    return ANY_JSON;
  }
  if (Array.isArray(node.allOf)) return convert(mergeAll(node), at, note);
  const branches = node.anyOf ?? node.oneOf;
  if (Array.isArray(branches)) {
    const key = node.anyOf ? "anyOf" : "oneOf";
    return { oneOf: branches.map((b, i) => convert(b, `${at}/${key}/${i}`, note)) };
  }
  if (node.const !== undefined) return { const: node.const };
  if (Array.isArray(node.enum)) return { enum: node.enum };

  const type = node.type ?? (isObject(node.properties) ? "object" : undefined);
  if (Array.isArray(type)) {
    // A basic-type list is native; with object or array in it, each type needs its own node.
    const types = type.filter((t): t is string => typeof t === "string");
    if (!types.includes("object") && !types.includes("array")) return { type: types };
    return { oneOf: types.map((t) => convert({ ...node, type: t }, at, note)) };
  }
  switch (type) {
    case "object":
      return convertObject(node, at, note);
    case "array":
      return convertArray(node, at, note);
    case "string":
      return convertString(node, at, note);
    case "number":
    case "integer":
    case "boolean":
    case "null":
      return { type };
    default:
      return ANY_JSON;
  }
}

function convertObject(node: JSONObject, at: string, note: Note): GrammarSchema {
  const out: JSONObject = { type: "object" };
  if (isObject(node.properties)) {
    const properties: JSONObject = {};
    for (const [name, value] of Object.entries(node.properties)) {
      properties[name] = convert(value, `${at}/properties/${name}`, note);
    }
    out.properties = properties;
  }
  const extra = node.additionalProperties;
  if (typeof extra === "boolean") out.additionalProperties = extra;
  else if (isObject(extra))
    out.additionalProperties = convert(extra, `${at}/additionalProperties`, note);
  // JSON Schema allows extra keys when additionalProperties is absent; say so, or a map-like
  // object with no listed properties could only ever be `{}`.
  else if (!isObject(node.properties)) out.additionalProperties = true;
  if (isObject(node.propertyNames) && node.propertyNames.type !== "string") {
    note("propertyNames", at);
  }
  copyNumbers(node, out, ["minProperties", "maxProperties"]);
  return out;
}

function convertArray(node: JSONObject, at: string, note: Note): GrammarSchema {
  const out: JSONObject = { type: "array" };
  const tuple = Array.isArray(node.prefixItems)
    ? node.prefixItems
    : Array.isArray(node.items)
      ? node.items
      : undefined;
  if (tuple)
    out.prefixItems = tuple.map((item, i) => convert(item, `${at}/prefixItems/${i}`, note));
  if (isObject(node.items)) out.items = convert(node.items, `${at}/items`, note);
  copyNumbers(node, out, ["minItems", "maxItems"]);
  return out;
}

function convertString(node: JSONObject, at: string, note: Note): GrammarSchema {
  if (typeof node.format === "string") {
    if (FORMATS.has(node.format)) return { type: "string", format: node.format };
    note(`format: ${node.format}`, at);
  }
  const out: JSONObject = { type: "string" };
  copyNumbers(node, out, ["minLength", "maxLength"]);
  return out;
}

/** One node from `allOf` members (zod emits it for intersections), properties merged. */
function mergeAll(node: JSONObject): JSONObject {
  const { allOf, ...rest } = node;
  const merged: JSONObject = { ...rest };
  const properties: JSONObject = isObject(rest.properties) ? { ...rest.properties } : {};
  for (const member of Array.isArray(allOf) ? allOf : []) {
    if (!isObject(member)) continue;
    Object.assign(merged, member);
    if (isObject(member.properties)) Object.assign(properties, member.properties);
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  return merged;
}

function copyNumbers(from: JSONObject, to: JSONObject, keys: string[]): void {
  for (const key of keys) {
    const value = from[key];
    if (typeof value === "number") to[key] = value;
  }
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JSONObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
