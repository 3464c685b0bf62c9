// Whether a document has been retracted or withdrawn, from what it says about itself: its title
// ("RETRACTED: …", as Elsevier and The Lancet mark them), its metadata (Crossref's `updated-by`
// and `update-to` relations of type "retraction" or "withdrawal") or a notice at the start or end
// of its text ("This article has been retracted…"). A retracted paper is listed, never weighed.

/** What a retraction was recognised by, in words a reader can check. */
export interface Retraction {
  evidence: string;
}

export interface RetractionInput {
  title: string;
  text: string;
  metadata?: Readonly<Record<string, unknown>>;
}

/** Characters read at each end of the text: a notice is printed above or below the paper. */
export const NOTICE_WINDOW = 500;

// Title prefixes publishers use: "RETRACTED: …", "[Retracted] …", "WITHDRAWN: …", "Retraction:
// …", "Retraction notice to …", "Notice of retraction …". Not a bare "Retraction of …" or
// "Withdrawal …": dentists retract teeth and clinicians treat alcohol withdrawal.
const TITLE = [
  /^\s*\[?\s*(retracted|withdrawn)(?:\s+article)?\s*(?:\]|[:.\-–—]|$)/i,
  /^\s*(retraction)\s*(?:[:\-–—]|$)/i,
  /^\s*(retraction notice|withdrawal notice|notice of retraction|notice of withdrawal)\b/i,
];

// Notices in the text: statements about this article, not a study of retractions in general
// ("we analysed 200 retraction notices" does not match).
const NOTICE =
  /\b(?:this|the)\s+(?:article|paper|manuscript|publication|preprint|study)\s+has\s+been\s+(retracted|withdrawn)\b|\bretraction\s+notice\s*(?:[:.\-–—]|\bto\b|\bfor\b)|^\s*retraction\s+notice\b|\bhas\s+been\s+retracted\s+at\s+the\s+request\b/im;

// Crossref relation types that mean the work was taken back.
const RETRACTION_TYPES = new Set(["retraction", "withdrawal", "removal", "partial_retraction"]);

/** The retraction `doc` states about itself, or undefined; pure and deterministic. */
export function retractionOf(doc: RetractionInput): Retraction | undefined {
  for (const pattern of TITLE) {
    const title = pattern.exec(doc.title);
    if (title) return { evidence: `its title begins "${oneLine(title[1] ?? "")}"` };
  }
  const meta = fromMetadata(doc.metadata ?? {});
  if (meta) return meta;
  const text = doc.text;
  const ends =
    text.length <= 2 * NOTICE_WINDOW
      ? [text]
      : [text.slice(0, NOTICE_WINDOW), text.slice(-NOTICE_WINDOW)];
  for (const part of ends) {
    const notice = NOTICE.exec(part);
    if (notice) return { evidence: `its text says "${oneLine(notice[0])}"` };
  }
  return undefined;
}

function fromMetadata(metadata: Readonly<Record<string, unknown>>): Retraction | undefined {
  const flag = metadata.retracted;
  if (flag === true || flag === "true") return { evidence: "its metadata marks it retracted" };
  if (typeof flag === "string" && flag.trim() && flag !== "false")
    return { evidence: `its metadata says "${oneLine(flag).slice(0, 120)}"` };
  // Crossref: a retracted work is `updated-by` a notice; a notice is an `update-to` the work.
  for (const key of ["updated-by", "updatedBy", "update-to", "updateTo"]) {
    const relations = metadata[key];
    if (!Array.isArray(relations)) continue;
    for (const relation of relations) {
      const type = (relation as { type?: unknown } | null)?.type;
      if (typeof type === "string" && RETRACTION_TYPES.has(type.toLowerCase())) {
        return { evidence: `its metadata records a ${type.toLowerCase()} (${key})` };
      }
    }
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
