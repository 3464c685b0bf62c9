// Stores filled with a little of everything a deployment keeps — documents whose ids sort
// differently by bytes and by locale, checks with several versions and ratings, snapshots —
// for the export/import contract and for `db copy` tests.
import { offlineCheckDependencies } from "../../assemble/offline-check.js";
import type { Stores } from "../../core/interfaces/stores.js";
import { runCheck } from "../../pipeline/run.js";

/** Ids chosen so byte order ("B" < "_" < "a") differs from most locales' order. */
const DOCUMENT_IDS = ["a-masks", "B-masks", "_schools", "zeta", "Äpfel", "10", "9"];

const TEXTS = [
  "Face masks worn within 36 hours of symptom onset reduced household transmission of influenza in a randomised trial of 400 households.",
  "Face masks did not reduce the transmission of respiratory viruses in schools, a cluster trial found.",
  "Hand washing reduced absenteeism in primary schools by a fifth.",
  "Vitamin D supplements did not prevent influenza in adults over sixty.",
  "Apples keep well in cold storage for several months.",
  "Ten trials of zinc lozenges found a shorter common cold.",
  "Nine of ten households reported fewer infections with ventilation.",
];

const CLAIMS = [
  "Face masks reduce household transmission of influenza.",
  "Do face masks reduce transmission in schools?",
];

/** Adds `count` documents (at most 7), two checks with two versions each, ratings, views and snapshots. */
export async function fillSampleStores(stores: Stores, count = DOCUMENT_IDS.length): Promise<void> {
  await stores.corpus.upsertDocuments(
    DOCUMENT_IDS.slice(0, count).map((id, i) => ({
      id,
      title: `Document ${id}`,
      text: TEXTS[i] ?? "",
      ...(i % 2 === 0 ? { url: `https://example.org/${i}`, publisher: "Example" } : {}),
      metadata: { zeta: i, alpha: { nested: [i, "x"] }, "Mixed Case": true },
    })),
  );
  const deps = offlineCheckDependencies(stores.corpus);
  for (const [i, claim] of CLAIMS.entries()) {
    let id = "";
    for (const day of [1, 2]) {
      const at = new Date(Date.UTC(2026, 0, 10 * (i + 1) + day));
      const { check, version } = await runCheck(claim, deps, { now: () => at });
      id = check.id;
      const lease = await stores.checks.beginVersion(check.id, at);
      await stores.checks.commitVersion(
        lease,
        i === 0 ? { ...check, freshnessDays: 7, origin: { author: "A. Person" } } : check,
        { ...version, n: lease.n, checkedAt: at.toISOString() },
      );
      await stores.checks.addFeedback({
        checkId: check.id,
        version: lease.n,
        helpful: day === 1,
        ...(day === 2 ? { comment: "Missed the 2020 trial." } : {}),
        createdAt: at.toISOString(),
      });
    }
    // Views differ per check, so a copy that dropped or mixed them up would show.
    for (let v = 0; v <= i * 2; v += 1) await stores.checks.recordView(id);
  }
  for (const n of [1, 2, 3]) {
    await stores.snapshots.saveSnapshot({
      url: `https://example.org/page-${n}`,
      finalUrl: `https://example.org/page-${n}`,
      fetchedAt: `2026-11-0${n}T10:00:00.000Z`,
      validatedAt: `2026-11-0${n}T10:00:00.000Z`,
      contentType: "text/html",
      ...(n === 2 ? { etag: '"v2"' } : {}),
      contentHash: String(n).repeat(64),
      title: `Page ${n}`,
      text: `Page ${n} says something.`,
      metadata: { language: "en", b: 1, a: 2 },
    });
  }
}
