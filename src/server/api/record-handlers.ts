// Reading and annotating stored checks: a version, history, feedback, ClaimReview — the same
// answers as `factually show|history|feedback|export` with `--json`.
import type { Context } from "hono";
import type { z } from "zod";
import type { Feedback } from "../../core/schema/check.js";
import { plainComment } from "../../records/feedback-comment.js";
import { requireVersion } from "../../records/lookup.js";
import { renderClaimReview } from "../../render/claimreview.js";
import { countView } from "../check-views-count.js";
import { clientOf } from "../client-prefix.js";
import type { ServerContext } from "../context.js";
import { checkView, historyPage } from "./check-views.js";
import type { ClientGate } from "./rate-limit.js";
import {
  CheckIdParams,
  FeedbackBody,
  HistoryQuery,
  VersionParams,
  VersionQuery,
} from "./request-schemas.js";
import type { FeedbackCreated } from "./response-schemas.js";
import { pathParams, queryParams, readJsonBody } from "./validate.js";

/**
 * Handlers of the stored-check endpoints, by operation id; `gates` limit each client's ratings
 * and comment bytes.
 */
export function recordHandlers(
  ctx: ServerContext,
  gates: { ratings: ClientGate; commentBytes: ClientGate },
) {
  return {
    async listChecks(c: Context): Promise<Response> {
      return c.json(await historyPage(ctx, queryParams(c, HistoryQuery)));
    },

    async getCheck(c: Context): Promise<Response> {
      const { id } = pathParams(c, CheckIdParams);
      const view = await checkView(ctx, id.trim());
      await countView(ctx, view.check.id);
      return c.json(view);
    },

    async getCheckVersion(c: Context): Promise<Response> {
      const { id, n } = pathParams(c, VersionParams);
      return c.json(await checkView(ctx, id.trim(), n));
    },

    async addFeedback(c: Context): Promise<Response> {
      const { id } = pathParams(c, CheckIdParams);
      const body = await readJsonBody(c, FeedbackBody);
      const comment =
        body.comment === undefined ? undefined : plainComment(body.comment, "comment: it");
      const { version } = await requireVersion(ctx.engine.checks, id.trim(), body.version);
      const refused = await gates.ratings.admit(c);
      if (refused) return refused;
      const tooLong = comment && (await gates.commentBytes.admit(c, Buffer.byteLength(comment)));
      if (tooLong) {
        // Nothing was stored, so the rating does not count against the client either.
        await gates.ratings.limiter.giveBack(clientOf(c)).catch(() => {});
        return tooLong;
      }
      const feedback: Feedback = {
        checkId: version.checkId,
        version: version.n,
        helpful: body.helpful,
        ...(comment ? { comment } : {}),
        createdAt: ctx.now().toISOString(),
      };
      // One rating per client and version: a second one replaces the first.
      await ctx.engine.checks.addFeedback(feedback, { rater: clientOf(c) });
      const stored = await ctx.engine.checks.getCheck(version.checkId);
      const tally = stored?.versions.find((v) => v.n === version.n)?.feedback ?? {
        helpful: 0,
        notHelpful: 0,
      };
      const created: z.infer<typeof FeedbackCreated> = { feedback, tally };
      return c.json(created, 201);
    },

    async getClaimReview(c: Context): Promise<Response> {
      const { id } = pathParams(c, CheckIdParams);
      const { version: n } = queryParams(c, VersionQuery);
      const { check, version } = await requireVersion(ctx.engine.checks, id.trim(), n);
      const { publisher, baseUrl } = ctx.config;
      const { jsonLd, warnings } = renderClaimReview(check, version, {
        ...(publisher ? { publisher } : {}),
        ...(baseUrl ? { baseUrl } : {}),
      });
      return c.body(JSON.stringify(jsonLd), 200, {
        "Content-Type": "application/ld+json; charset=utf-8",
        ...(warnings.length > 0 ? { "X-Factually-Warning": asciiJson(warnings) } : {}),
      });
    },
  };
}

/**
 * JSON with every character outside printable ASCII \u-escaped: header values may carry only
 * Latin-1, and the warnings use dashes and quotes beyond it; JSON.parse gives them back intact.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
