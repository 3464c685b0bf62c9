// Streams a text file as numbered physical lines (LF or CRLF), never holding the whole file.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export interface NumberedLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/** The lines of `path`, first to last; a UTF-8 byte order mark on the first line is dropped. */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  const input = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const text of lines) {
      number += 1;
      yield { number, text: number === 1 ? text.replace(/^\uFEFF/, "") : text };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
