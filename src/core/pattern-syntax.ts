// The phrase language content leads write in rule files. It stays small, so that a pattern
// reads like the sentence it catches, yet reaches the constructions real replies use:
//   word          a literal word (case, apostrophes, ş/ș and the language's own folds ignored)
//   word~         the word in any inflection (the language's Snowball stemmer): kontakta~
//   word*         any word starting with "word" (at least three letters before the star)
//   [a|b c|d]     one of the alternatives; an empty alternative ([a|]) makes it optional
//   (a b)         optional words
//   <a b c>       the parts in any order: <kan vi> inte is "kan vi inte" and "vi kan inte"
//   _             any one word or placeholder
//   ..  ..N       up to three (or N, at most 6) words of any kind, never across a sentence
//   @list         any phrase of a named list (the language's shared classes, the rule's own)
//   {name}        a capture: a placeholder, or one word with up to two determiners before it
//   {name:list}   a capture restricted to the phrases of a named list
//   {name!list}   a free capture that may not start with a phrase of the list ("us", "our team")
//   ^ at the start    the phrase must open its sentence
//   ? at the end      the sentence must be a question
// The matcher weaves the parsed tree into its trie (trie.ts); nothing is multiplied out. The
// checks a phrase must pass are in pattern-checks.ts.
import { foldWord } from './normalize';

export type Item =
  | { t: 'word'; w: string }
  | { t: 'prefix'; p: string }
  /** `word~`: `w` is the folded word; the matcher compares stems. */
  | { t: 'stem'; w: string }
  | { t: 'any' }
  /** `..N`: zero to `max` words of any kind. */
  | { t: 'gap'; max: number }
  /** `@list`: one phrase of the list, not captured. */
  | { t: 'ref'; list: string }
  | { t: 'cap'; name: string; list?: string; except?: string }
  /** `^`: only as the first item — the match must open its sentence. */
  | { t: 'start' }
  /** A trailing `?`: only as the last item — the sentence must end with a question mark. */
  | { t: 'question' };

export type Sequence = Item[];

export class PatternError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

/** Brackets inside brackets deeper than this are unreadable, and would recurse without end. */
export const MAX_NESTING = 12;
/** Longest pattern source: a phrase is a sentence, not a document. */
export const MAX_PATTERN_LENGTH = 2000;
/** At most this many parts may move freely inside < >: 4 parts are 24 orders. */
export const MAX_FREE_PARTS = 4;
export const MAX_GAP = 6;
const DEFAULT_GAP = 3;

export type Node = { k: 'item'; item: Item } | { k: 'alt'; options: Node[][] };

const NAME = '[A-Za-z][\\w-]*';
const CAPTURE = new RegExp(`^(${NAME})(?:([:!])(${NAME}))?$`);

export function parsePattern(full: string): Node[] {
  if (full.length > MAX_PATTERN_LENGTH) {
    throw new PatternError(`the phrase is over ${MAX_PATTERN_LENGTH} characters — split it into several patterns`, 0);
  }
  // A trailing "?" asks for a question; it is not a word of its own.
  const question = /\?\s*$/.test(full);
  const parser = new Parser(question ? full.replace(/\?\s*$/, '') : full);
  const nodes = parser.parse();
  if (question) nodes.push({ k: 'item', item: { t: 'question' } });
  return nodes;
}

