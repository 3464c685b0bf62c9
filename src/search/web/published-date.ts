// The dates search APIs give, as the ISO forms hits carry: ISO already (Exa, Brave's page_age,
// Google's reviewDate), RFC 1123 (Tavily news), or "Mar 4, 2024" as Google shows it (Serper).
import { normalizeIsoDate } from "../../text/iso-date.js";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

// "Wed, 15 Jan 2025 10:00:00 GMT" or "+0100"
const RFC_1123 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC|Z|[+-]\d{4})$/;
// "Mar 4, 2024", "March 4 2024", "Sept. 4, 2024"
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
// "4 March 2024", "4 Mar, 2024"
const DAY_MONTH_YEAR = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/;

/**
 * `value` as `YYYY-MM-DD` or an ISO date-time with an offset, or undefined when it is missing,
 * relative ("3 days ago": its anchor is unknown) or not a real date.
 */
export function publishedDate(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso = normalizeIsoDate(text);
  if (iso) return iso;
  const rfc = RFC_1123.exec(text);
  if (rfc) {
    const [, day = "", month = "", year = "", hours, minutes, seconds = "00", zone = ""] = rfc;
    const mm = monthNumber(month);
    if (!mm) return undefined;
    const offset = /^(GMT|UTC|Z)$/.test(zone) ? "Z" : zone;
    return normalizeIsoDate(`${year}-${mm}-${pad(day)}T${hours}:${minutes}:${seconds}${offset}`);
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  const dmy = mdy ? undefined : DAY_MONTH_YEAR.exec(text);
  const [month, day, year] = mdy ? [mdy[1], mdy[2], mdy[3]] : dmy ? [dmy[2], dmy[1], dmy[3]] : [];
  if (!month || !day || !year) return undefined;
  const mm = monthNumber(month);
  return mm ? normalizeIsoDate(`${year}-${mm}-${pad(day)}`) : undefined;
}

/** "03" for "Mar", "March" or "Sept"; undefined for anything else. */
function monthNumber(name: string): string | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.startsWith(lower) && lower.length >= 3);
  return index < 0 ? undefined : pad(String(index + 1));
}

function pad(digits: string): string {
  return digits.padStart(2, "0");
}
