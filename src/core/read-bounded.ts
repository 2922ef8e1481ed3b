// Every file Warmly reads on its own account (config, rule and language files, the ignore file,
// the cache, the files to lint) goes through here: regular files only, and never more than a
// cap. A name can point anywhere: at /dev/zero (endless bytes), at a FIFO (a read that never
// returns) or at a file that grows while it is read. The file is opened without blocking, the
// open file itself is checked (not just the name, which could be swapped in between), and at
// most cap + 1 bytes are read, so none of these can hang a run or exhaust memory.
import * as fs from 'node:fs';

export type Refused = {
  ok: false;
  reason: string;
  code?: string /** Bytes seen, when the file was too big. */;
  size?: number;
};
export type Bounded = { ok: true; bytes: Buffer; stat: fs.Stats } | Refused;

const MB = 1024 * 1024;

export function readBounded(file: string, maxBytes: number): Bounded {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return failure(e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'it is a folder, not a file', code: 'EISDIR' };
    if (!stat.isFile())
      return { ok: false, reason: 'it is not a regular file (a device, FIFO or socket)', code: 'ENOTFILE' };
    if (stat.size > maxBytes) return tooBig(stat.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total, 0) + 1, maxBytes + 1 - total, 4 * MB));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return tooBig(total, maxBytes);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total), stat };
  } catch (e) {
    return failure(e);
  } finally {
    fs.closeSync(fd);
  }
}

/** A UTF-8 text file with its BOM removed, or why it was not read. */
export function readBoundedText(file: string, maxBytes: number): { ok: true; text: string } | Refused {
  const r = readBounded(file, maxBytes);
  if (!r.ok) return r;
  return { ok: true, text: r.bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

function tooBig(size: number, maxBytes: number): Bounded {
  const mb = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  return {
    ok: false,
    reason: `it is over the ${mb(maxBytes)} limit for this kind of file (${mb(size)} or more)`,
    code: 'EFBIG',
    size,
  };
}

function failure(e: unknown): Bounded {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : (code ?? String(e));
  return { ok: false, reason, code };
}
