// Reading a file to lint: text only, UTF-8 only, and never a crash. Binary files are skipped
// with a note; invalid UTF-8 is refused rather than guessed at (a guess could corrupt --fix).
import * as fs from 'node:fs';

export type Input =
  | { kind: 'text'; text: string; bom: boolean; mtimeMs: number; size: number; mode: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; reason: string };

/** Larger files are refused: a reply template is never this big, a log file often is. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readInput(file: string): Input {
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.statSync(file);
    if (stat.size > MAX_INPUT_BYTES) return { kind: 'skipped', reason: `${(stat.size / 1048576).toFixed(0)} MB is larger than the ${MAX_INPUT_BYTES / 1048576} MB a reply template can be; split it to lint it` };
    bytes = fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { kind: 'error', reason: err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : String(err.code ?? err.message) };
  }
  return decode(bytes, stat);
}

export function decode(bytes: Uint8Array, stat: { mtimeMs: number; size: number; mode: number } = { mtimeMs: 0, size: bytes.length, mode: 0o644 }): Input {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { kind: 'skipped', reason: 'binary file' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { kind: 'skipped', reason: 'not valid UTF-8 (save it as UTF-8 to lint it)' };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { kind: 'text', text: bom ? text.slice(1) : text, bom, mtimeMs: stat.mtimeMs, size: stat.size, mode: stat.mode };
}
