// Reading a file to lint: text only, and never a crash or a hang. UTF-8, and UTF-16 when a
// byte order mark says so (Windows tools write it); binary files and non-regular files (a FIFO,
// a device) are skipped with a note; invalid text is refused rather than guessed at (a guess
// could corrupt --fix). The encoding is kept so that --fix writes the file back the same way.
import { readBounded } from '../core/read-bounded';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type Input =
  | { kind: 'text'; text: string; bom: boolean; encoding: TextEncoding; mtimeMs: number; size: number; mode: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; reason: string };

/** Larger files are refused: a reply template is never this big, a log file often is. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const decoders: Record<TextEncoding, TextDecoder> = {
  'utf-8': new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }),
  'utf-16le': new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }),
  'utf-16be': new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }),
};

export function readInput(file: string): Input {
  const r = readBounded(file, MAX_INPUT_BYTES);
  if (r.ok) return decode(r.bytes, r.stat);
  if (r.code === 'EFBIG')
    return {
      kind: 'skipped',
      reason: `${((r.size ?? 0) / 1048576).toFixed(0)} MB is larger than the ${MAX_INPUT_BYTES / 1048576} MB a reply template can be; split it to lint it`,
    };
  if (r.code === 'ENOTFILE') return { kind: 'skipped', reason: r.reason };
  return { kind: 'error', reason: r.code === 'EISDIR' ? 'is a directory' : r.reason };
}

/**
 * The encoding a byte order mark announces; UTF-8 without one. FF FE also starts many binary
 * files, so UTF-16 is taken only when it reads as the languages Warmly lints: most of its
 * first characters Latin letters, digits, punctuation or spaces (below U+0300).
 */
function encodingOf(bytes: Uint8Array): TextEncoding {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if ((!le && !be) || bytes.length % 2 !== 0) return 'utf-8';
  let latin = 0;
  const units = Math.min((bytes.length - 2) / 2, 4096);
  for (let i = 0; i < units; i++) {
    const high = bytes[2 + 2 * i + (le ? 1 : 0)];
    if (high < 0x03) latin++;
  }
  return units > 0 && latin >= units / 2 ? (le ? 'utf-16le' : 'utf-16be') : 'utf-8';
}

export function decode(
  bytes: Uint8Array,
  stat: { mtimeMs: number; size: number; mode: number } = { mtimeMs: 0, size: bytes.length, mode: 0o644 },
): Input {
  const encoding = encodingOf(bytes);
  // UTF-16 text is full of zero bytes; only in UTF-8 does a zero byte mean a binary file.
  if (encoding === 'utf-8' && bytes.subarray(0, 8192).includes(0)) return { kind: 'skipped', reason: 'binary file' };
  let text: string;
  try {
    text = decoders[encoding].decode(bytes);
  } catch {
    return {
      kind: 'skipped',
      reason:
        encoding === 'utf-8'
          ? 'not valid UTF-8 (save it as UTF-8 to lint it)'
          : `not valid ${encoding.toUpperCase()} text`,
    };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  // A text file with NUL characters in it is still no reply template.
  if (encoding !== 'utf-8' && text.slice(0, 8192).includes('\u0000')) return { kind: 'skipped', reason: 'binary file' };
  return {
    kind: 'text',
    text: bom ? text.slice(1) : text,
    bom,
    encoding,
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    mode: stat.mode,
  };
}

/** The bytes of a text in the encoding it was read in, with its byte order mark if it had one. */
export function encodeText(text: string, encoding: TextEncoding = 'utf-8', bom = false): Buffer {
  const full = (bom ? '\uFEFF' : '') + text;
  if (encoding === 'utf-8') return Buffer.from(full, 'utf8');
  const le = Buffer.from(full, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}
