// Where `report --out` writes, checked before any linting: not a folder, not a device, not
// under /proc or /sys, and at most a few missing folders to make (one at a time: a recursive
// mkdir under /proc never returned). The report goes to a temporary file and is renamed into
// place; if anything fails, the temporary file is removed and the reason is returned.
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_MISSING_FOLDERS = 8;
// statfs magic numbers of the kernel's virtual file systems: nothing can be saved there.
const VIRTUAL: Record<number, string> = {
  40864: '/proc',
  1650812274: '/sys',
  1684170528: 'debugfs',
  1953653091: 'tracefs',
};

/** Why the report cannot be written to `out`, or undefined when it can be tried. */
export function checkTarget(out: string): string | undefined {
  const stat = statOf(out);
  if (stat?.isDirectory()) return `${out} is a folder — name the report file, e.g. ${path.join(out, 'report.html')}`;
  if (stat && !stat.isFile()) return `${out} is not a regular file (a device, FIFO or socket)`;
  const { existing, missing } = nearestFolder(path.dirname(out));
  const where = statOf(existing);
  if (!where?.isDirectory()) return `${existing} is not a folder, so ${out} cannot be made`;
  if (missing.length > MAX_MISSING_FOLDERS)
    return `${missing.length} folders on the way to ${out} do not exist — create them first`;
  const fsName = virtualFileSystem(existing);
  if (fsName) return `${existing} is on ${fsName}, a virtual file system — write the report somewhere else`;
  try {
    fs.accessSync(existing, fs.constants.W_OK);
  } catch {
    return `cannot write in ${existing} (permission denied)`;
  }
  return undefined;
}

/** Writes the report; returns why it failed, or undefined. Nothing is left behind on failure. */
export function writeReport(out: string, html: string): string | undefined {
  const problem = checkTarget(out);
  if (problem) return problem;
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    for (const dir of nearestFolder(path.dirname(out)).missing.reverse()) fs.mkdirSync(dir);
    fs.writeFileSync(tmp, html);
    fs.renameSync(tmp, out);
    return undefined;
  } catch (e) {
    return `could not write ${out} (${(e as NodeJS.ErrnoException).code ?? e})`;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The nearest folder that exists, and the missing ones below it (nearest to `dir` first). */
function nearestFolder(dir: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!statOf(at) && path.dirname(at) !== at && missing.length <= MAX_MISSING_FOLDERS) {
    missing.push(at);
    at = path.dirname(at);
  }
  return { existing: at, missing };
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function virtualFileSystem(dir: string): string | undefined {
  try {
    return VIRTUAL[Number(fs.statfsSync(dir).type)];
  } catch {
    return undefined;
  }
}