/** A recursive-descent reader over one phrase; `i` is where it has got to. */
class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly source: string) {}

  parse(): Node[] {
    const { source } = this;
    const nodes = this.sequence('');
    if (this.i < source.length) throw unopened(source[this.i], this.i);
    if (nodes.length === 0) throw new PatternError('the phrase is empty — write the words it should catch', 0);
    const startAt = nodes.findIndex((nd) => nd.k === 'item' && nd.item.t === 'start');
    if (startAt > 0 || nodes.some((nd, k) => k !== startAt && containsStart(nd))) {
      throw new PatternError(
        '"^" means "at the start of a sentence" and may only open the phrase — move it to the front or remove it',
        source.indexOf('^'),
      );
    }
    const edge = [nodes[startAt === 0 ? 1 : 0], nodes[nodes.length - 1]];
    if (edge.some((nd) => nd && nd.k === 'item' && nd.item.t === 'gap')) {
      throw new PatternError('".." stands between words — a phrase may not start or end with it', source.indexOf('..'));
    }
    return nodes;
  }

  private sequence(closers: string): Node[] {
    const { source } = this;
    const nodes: Node[] = [];
    for (;;) {
      while (this.i < source.length && /\s/.test(source[this.i])) this.i++;
      if (this.i >= source.length) return nodes;
      const ch = source[this.i];
      if (closers.includes(ch)) return nodes;
      if (ch === '[') nodes.push({ k: 'alt', options: this.group('[', ']', 'the last alternative') });
      else if (ch === '(') nodes.push(this.optional());
      else if (ch === '<') nodes.push(this.freeOrder());
      else if (ch === '{') nodes.push({ k: 'item', item: this.capture() });
      else if (']})|>'.includes(ch)) throw unopened(ch, this.i);
      else {
        let start = this.i;
        // "^nee" is "^ nee": the anchor needs no space after it (it read as a word "^nee" once).
        if (ch === '^' && /[^\s[\](){}|<>]/.test(source[start + 1] ?? ' ')) {
          nodes.push({ k: 'item', item: { t: 'start' } });
          start = ++this.i;
        }
        while (this.i < source.length && !/[\s[\](){}|<>]/.test(source[this.i])) this.i++;
        nodes.push({ k: 'item', item: wordItem(source.slice(start, this.i), start) });
      }
    }
  }

  private enter(at: number) {
    if (++this.depth > MAX_NESTING) {
      throw new PatternError(`brackets are nested more than ${MAX_NESTING} deep — write the phrase flatter`, at);
    }
  }

  // "a b|c|d e" up to (not past) the closing bracket: one list of nodes per alternative.
  private options(close: string, open: number): Node[][] {
    this.enter(open);
    const options: Node[][] = [this.sequence(`|${close}`)];
    while (this.source[this.i] === '|') {
      this.i++;
      options.push(this.sequence(`|${close}`));
    }
    this.depth--;
    return options;
  }

  private group(open: string, close: string, what: string): Node[][] {
    const at = this.i++;
    const options = this.options(close, at);
    if (this.source[this.i] !== close)
      throw new PatternError(`"${open}" is never closed — add "${close}" after ${what}`, at);
    this.i++;
    return options;
  }

  // (a b) is optional; (a|b) is "a, b or nothing", the same as [a|b|].
  private optional(): Node {
    const at = this.i;
    const options = this.group('(', ')', 'the optional words');
    if (options.every((o) => o.length === 0)) {
      throw new PatternError('"()" holds nothing — remove it or put the optional words inside', at);
    }
    return { k: 'alt', options: [...options, []] };
  }

  // <a [b|c] d>: each part (a word, a group, a capture) may stand in any place.
  private freeOrder(): Node {
    const at = this.i++;
    this.enter(at);
    const parts = this.sequence('>|');
    this.depth--;
    if (this.source[this.i] === '|') {
      throw new PatternError('"|" cannot stand directly inside < > — put the alternatives in [ ]', this.i);
    }
    if (this.source[this.i] !== '>')
      throw new PatternError('"<" is never closed — add ">" after the words that may move', at);
    this.i++;
    if (parts.length < 2) throw new PatternError('"< >" needs at least two parts that may change places', at);
    if (parts.length > MAX_FREE_PARTS) {
      throw new PatternError(`"< >" may hold at most ${MAX_FREE_PARTS} parts (they stand for every order)`, at);
    }
    if (parts.some((p) => p.k === 'item' && (p.item.t === 'gap' || p.item.t === 'start'))) {
      throw new PatternError('"< >" holds words, groups and captures — not ".." or "^"', at);
    }
    return { k: 'alt', options: permutations(parts) };
  }

  private capture(): Item {
    const open = this.i;
    const close = this.source.indexOf('}', this.i);
    if (close < 0) throw new PatternError('"{" is never closed — write a capture as {name}', open);
    const body = this.source.slice(this.i + 1, close).trim();
    const m = CAPTURE.exec(body);
    if (!m) {
      throw new PatternError(
        `"{${body}}" is not a capture — write {name}, {name:list} or {name!list}; letters, digits, "-" and "_" only`,
        open,
      );
    }
    this.i = close + 1;
    if (m[2] === '!') return { t: 'cap', name: m[1], except: m[3] };
    return { t: 'cap', name: m[1], list: m[3] };
  }
}

