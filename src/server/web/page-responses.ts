// The pages as responses: one place that turns a loaded check, the home page's state or an error
// into HTML with the right status, shared by the page routes and the form routes.
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { principalOf, roleAllows } from "../accounts/principal.js";
import type { CheckRequest } from "../check-service.js";
import type { ServerContext } from "../context.js";
import { toHttp } from "../http-errors.js";
import type { AccountNav } from "./account-nav.js";
import { checkPage } from "./check-page.js";
import type { LoadedCheck } from "./check-view.js";
import { errorPage, notFoundPage } from "./error-page.js";
import { homePage } from "./home-page.js";

const RECENT_CHECKS = 10;

export const NO_CHECK = "There is no check at this address. It may have been mistyped.";

export interface FeedbackNote {
  message: string;
  error: boolean;
  comment?: string;
}

export interface PageResponses {
  /** With an API token, writes need it; a browser form cannot send it, so the pages only read. */
  readOnly: boolean;
  /** What this request's reader may do on the pages, and who they are (accounts). */
  viewerOf(c: Context): PageViewer;
  html(c: Context, body: string, status?: number): Response;
  home(
    c: Context,
    state?: { text?: string; error?: string; form?: CheckRequest },
    status?: number,
  ): Promise<Response>;
  check(c: Context, loaded: LoadedCheck, feedback?: FeedbackNote, status?: number): Response;
  notFound(c: Context, message?: string): Response;
  /** Every error as a page: the FactuallyError's message and status, never a stack trace. */
  onError: ErrorHandler;
}

export interface PageViewer {
  readOnly: boolean;
  readOnlyNote?: string;
  account?: AccountNav;
}

export function pageResponses(ctx: ServerContext): PageResponses {
  const { config } = ctx;
  const readOnly = config.server.apiToken !== undefined;
  const appVersion = ctx.version;
  const webProviders = config.web.search.filter((p) => p !== "local");
  const html = (c: Context, body: string, status = 200) => c.html(body, status as 200);
  const viewerOf = (c: Context): PageViewer => {
    const principal = principalOf(c);
    if (principal.kind === "open") return { readOnly };
    if (principal.kind !== "user" || principal.via !== "session") {
      return {
        readOnly: true,
        readOnlyNote:
          "Log in to check claims, refresh checks and rate them. Anyone can read the checks below.",
        account: {},
      };
    }
    const { email, role } = principal.user;
    const account = { email, role, csrf: principal.csrf };
    if (roleAllows(role, "checker")) return { readOnly: false, account };
    return {
      readOnly: true,
      readOnlyNote: `Your account (${role}) reads checks; checking claims, refreshing and rating need the checker role.`,
      account,
    };
  };
  return {
    readOnly,
    viewerOf,
    html,
    async home(c, state = {}, status = 200) {
      const { checks } = await ctx.engine.checks.listChecks({ limit: RECENT_CHECKS });
      const form = state.form;
      const options = form && {
        ...(form.web !== undefined ? { web: form.web } : {}),
        ...(form.llm !== undefined ? { llm: form.llm } : {}),
        ...(form.fresh !== undefined ? { fresh: form.fresh } : {}),
      };
      const body = homePage({
        text: state.text ?? form?.text ?? "",
        ...(state.error ? { error: state.error } : {}),
        recent: checks,
        webProviders,
        hasModel: config.llm !== undefined,
        ...(options ? { options } : {}),
        ...viewerOf(c),
        appVersion,
      });
      return html(c, body, status);
    },
    check(c, loaded, feedback, status = 200) {
      const body = checkPage({
        ...loaded,
        ...viewerOf(c),
        ...(feedback ? { feedback } : {}),
        ...(config.publisher ? { publisher: config.publisher } : {}),
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
        appVersion,
      });
      return html(c, body, status);
    },
    notFound: (c, message) => html(c, notFoundPage(appVersion, message), 404),
    onError(error, c) {
      if (error instanceof HTTPException) {
        const status = error.status;
        const title =
          status === 403 ? "Refused" : status === 429 ? "Too many checks" : "Not accepted";
        const message = error.message || "The request was not accepted.";
        return html(c, errorPage({ status, title, message, appVersion }), status);
      }
      const http = toHttp(error);
      if (http.log) console.error(error);
      const status = http.status;
      const message =
        http.code === "INTERNAL"
          ? "Something went wrong on the server; the request was not completed. Please try again."
          : sentence(http.message);
      const title =
        status === 404 ? "Not found" : status < 500 ? "Not accepted" : "Something went wrong";
      for (const [name, value] of Object.entries(http.headers)) c.header(name, value);
      return html(c, errorPage({ status, title, message, appVersion }), status);
    },
  };
}

/** An error message as a sentence: capitalised and ending with a full stop. */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
