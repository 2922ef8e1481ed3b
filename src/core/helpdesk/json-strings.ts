// JSON string literals, read and written without disturbing their neighbours. Decoding keeps,
// for every UTF-16 unit of the value, the offset of the escape it came from, so a finding in
// the value maps to an exact line and column of the file; encoding escapes only what JSON
// requires, so a rewrite inserted into a literal leaves the rest of it byte-identical.

/** Decodes the inside of a JSON string literal that starts at `start` in `file` (after the quote). */
export function decodeJsonString(file: string, start: number, end: number): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const at = i;
    const ch = file[i];
    if (ch !== '\\') {
      text += ch;
      offsets.push(at);
      i++;
      continue;
    }
    const esc = file[i + 1];
    if (esc === 'u') {
      text += String.fromCharCode(parseInt(file.slice(i + 2, i + 6), 16));
      offsets.push(at);
      i += 6;
      continue;
    }
    text += SIMPLE_DECODE[esc] ?? esc;
    offsets.push(at);
    i += 2;
  }
  offsets.push(end);
  return { text, offsets };
}

const SIMPLE_DECODE: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  '\\': '\\',
  '/': '/',
};

/** Escapes text for the inside of a JSON string literal (what JSON.stringify would write). */
export function encodeJsonString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * How deeply arrays and objects nest in a JSON text, counted up to `limit + 1` (then it stops):
 * one pass that skips string literals, so a file can be refused before a recursive parser
 * overflows its stack on it.
 */
export function jsonDepth(source: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 0x22) {
      for (i++; i < source.length && source.charCodeAt(i) !== 0x22; i++) if (source.charCodeAt(i) === 0x5c) i++;
    } else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}
