// The Markdown parts of prose extraction, each as one forward scan: fenced blocks, code spans,
// images, link targets and the markers around emphasised or linked words. Regular expressions
// with open-ended repeats re-scan the rest of a line from every opener, so a line of 100,000
// backticks or "![" took minutes; here every character is looked at a bounded number of times.

/** Raises the kind of [start, end) to "not prose". */
export type Mask = (start: number, end: number) => void;

/**
 * The next index at or after `from` where `re` (global, one character) matches, or the text's
 * length. Calls must not go backwards: the last answer is reused while it still lies ahead, so
 * a whole scan costs one pass over the text.
 */
function finder(source: string, re: RegExp): (from: number) => number {
  let at = -1;
  let asked = -1;
  return (from) => {
    if (from > at || from < asked) {
      re.lastIndex = from;
      const m = re.exec(source);
      at = m ? m.index : source.length;
    }
    asked = from;
    return at;
  };
}

/** ``` and ~~~ blocks: to the closing fence (same character, at least as long), else to the end. */
export function fencedBlocks(source: string, mask: Mask): void {
  const n = source.length;
  const opener = /^ {0,3}(`{3,}|~{3,})/;
  let i = 0;
  while (i < n) {
    const eol = lineEnd(source, i);
    const m = eol < n ? opener.exec(source.slice(i, Math.min(eol, i + 3 + 1024))) : null;
    if (!m) {
      i = eol + 1;
      continue;
    }
    const fence = m[1];
    let j = eol + 1;
    let closed = -1;
    while (j <= n && closed < 0) {
      const e = lineEnd(source, j);
      if (isCloser(source.slice(j, e), fence)) closed = e;
      else j = e + 1;
    }
    const end = closed >= 0 ? (source[closed - 1] === '\r' ? closed - 1 : closed) : n;
    mask(i, end);
    i = closed >= 0 ? closed + 1 : n;
  }
}

function lineEnd(source: string, from: number): number {
  const e = source.indexOf('\n', from);
  return e < 0 ? source.length : e;
}

function isCloser(line: string, fence: string): boolean {
  const t = line.replace(/\r$/, '');
  let k = 0;
  while (k < 3 && t[k] === ' ') k++;
  let run = 0;
  while (t[k + run] === fence[0]) run++;
  return run >= fence.length && /^[`~]*[ \t]*$/.test(t.slice(k + run));
}

/** Longest code span taken as code: a stray backtick must not hide a page of prose. */
const MAX_SPAN = 1000;

/**
 * Code spans as CommonMark pairs them: a run of n backticks up to the next run of exactly n,
 * never across a blank line. Runs are listed once and each length keeps a pointer into its
 * own list, so finding a closer never re-reads the text.
 */
export function codeSpans(source: string, mask: Mask): void {
  const starts: number[] = [];
  const lengths: number[] = [];
  const byLength = new Map<number, number[]>();
  const runs = /`+/g;
  for (let m = runs.exec(source); m; m = runs.exec(source)) {
    appendTo(byLength, m[0].length, starts.length);
    starts.push(m.index);
    lengths.push(m[0].length);
  }
  const pointer = new Map<number, number>();
  const nextBlank = finder(source, /\n[ \t]*\r?\n/g);
  let i = 0;
  while (i < starts.length) {
    const len = lengths[i];
    const list = byLength.get(len)!;
    let p = pointer.get(len) ?? 0;
    while (p < list.length && list[p] <= i) p++;
    pointer.set(len, p);
    const j = list[p];
    const from = starts[i] + len;
    if (j !== undefined && starts[j] - from <= MAX_SPAN && nextBlank(from) >= starts[j]) {
      mask(starts[i], starts[j] + len);
      i = j + 1;
    } else i++;
  }
}

function appendTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `![alt](src)`: the whole image is not prose. */
export function images(source: string, mask: Mask): void {
  const closeBracket = finder(source, /[\]\n]/g);
  const closeParen = finder(source, /[)\n]/g);
  for (let i = source.indexOf('!['); i >= 0; ) {
    let from = i + 1;
    const j = closeBracket(i + 2);
    if (source[j] === ']' && source[j + 1] === '(') {
      const k = closeParen(j + 2);
      if (source[k] === ')') {
        mask(i, k + 1);
        from = k + 1;
      }
    }
    i = source.indexOf('![', from);
  }
}

/**
 * `[text](target)` and `[text][ref]`: the target or reference is not prose, and neither is the
 * `[` that opens the link text. The words stay prose, so phrases still match inside a link,
 * but a rewrite of a span holding the bracket would cut the link in two (see lint.ts).
 */
export function links(source: string, mask: Mask): void {
  const closeBracket = finder(source, /[\]\n]/g);
  const closeParen = finder(source, /[)\n]/g);
  const open: number[] = [];
  const scan = /[[\]\n]/g;
  for (let m = scan.exec(source); m; m = scan.exec(source)) {
    const p = m.index;
    if (source[p] === '\n') open.length = 0;
    else if (source[p] === '[') open.push(p);
    else {
      const opener = open.pop();
      let end = -1;
      if (source[p + 1] === '(') {
        const k = closeParen(p + 2);
        if (source[k] === ')') end = k + 1;
      } else if (source[p + 1] === '[') {
        const k = closeBracket(p + 2);
        if (source[k] === ']') end = k + 1;
      }
      if (end < 0) continue;
      mask(p, end);
      if (opener !== undefined) mask(opener, opener + 1);
      open.length = 0;
      scan.lastIndex = end;
    }
  }
}

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Emphasis and strikethrough markers (`**`, `*`, `__`, `_`, `~~`) that open or close a run of
 * words, by CommonMark's flanking rule. A marker between two letters ("snake_case", "a*b") is
 * left alone, as is one with space on both sides ("5 * 3"). `isProse` keeps placeholders,
 * code and addresses whole: only characters still counted as prose are masked.
 */
export function emphasisMarkers(source: string, mask: Mask, isProse: (i: number) => boolean): void {
  const runs = /\*+|_+|~+/g;
  for (let m = runs.exec(source); m; m = runs.exec(source)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0][0] === '~' && m[0].length !== 2) continue;
    const prev = source[start - 1];
    const next = source[end];
    const wsPrev = prev === undefined || WHITESPACE.test(prev);
    const wsNext = next === undefined || WHITESPACE.test(next);
    const punctPrev = prev !== undefined && PUNCTUATION.test(prev);
    const punctNext = next !== undefined && PUNCTUATION.test(next);
    const left = !wsNext && (!punctNext || wsPrev || punctPrev);
    const right = !wsPrev && (!punctPrev || wsNext || punctNext);
    if (left === right) continue;
    for (let i = start; i < end; i++) if (isProse(i)) mask(i, i + 1);
  }
}

/** `[ref]: target` lines: a link definition is not prose. */
export function linkDefinitions(source: string, mask: Mask): void {
  const def = /^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*\S.*$/gm;
  for (let m = def.exec(source); m; m = def.exec(source)) mask(m.index, m.index + m[0].length);
}
