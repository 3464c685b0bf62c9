// Extracts a PDF's text layer and metadata with unpdf (a serverless build of Mozilla's pdf.js).
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { FactuallyError, messageOf } from "../core/errors.js";

/** A PDF's text, one blank line between pages, and what its info dictionary says. */
export interface ExtractedPdf {
  title?: string;
  /** Empty when the PDF has no text layer (a scan). */
  text: string;
  pages: number;
  author?: string;
  /** The creation date, as an ISO 8601 date-time. */
  publishedAt?: string;
}

// pdf.js's VerbosityLevel.ERRORS: its warnings would otherwise reach the console.
const ERRORS_ONLY = 0;

/** The text and metadata of a PDF; throws PARSE_FAILED for a corrupt, encrypted or non-PDF file. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A plain copy: pdf.js refuses a Node Buffer (what readFile gives) and may detach what it gets.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: ERRORS_ONLY });
  } catch (error) {
    throw new FactuallyError("PARSE_FAILED", describeOpenError(error), { cause: error });
  }
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    const { info } = await getMeta(pdf, { parseDates: true });
    const result: ExtractedPdf = { text: joinPages(text), pages: totalPages };
    const title = infoText(info.Title);
    if (title) result.title = title;
    const author = infoText(info.Author);
    if (author) result.author = author;
    const created = info.CreationDate;
    if (created instanceof Date && !Number.isNaN(created.getTime())) {
      result.publishedAt = created.toISOString();
    }
    return result;
  } catch (error) {
    throw new FactuallyError("PARSE_FAILED", `cannot read the PDF's text: ${message(error)}`, {
      cause: error,
    });
  } finally {
    await pdf.loadingTask.destroy();
  }
}

// pdf.js's exceptions inherit from Error and name their kind (PasswordException…).
function describeOpenError(error: unknown): string {
  if (error instanceof Error && error.name === "PasswordException") {
    return "the PDF is encrypted (password protected)";
  }
  return `not a readable PDF (${message(error)})`;
}

function joinPages(pages: string[]): string {
  return pages
    .map((page) => page.replace(/[ \t]+\n/g, "\n").trim())
    .filter((page) => page !== "")
    .join("\n\n");
}

function infoText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.replace(/\s+/g, " ").trim();
  return text || undefined;
}

function message(error: unknown): string {
  return messageOf(error);
}
