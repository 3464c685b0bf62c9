// Storage conditions made for real, for tests: a file with damaged pages, a half-truncated file,
// a database on read-only media and a tiny disk. As root, permissions do not stop a write, so
// read-only media and a full disk are real mounts (tmpfs); otherwise read-only is chmod and a
// full disk is not available (the caller skips).
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  truncateSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "../../../text/prng.js";
import { openSqliteStore } from "../open.js";

export const IS_ROOT = process.getuid?.() === 0;

/** Whether this process can mount a tmpfs (root in a container that allows it). */
export const CAN_MOUNT = IS_ROOT && canMount();

function canMount(): boolean {
  try {
    execFileSync("mount", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const WORDS = "masks vitamin influenza trial children adults winter spread households reduce".split(
  " ",
);

/** A Factually database at `file` with `count` documents of seeded text (many pages of them). */
export async function makeDatabase(file: string, count = 200): Promise<void> {
  const random = mulberry32(count);
  const text = () =>
    Array.from({ length: 120 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
  const store = openSqliteStore(file);
  await store.corpus.upsertDocuments(
    Array.from({ length: count }, (_, i) => ({
      id: `doc-${i}`,
      title: `Document ${i}`,
      text: text(),
    })),
  );
  await store.close();
}

/** Overwrites the middle half of `file` with seeded noise, page headers included. */
export function damagePages(file: string): void {
  const size = statSync(file).size;
  const random = mulberry32(7);
  const fd = openSync(file, "r+");
  try {
    for (let offset = Math.floor(size / 4); offset < (size * 3) / 4; offset += 4096) {
      const noise = Buffer.from(Array.from({ length: 512 }, () => Math.floor(random() * 256)));
      writeSync(fd, noise, 0, noise.length, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/** Cuts `file` to half its length, as a copy interrupted midway leaves it. */
export function truncateToHalf(file: string): void {
  truncateSync(file, Math.floor(statSync(file).size / 2));
}

/** The first bytes of `file`, to show it was left untouched. */
export function headOf(file: string, n = 100): Buffer {
  const fd = openSync(file, "r");
  try {
    const out = Buffer.alloc(n);
    readSync(fd, out, 0, n, 0);
    return out;
  } finally {
    closeSync(fd);
  }
}

export interface Mounted {
  dir: string;
  release(): void;
}

/**
 * A copy of `file` in `dir` on read-only media: a read-only tmpfs as root, else a 0444 file in
 * a 0555 folder. Returns the copy's path and how to undo it.
 */
export function readOnlyCopy(file: string, dir: string): { file: string; release(): void } {
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, "read-only.db");
  if (CAN_MOUNT) {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", dir]);
    copyFileSync(file, copy);
    execFileSync("mount", ["-o", "remount,ro", dir]);
    return { file: copy, release: () => execFileSync("umount", [dir]) };
  }
  copyFileSync(file, copy);
  chmodSync(copy, 0o444);
  chmodSync(dir, 0o555);
  return {
    file: copy,
    release: () => {
      chmodSync(dir, 0o755);
      chmodSync(copy, 0o644);
    },
  };
}

/** A tmpfs of `size` (e.g. "1m") mounted on `dir`; root only (see CAN_MOUNT). */
export function tinyDisk(dir: string, size: string): Mounted {
  mkdirSync(dir, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
  return { dir, release: () => execFileSync("umount", [dir]) };
}

/** Appends to `file` until its disk is full (ENOSPC). */
export function fillDisk(file: string): void {
  const chunk = Buffer.alloc(4096, 1);
  const fd = openSync(file, "a");
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
}
