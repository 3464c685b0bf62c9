// Normalises the ISO 8601 dates found in metadata to the forms the DocumentInput schema accepts.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Date, `T` or space, hours and minutes, optional seconds and fraction, optional zone.
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * `YYYY-MM-DD`, or a date-time with seconds and an offset (`Z` when none was given), or
 * undefined when `value` is not an ISO date or names a day that does not exist.
 */
export function normalizeIsoDate(value: string): string | undefined {
  const text = value.trim();
  if (DATE.test(text)) return isCalendarDate(text) ? text : undefined;
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, date = "", hours = "", minutes = "", seconds = "00", fraction = "", zone = "Z"] = match;
  if (!isCalendarDate(date) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return undefined;
  }
  const offset = normalizeOffset(zone);
  if (!offset) return undefined;
  return `${date}T${hours}:${minutes}:${seconds}${fraction}${offset}`;
}

function normalizeOffset(zone: string): string | undefined {
  if (zone.toUpperCase() === "Z") return "Z";
  const digits = zone.replace(":", "");
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return undefined;
  return `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
}

function isCalendarDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}
