// Brings generated numbers inside their schema's minimum and maximum: the GBNF number grammar
// has no range, so a confidence meant for [0, 1] can come out as 85 or 3e12.
import type { JSONObject, JSONValue } from "@ai-sdk/provider";
import { isObject } from "./json-schema-grammar.js";

/** `value` with each out-of-range number set to the nearest bound, and how many were changed. */
export function clampToBounds(
  value: JSONValue,
  schema: unknown,
): { value: JSONValue; clamped: number } {
  const counter = { clamped: 0 };
  const defs = isObject(schema) ? (schema.$defs ?? schema.definitions) : undefined;
  const result = walk(value, schema, isObject(defs) ? defs : {}, counter, 0);
  return { value: result, clamped: counter.clamped };
}

/** Recursive schemas ($ref cycles) stop here rather than loop. */
const MAX_DEPTH = 64;

function walk(
  value: JSONValue,
  node: unknown,
  defs: JSONObject,
  counter: { clamped: number },
  depth: number,
): JSONValue {
  if (!isObject(node) || depth > MAX_DEPTH) return value;
  const next = (v: JSONValue, n: unknown) => walk(v, n, defs, counter, depth + 1);
  if (typeof node.$ref === "string") {
    const name = node.$ref.replace(/^#\/(\$defs|definitions)\//, "");
    return next(value, defs[name]);
  }
  let current = value;
  if (Array.isArray(node.allOf)) for (const member of node.allOf) current = next(current, member);
  const branches = node.anyOf ?? node.oneOf;
  if (Array.isArray(branches)) {
    const branch = branches.find((b) => isObject(b) && acceptsTypeOf(b, current));
    return branch === undefined ? current : next(current, branch);
  }

  if (typeof current === "number") return clampNumber(current, node, counter);
  if (Array.isArray(current)) {
    const tuple = Array.isArray(node.prefixItems)
      ? node.prefixItems
      : Array.isArray(node.items)
        ? node.items
        : [];
    return current.map((item, i) => next(item, i < tuple.length ? tuple[i] : node.items));
  }
  if (isObject(current)) {
    const properties = isObject(node.properties) ? node.properties : {};
    const out: JSONObject = {};
    for (const [key, item] of Object.entries(current)) {
      if (item === undefined) continue;
      out[key] = next(item, key in properties ? properties[key] : node.additionalProperties);
    }
    return out;
  }
  return current;
}

function clampNumber(value: number, node: JSONObject, counter: { clamped: number }): number {
  const integer = node.type === "integer";
  let low = -Infinity;
  let high = Infinity;
  if (typeof node.minimum === "number") low = integer ? Math.ceil(node.minimum) : node.minimum;
  if (typeof node.maximum === "number") high = integer ? Math.floor(node.maximum) : node.maximum;
  // An exclusive bound has a nearest allowed value only for integers; a number outside an
  // exclusive bound is left for schema validation to reject.
  if (integer && typeof node.exclusiveMinimum === "number") {
    low = Math.max(low, Math.floor(node.exclusiveMinimum) + 1);
  }
  if (integer && typeof node.exclusiveMaximum === "number") {
    high = Math.min(high, Math.ceil(node.exclusiveMaximum) - 1);
  }
  if (low > high) return value;
  const clamped = Math.min(Math.max(value, low), high);
  if (clamped !== value) counter.clamped++;
  return clamped;
}

function acceptsTypeOf(node: JSONObject, value: JSONValue): boolean {
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  if (types.length === 0) return true;
  const actual =
    value === null
      ? "null"
      : Array.isArray(value)
        ? "array"
        : typeof value === "number"
          ? Number.isInteger(value)
            ? ["number", "integer"]
            : ["number"]
          : typeof value;
  const actuals = Array.isArray(actual) ? actual : [actual];
  return types.some((t) => typeof t === "string" && actuals.includes(t));
}