function unopened(ch: string, at: number): PatternError {
  return new PatternError(`"${ch}" has no opening partner here — remove it, or add the matching opener`, at);
}

function permutations(parts: Node[]): Node[][] {
  if (parts.length <= 1) return [parts];
  const out: Node[][] = [];
  parts.forEach((p, k) => {
    for (const rest of permutations([...parts.slice(0, k), ...parts.slice(k + 1)])) out.push([p, ...rest]);
  });
  return out;
}

function containsStart(node: Node): boolean {
  return node.k === 'item' ? node.item.t === 'start' : node.options.some((o) => o.some(containsStart));
}

// Punctuation at a word's edges is ignored in documents, so it is ignored in patterns too.
const EDGE_PUNCT = /^[.,;:!?"“”«»]+|[.,;:!?"“”«»]+$/g;

export function normaliseToken(word: string): string {
  return foldWord(word).replace(EDGE_PUNCT, '');
}

function wordItem(raw: string, index: number): Item {
  if (raw === '_') return { t: 'any' };
  if (raw === '^') return { t: 'start' };
  const gap = /^\.\.(\d*)$/.exec(raw);
  if (gap) {
    const max = gap[1] ? Number(gap[1]) : DEFAULT_GAP;
    if (max < 1 || max > MAX_GAP) throw new PatternError(`"${raw}": a gap spans 1 to ${MAX_GAP} words`, index);
    return { t: 'gap', max };
  }
  if (raw.startsWith('@')) {
    if (!new RegExp(`^@${NAME}$`).test(raw)) throw new PatternError(`"${raw}": write a list as @name`, index);
    return { t: 'ref', list: raw.slice(1) };
  }
  if (raw.includes('^')) {
    throw new PatternError(
      `"${raw}": "^" opens the phrase ("^ word"); it cannot stand inside a word`,
      index + raw.indexOf('^'),
    );
  }
  if (raw.includes('?')) {
    throw new PatternError(
      `"${raw}": a "?" means "in a question" and may only end the phrase — move it to the end or remove it`,
      index,
    );
  }
  if (raw.endsWith('*') || raw.endsWith('~')) {
    const mark = raw[raw.length - 1];
    const w = normaliseToken(raw.slice(0, -1));
    if (/[*~]/.test(w)) throw new PatternError(`"${raw}": "*" and "~" may only end a word, once`, index);
    const min = mark === '*' ? 3 : 2;
    if ([...w].length < min) {
      throw new PatternError(
        `"${raw}": a word with "${mark}" needs at least ${min} letters, or it matches far too much`,
        index,
      );
    }
    return mark === '*' ? { t: 'prefix', p: w } : { t: 'stem', w };
  }
  if (/[*~]/.test(raw)) throw new PatternError(`"${raw}": "*" and "~" may only end a word`, index);
  const w = normaliseToken(raw);
  if (!w) {
    throw new PatternError(
      `"${raw}" is only punctuation — punctuation is ignored when matching, so leave it out`,
      index,
    );
  }
  return { t: 'word', w };
}
