// Picks a title for a whole-file document: its first heading, or its first non-empty line.

// Titles longer than this are cut at a word: a first line can be a whole paragraph.
const MAX_TITLE = 200;

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

// YAML front matter at the top of a Markdown file, as Jekyll, Hugo and others write it.
const FRONT_MATTER = /^---\n([\s\S]*?)\n(?:---|\.\.\.)(?:\n|$)/;
const FRONT_MATTER_TITLE = /^title:[ \t]*(["']?)(.+?)\1[ \t]*$/m;

/** The front matter's title, else the first heading outside code fences, else the first line. */
export function titleFromText(text: string): string | undefined {
  const frontMatter = FRONT_MATTER.exec(text);
  const declared = frontMatter?.[1] && FRONT_MATTER_TITLE.exec(frontMatter[1])?.[2]?.trim();
  if (declared) return capTitle(declared);
  const lines = text.slice(frontMatter?.[0].length ?? 0).split("\n");
  let fence: string | undefined;
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    const heading = ATX_HEADING.exec(line)?.[1]?.trim();
    if (heading) return capTitle(heading);
  }
  const first = lines.find((line) => line.trim() !== "");
  return first === undefined ? undefined : capTitle(first.trim());
}

/** `text` on one line, cut at a word boundary to about 200 characters. */
export function capTitle(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= MAX_TITLE) return flat;
  const cut = flat.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
