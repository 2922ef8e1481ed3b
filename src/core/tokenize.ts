// Parses prose with retext (unified) into nlcst and flattens it to the word stream the matcher
// walks, one paragraph at a time. Parsing is the expensive step, so lint.ts parses a paragraph
// only when a cheap scan says some pattern could match in it (`mayMatch` in matcher.ts, from the
// anchors in anchors.ts), and an editor's memo (chunk-memo.ts) skips the paragraphs it has seen.
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextDutch from 'retext-dutch';
import retextLatin from 'retext-latin';
import type { Root, Paragraph, Sentence, Word } from 'nlcst';
import { normaliseToken } from './pattern-syntax';

export type ParserName = 'english' | 'dutch' | 'latin';

export interface Token {
  /** Folded text used for matching. */
  norm: string;
  start: number;
  end: number;
  /** Sentence number: a match never spans two sentences. */
  sentence: number;
  placeholder: boolean;
  /** The token's sentence ends with a question mark. */
  question: boolean;
  /** Only white space stands between this token and the one before it (no comma, dash or quote). */
  afterSpace?: boolean;
}

type Parse = (text: string) => Root;
const parsers = new Map<ParserName, Parse>();

function parserFor(name: ParserName): Parse {
  let parse = parsers.get(name);
  if (!parse) {
    const plugin = name === 'english' ? retextEnglish : name === 'dutch' ? retextDutch : retextLatin;
    const processor = unified().use(plugin);
    parse = (text: string) => processor.parse(text) as Root;
    parsers.set(name, parse);
  }
  return parse;
}

const PARAGRAPH_BREAK = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/g;

/**
 * The stretches of prose parsed one at a time: each paragraph (cut further where one is longer
 * than any real paragraph). No sentence, so no match, crosses a paragraph break, so callers can
 * match each stretch on its own, drop its tokens (memory stays flat however long the document
 * is) and keep what a stretch gave for the next lint of the same words (chunk-memo.ts).
 */
export function proseChunks(prose: string): Array<[number, number]> {
  const breaks = new RegExp(PARAGRAPH_BREAK.source, 'g');
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let m = breaks.exec(prose); m; m = breaks.exec(prose)) {
    out.push(...chunks(prose, from, m.index));
    from = m.index + m[0].length;
  }
  out.push(...chunks(prose, from, prose.length));
  return out;
}

/**
 * The words of one stretch of prose, with offsets and sentence numbers relative to it, so the
 * same words give the same tokens wherever they stand. `placeholders` are relative too.
 */
export function chunkTokens(
  text: string,
  placeholders: Array<[number, number]>,
  parser: ParserName,
  abbreviations: ReadonlySet<string> = NO_WORDS,
): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  for (const para of parserFor(parser)(text).children) {
    if (para.type !== 'ParagraphNode') continue;
    for (const sent of (para as Paragraph).children) {
      if (sent.type !== 'SentenceNode') continue;
      if (!continuesAfterAbbreviation(text, tokens, abbreviations)) sentence++;
      const firstOfSentence = tokens.length;
      for (const node of (sent as Sentence).children) {
        if (node.type !== 'WordNode') continue;
        const pos = node.position;
        if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
        const s = pos.start.offset;
        const e = pos.end.offset;
        const isPlaceholder = overlapsAny(placeholders, s, e);
        const prev = tokens.length > firstOfSentence ? tokens[tokens.length - 1].end : s;
        tokens.push({
          norm: isPlaceholder ? '' : normaliseToken(wordText(node as Word)),
          start: s,
          end: e,
          sentence,
          placeholder: isPlaceholder,
          question: false,
          afterSpace: /^\s*$/.test(text.slice(prev, s)),
        });
      }
      if (isQuestion(sent as Sentence)) for (let k = firstOfSentence; k < tokens.length; k++) tokens[k].question = true;
    }
  }
  return tokens;
}

const NO_WORDS: ReadonlySet<string> = new Set();

// The parser ends a sentence at "kl." in "før kl. 12, ville…": when the last word was one of the
// language's abbreviations, right before its full stop, and a number or a small letter comes
// next, the sentence goes on.
function continuesAfterAbbreviation(text: string, tokens: Token[], abbreviations: ReadonlySet<string>): boolean {
  const last = tokens[tokens.length - 1];
  if (!last || abbreviations.size === 0 || text[last.end] !== '.' || !abbreviations.has(last.norm)) return false;
  return /^\s+[\p{Ll}\d]/u.test(text.slice(last.end + 1, last.end + 8));
}

/**
 * Index of the first range (in document order) that ends after `at`, found by binary search:
 * a long template has many chunks and slots.
 */
export function firstEndingAfter(ranges: Array<[number, number]>, at: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The placeholders that overlap [start, end), relative to start (both lists in document order). */
export function placeholdersIn(
  placeholders: Array<[number, number]>,
  start: number,
  end: number,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = firstEndingAfter(placeholders, start); k < placeholders.length && placeholders[k][0] < end; k++)
    out.push([placeholders[k][0] - start, placeholders[k][1] - start]);
  return out;
}

/** Longest stretch handed to the parser at once: its word merging slows down on huge ones. */
const MAX_CHUNK = 4000;

// A paragraph longer than any real one (a whole file on one line) is cut after a sentence end,
// else a line break, else a space, so parsing stays linear in the length of the text.
function chunks(prose: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  while (end - from > MAX_CHUNK) {
    const window = prose.slice(from, from + MAX_CHUNK);
    let cut =
      Math.max(lastMatch(window, /[.!?]["')\]]*\s/g), window.lastIndexOf('\n') + 1, 0) ||
      window.lastIndexOf(' ') + 1 ||
      MAX_CHUNK;
    // Never between the two halves of a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(prose[from + cut - 1] ?? '')) cut--;
    out.push([from, from + cut]);
    from += cut;
  }
  out.push([from, end]);
  return out;
}

function lastMatch(text: string, re: RegExp): number {
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index + m[0].length;
  return last;
}

function isQuestion(sentence: Sentence): boolean {
  for (let k = sentence.children.length - 1; k >= 0; k--) {
    const node = sentence.children[k];
    if (node.type === 'WhiteSpaceNode') continue;
    return (node.type === 'PunctuationNode' || node.type === 'SymbolNode') && /[?？]/.test(node.value);
  }
  return false;
}

function wordText(word: Word): string {
  let s = '';
  for (const child of word.children) if ('value' in child) s += child.value;
  return s;
}

function overlapsAny(ranges: Array<[number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid];
    if (e <= start) lo = mid + 1;
    else if (s >= end) hi = mid - 1;
    else return true;
  }
  return false;
}
