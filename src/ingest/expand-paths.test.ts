import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandPaths } from "./expand-paths.js";

let root = "";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "factually-expand-"));
  const files = [
    "corpus/b.md",
    "corpus/a.txt",
    "corpus/nested/deeper/c.html",
    "corpus/.git/config",
    "corpus/.hidden.md",
    "corpus/node_modules/pkg/readme.md",
    "other/d.jsonl",
    "other/e.md",
    "top.pdf",
  ];
  for (const file of files) {
    await mkdir(join(root, file, ".."), { recursive: true });
    await writeFile(join(root, file), "x");
  }
  // A link back up the tree must not be walked forever.
  await symlink(join(root, "corpus"), join(root, "corpus/nested/loop"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("expandPaths", () => {
  it("walks folders recursively in sorted order, skipping hidden entries and node_modules", async () => {
    const { files, missing } = await expandPaths(["corpus"], { cwd: root });
    expect(files).toEqual([
      join(root, "corpus/a.txt"),
      join(root, "corpus/b.md"),
      join(root, "corpus/nested/deeper/c.html"),
    ]);
    expect(missing).toEqual([]);
  });

  it("expands globs and lists each file once, as an absolute path", async () => {
    const { files } = await expandPaths(["**/*.md", "other/e.md", join(root, "top.pdf")], {
      cwd: root,
    });
    expect(files).toEqual([
      join(root, "corpus/b.md"),
      join(root, "other/e.md"),
      join(root, "top.pdf"),
    ]);
  });

  it("reports inputs that name nothing, and still returns the rest", async () => {
    const { files, missing } = await expandPaths(["nope.txt", "*.docx", "other"], { cwd: root });
    expect(missing).toEqual(["nope.txt", "*.docx"]);
    expect(files).toEqual([join(root, "other/d.jsonl"), join(root, "other/e.md")]);
  });

  it("expands a glob that names a hidden folder", async () => {
    const { files } = await expandPaths(["corpus/.git/*"], { cwd: root });
    expect(files).toEqual([join(root, "corpus/.git/config")]);
  });

  it("expands a character-class glob", async () => {
    const { files } = await expandPaths(["corpus/[ab].*"], { cwd: root });
    expect(files).toEqual([join(root, "corpus/a.txt"), join(root, "corpus/b.md")]);
  });
});
