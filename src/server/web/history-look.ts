// "Since your last visit" for the history page: a cookie holding when this browser last
// listed the newest checks, and the visit before, so the page can mark the checks whose
// verdict changed in between. Nothing is stored on the server for it.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";

const COOKIE = "factually_history_seen";
/** A year: long enough to span the gaps between visits a reader of fact-checks has. */
const MAX_AGE_S = 365 * 86_400;

/** The last two visits of the history's first page, newest first; absent on a first visit. */
export interface HistoryVisits {
  latest?: string;
  previous?: string;
}

/** The visits the request's cookie records; anything that is not two ISO dates is ignored. */
export function historyVisits(c: Context): HistoryVisits {
  const [latest, previous] = (getCookie(c, COOKIE) ?? "").split("~");
  return {
    ...(isIsoDate(latest) ? { latest } : {}),
    ...(isIsoDate(previous) ? { previous } : {}),
  };
}

/** Records a visit of the first page at `now`: the latest visit becomes the previous one. */
export function recordHistoryVisit(c: Context, visits: HistoryVisits, now: Date): void {
  const value = [now.toISOString(), ...(visits.latest ? [visits.latest] : [])].join("~");
  setCookie(c, COOKIE, value, { httpOnly: true, sameSite: "Lax", path: "/", maxAge: MAX_AGE_S });
}

function isIsoDate(value: string | undefined): value is string {
  return (
    value !== undefined &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
