// Addresses and handles in prose: URLs, e-mail addresses and @handles are names, not words, so
// each becomes one placeholder-like token that a fix never changes.

const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>()"'\]]+[^\s<>()"'\].,;:!?]|\bwww\.[^\s<>()"'\]]+[^\s<>()"'\].,;:!?]/g;
const HANDLE = /(?<![\w@.])@[A-Za-z0-9_]+/g;

/** Calls `found` with [start, end) of every URL, e-mail address and @handle in the text. */
export function addresses(source: string, found: (start: number, end: number) => void): void {
  for (const re of [WEB_ADDRESS, HANDLE]) {
    re.lastIndex = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) found(m.index, m.index + m[0].length);
  }
  emailAddresses(source, found);
}

const EMAIL_LOCAL = /[\w.+-]/;
const EMAIL_DOMAIN = /[\w-]/;

/**
 * `local@domain.tld` addresses, as /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/ finds them, but found from
 * each "@" outwards: the expression itself retries from every letter of a long word, and one
 * 200,000-letter word took 18 s.
 */
function emailAddresses(source: string, found: (start: number, end: number) => void): void {
  let consumed = 0;
  for (let at = source.indexOf('@'); at >= 0; at = source.indexOf('@', at + 1)) {
    let start = at;
    while (start > consumed && EMAIL_LOCAL.test(source[start - 1])) start--;
    if (start === at) continue;
    let end = at + 1;
    while (end < source.length && EMAIL_DOMAIN.test(source[end])) end++;
    if (end === at + 1) continue;
    let dots = 0;
    for (;;) {
      let k = end + 1;
      if (source[end] !== '.') break;
      while (k < source.length && EMAIL_DOMAIN.test(source[k])) k++;
      if (k === end + 1) break;
      end = k;
      dots++;
    }
    if (dots === 0) continue;
    found(start, end);
    consumed = end;
    at = end - 1;
  }
}
