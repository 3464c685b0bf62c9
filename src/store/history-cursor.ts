// The opaque cursor of a history page: the last row's date and id, which every store gives out
// and reads back the same way.
import { FactuallyError } from "../core/errors.js";

export function encodeCursor(checkedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([checkedAt, id])).toString("base64url");
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string"
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw new FactuallyError(
    "BAD_INPUT",
    "that cursor is not one this store gave out; start again without it",
  );
}
