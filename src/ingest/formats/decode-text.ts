// Decodes a text file's bytes strictly as UTF-8, so bad bytes are reported rather than garbled.

/** The file as text with the BOM dropped and line ends as `\n`; undefined when not UTF-8. */
export function decodeUtf8Text(bytes: Uint8Array): string | undefined {
  try {
    // TextDecoder drops a leading BOM unless told otherwise.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.replace(/\r\n?/g, "\n");
  } catch {
    return undefined;
  }
}

/** The reason given for a file that is not UTF-8. */
export const NOT_UTF8 = "not valid UTF-8 text (convert it to UTF-8 first)";
