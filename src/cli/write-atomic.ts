// --fix writes a file without losing anyone's bytes. The new text goes to a temporary file in
// the same folder first (a full disk fails there, leaving the original whole). Then the file
// is checked again: if someone saved it since we read it, their save wins and we say so. Only
// then does the new text take the file's place, by a rename when that keeps the file's owner,
// group and mode, or written into the file itself when a rename would split hard links or
// hand the file to whoever runs warmly. Symbolic links and read-only files are left alone.
// Nothing here throws: every outcome is a value the caller reports, and the run goes on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeText, type TextEncoding } from './read-input';

export interface Expected {
  mtimeMs: number;
  size: number;
  mode: number;
  bom: boolean;
  /** How the file was encoded when read (UTF-8 when not given): it is written back the same way. */
  encoding?: TextEncoding;
  /** The text as it was read, to put back if a write into the file fails half-way. */
  text?: string;
}

export type WriteOutcome = 'written' | 'changed-on-disk' | { problem: string };

/** For tests: runs after the temporary file is written, before the file is checked again. */
export interface WriteHooks {
  afterTempWritten?: () => void;
}

export function writeAtomic(file: string, text: string, expected: Expected, hooks: WriteHooks = {}): WriteOutcome {
  let before: fs.Stats;
  try {
    before = fs.lstatSync(file);
  } catch (e) {
    return { problem: `it is gone (${code(e)})` };
  }
  if (before.isSymbolicLink())
    return { problem: `it is a symbolic link (to ${linkTarget(file)}) — name the file it points to, to fix that` };
  if (!before.isFile()) return { problem: 'it is not a regular file' };
  if ((before.mode & 0o200) === 0) return { problem: 'it is read-only — make it writable to fix it' };
  if (changed(before, expected)) return 'changed-on-disk';
  const bytes = encodeText(text, expected.encoding, expected.bom);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.warmly-${process.pid}-${Date.now()}.tmp`);
  try {
    writeNew(tmp, bytes, before.mode & 0o7777);
    hooks.afterTempWritten?.();
    const now = fs.lstatSync(file);
    if (!now.isFile() || changed(now, expected) || now.ino !== before.ino) return 'changed-on-disk';
    if (now.nlink > 1 || !sameOwner(tmp, now)) {
      writeInPlace(file, bytes, expected);
      return 'written';
    }
    fs.renameSync(tmp, file);
    return 'written';
  } catch (e) {
    return { problem: `the write failed (${code(e)}); the file is as it was` };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The note for a file that was not written, or undefined when it was. */
export function writeNote(rel: string, outcome: WriteOutcome): string | undefined {
  if (outcome === 'written') return undefined;
  if (outcome === 'changed-on-disk')
    return `${rel}: changed on disk while warmly was fixing it — not written; run --fix again`;
  return `${rel}: not fixed: ${outcome.problem}`;
}

function changed(stat: fs.Stats, expected: Expected): boolean {
  return stat.mtimeMs !== expected.mtimeMs || stat.size !== expected.size;
}

function writeNew(tmp: string, bytes: Buffer, mode: number): void {
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.writeFileSync(fd, bytes);
    fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Gives the temporary file the original's owner and group; false when that is not allowed. */
function sameOwner(tmp: string, original: fs.Stats): boolean {
  const mine = fs.statSync(tmp);
  if (mine.uid === original.uid && mine.gid === original.gid) return true;
  try {
    fs.chownSync(tmp, original.uid, original.gid);
    fs.chmodSync(tmp, original.mode & 0o7777);
    return true;
  } catch {
    return false;
  }
}

// Into the file itself: the inode, and so its links, owner and mode, stay. The temporary file
// already proved the disk has room; if the write still fails, the old text goes back.
function writeInPlace(file: string, bytes: Buffer, expected: Expected): void {
  const fd = fs.openSync(file, 'r+');
  try {
    try {
      fs.writeSync(fd, bytes, 0, bytes.length, 0);
      fs.ftruncateSync(fd, bytes.length);
      fs.fsyncSync(fd);
    } catch (e) {
      if (expected.text !== undefined) {
        const old = encodeText(expected.text, expected.encoding, expected.bom);
        fs.writeSync(fd, old, 0, old.length, 0);
        fs.ftruncateSync(fd, old.length);
      }
      throw e;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function linkTarget(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return 'somewhere';
  }
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}
