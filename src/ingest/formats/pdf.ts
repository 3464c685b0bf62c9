// PDF files: the text layer of every page as one document.
import { isFactuallyError } from "../../core/errors.js";
import { extractPdf } from "../../read/extract-pdf.js";
import { documentRecord, skippedRecord } from "./parsed-record.js";
import { capTitle, titleFromText } from "./title.js";
import type { FormatParser, ParsedRecord } from "./types.js";

/** One document per PDF; a scan without text or an unreadable file is skipped with a reason. */
export const parsePdf: FormatParser = async function* ({ bytes }) {
  yield await pdfRecord(bytes);
};

async function pdfRecord(bytes: Uint8Array): Promise<ParsedRecord> {
  let pdf: Awaited<ReturnType<typeof extractPdf>>;
  try {
    pdf = await extractPdf(bytes);
  } catch (error) {
    if (isFactuallyError(error)) return skippedRecord(error.message);
    throw error;
  }
  if (pdf.text.trim() === "") return skippedRecord("no text layer (scanned PDF?)");
  const title = pdf.title ? capTitle(pdf.title) : titleFromText(pdf.text);
  const metadata: Record<string, unknown> = { pages: pdf.pages };
  if (pdf.author) metadata.author = pdf.author;
  const document: Record<string, unknown> = { text: pdf.text, metadata };
  if (title) document.title = title;
  if (pdf.publishedAt) document.publishedAt = pdf.publishedAt;
  return documentRecord(document);
}
