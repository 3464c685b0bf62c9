import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeText } from "./charset.js";
import { createSafeFetcher } from "./safe-fetcher.js";
import type { SafeFetcher } from "./safe-fetcher-types.js";
import { type LoopbackServer, type Route, startLoopbackServer } from "./testing/loopback-server.js";

const latin1 = (text: string) => Buffer.from(text, "latin1");
const utf8 = (text: string) => Buffer.from(text, "utf8");
// "日本語" in Shift_JIS
const SHIFT_JIS_NIHONGO = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]);

const serve =
  (contentType: string, body: Buffer): Route =>
  (_request, response) =>
    response.writeHead(200, { "content-type": contentType }).end(body);

let server: LoopbackServer;
let fetcher: SafeFetcher;

beforeAll(async () => {
  server = await startLoopbackServer({
    "/cp1252-header": serve(
      "text/plain; charset=windows-1252",
      latin1("caf\u00e9 \x80 \x93quoted\x94"),
    ),
    "/latin1-meta": serve(
      "text/html",
      latin1('<html><head><meta charset="ISO-8859-1"></head><p>caf\u00e9</p>'),
    ),
    "/latin2-http-equiv": serve(
      "text/html",
      Buffer.concat([
        latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>'),
        Buffer.from([0xb1]), // ą in ISO-8859-2
        latin1("</p>"),
      ]),
    ),
    "/shift-jis-header": serve("text/plain; charset=Shift_JIS", SHIFT_JIS_NIHONGO),
    "/bogus-label-utf8": serve(
      "text/html; charset=x-no-such-charset",
      utf8("<p>na\u00efve \u2013 ok</p>"),
    ),
    "/bogus-label-latin1": serve("text/plain; charset=x-no-such-charset", latin1("na\u00efve")),
    "/utf8-bom": serve(
      "text/plain",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("na\u00efve")]),
    ),
    "/bom-beats-header": serve(
      "text/plain; charset=windows-1252",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("\u00e9")]),
    ),
    "/undeclared-latin1": serve("text/plain", latin1("caf\u00e9 cr\u00e8me")),
    "/undeclared-utf8": serve("text/html", utf8("<p>caf\u00e9 \u65e5\u672c</p>")),
    "/xhtml-declaration": serve(
      "application/xhtml+xml",
      latin1(
        '<?xml version="1.0" encoding="ISO-8859-2"?><html xmlns="http://www.w3.org/1999/xhtml">\xb1</html>',
      ),
    ),
  });
  fetcher = createSafeFetcher({
    userAgent: "Factually/0.1 (test)",
    allowLoopback: true,
    respectRobots: false,
  });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function read(path: string) {
  const { text, charset } = await fetcher.fetch(`${server.origin}${path}`);
  return { text, charset };
}

describe("text decoding", () => {
  it("uses the charset of the Content-Type header (windows-1252)", async () => {
    expect(await read("/cp1252-header")).toEqual({
      text: "café € “quoted”",
      charset: "windows-1252",
    });
  });

  it("uses a <meta charset> when the header has none (ISO-8859-1 is read as windows-1252)", async () => {
    expect(await read("/latin1-meta")).toMatchObject({ charset: "windows-1252" });
    expect((await read("/latin1-meta")).text).toContain("<p>café</p>");
  });

  it("uses a <meta http-equiv> Content-Type", async () => {
    expect(await read("/latin2-http-equiv")).toMatchObject({ charset: "iso-8859-2" });
    expect((await read("/latin2-http-equiv")).text).toContain("<p>ą</p>");
  });

  it("decodes Shift_JIS named in the header", async () => {
    expect(await read("/shift-jis-header")).toEqual({ text: "日本語", charset: "shift_jis" });
  });

  it("skips an unknown charset label and falls back to what the bytes are", async () => {
    expect(await read("/bogus-label-utf8")).toEqual({
      text: "<p>naïve – ok</p>",
      charset: "utf-8",
    });
    expect(await read("/bogus-label-latin1")).toEqual({ text: "naïve", charset: "windows-1252" });
  });

  it("follows a UTF-8 byte-order mark and drops it from the text", async () => {
    expect(await read("/utf8-bom")).toEqual({ text: "naïve", charset: "utf-8" });
  });

  it("lets a byte-order mark win over the header, as browsers do", async () => {
    expect(await read("/bom-beats-header")).toEqual({ text: "é", charset: "utf-8" });
  });

  it("reads undeclared bytes as UTF-8 when they are valid UTF-8, else as windows-1252", async () => {
    expect(await read("/undeclared-utf8")).toEqual({ text: "<p>café 日本</p>", charset: "utf-8" });
    expect(await read("/undeclared-latin1")).toEqual({
      text: "café crème",
      charset: "windows-1252",
    });
  });

  it("uses the encoding of an XML declaration in XHTML", async () => {
    expect(await read("/xhtml-declaration")).toMatchObject({ charset: "iso-8859-2" });
    expect((await read("/xhtml-declaration")).text).toContain(">ą</html>");
  });
});

describe("decodeText", () => {
  it("follows a UTF-16 byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("hé", "utf16le")]);
    expect(decodeText(bytes, "text/plain")).toEqual({ text: "hé", charset: "utf-16le" });
  });

  it("reads a <meta> naming UTF-16 as UTF-8, since it was readable as ASCII", () => {
    const bytes = utf8('<meta charset="utf-16"><p>é</p>');
    expect(decodeText(bytes, "text/html")).toMatchObject({ charset: "utf-8" });
  });

  it("ignores a <meta charset> beyond the first 2 KB", () => {
    const bytes = latin1(`<!--${" ".repeat(2100)}--><meta charset="iso-8859-2"><p>\xb1</p>`);
    expect(decodeText(bytes, "text/html").charset).toBe("windows-1252");
  });
});
