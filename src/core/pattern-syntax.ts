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
// The matcher weaves the parsed tree into its trie; nothing here is multiplied out except for
// the checks in test-rules, which are bounded.
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

/** Plain phrasings one pattern may stand for: each is a path in the trie, so this bounds its size. */
export const MAX_PHRASINGS = 20000;
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
  const source = question ? full.replace(/\?\s*$/, '') : full;
  let i = 0;
  let depth = 0;
  const n = source.length;

  const skipSpace = () => {
    while (i < n && /\s/.test(source[i])) i++;
  };

  // "a b|c|d e" up to (not past) the closing bracket: one list of nodes per alternative.
  function parseOptions(close: string, open: number): Node[][] {
    if (++depth > MAX_NESTING) {
      throw new PatternError(`brackets are nested more than ${MAX_NESTING} deep — write the phrase flatter`, open);
    }
    const options: Node[][] = [parseSeq(`|${close}`)];
    while (source[i] === '|') {
      i++;
      options.push(parseSeq(`|${close}`));
    }
    depth--;
    return options;
  }

  function group(open: string, close: string, what: string): Node[][] {
    const at = i++;
    const options = parseOptions(close, at);
    if (source[i] !== close) throw new PatternError(`"${open}" is never closed — add "${close}" after ${what}`, at);
    i++;
    return options;
  }

  function parseSeq(closers: string): Node[] {
    const nodes: Node[] = [];
    for (;;) {
      skipSpace();
      if (i >= n) return nodes;
      const ch = source[i];
      if (closers.includes(ch)) return nodes;
      if (ch === '[') {
        nodes.push({ k: 'alt', options: group('[', ']', 'the last alternative') });
      } else if (ch === '(') {
        // (a b) is optional; (a|b) is "a, b or nothing", the same as [a|b|].
        const at = i;
        const options = group('(', ')', 'the optional words');
        if (options.every((o) => o.length === 0)) {
          throw new PatternError('"()" holds nothing — remove it or put the optional words inside', at);
        }
        nodes.push({ k: 'alt', options: [...options, []] });
      } else if (ch === '<') {
        nodes.push(freeOrder());
      } else if (ch === '{') {
        nodes.push({ k: 'item', item: capture() });
      } else if (']})|>'.includes(ch)) {
        throw new PatternError(`"${ch}" has no opening partner here — remove it, or add the matching opener`, i);
      } else {
        const start = i;
        while (i < n && !/[\s[\](){}|<>]/.test(source[i])) i++;
        nodes.push({ k: 'item', item: wordItem(source.slice(start, i), start) });
      }
    }
  }

  // <a [b|c] d>: each part (a word, a group, a capture) may stand in any place.
  function freeOrder(): Node {
    const at = i++;
    if (++depth > MAX_NESTING) throw new PatternError(`brackets are nested more than ${MAX_NESTING} deep`, at);
    const parts = parseSeq('>|');
    depth--;
    if (source[i] === '|') throw new PatternError('"|" cannot stand directly inside < > — put the alternatives in [ ]', i);
    if (source[i] !== '>') throw new PatternError('"<" is never closed — add ">" after the words that may move', at);
    i++;
    if (parts.length < 2) throw new PatternError('"< >" needs at least two parts that may change places', at);
    if (parts.length > MAX_FREE_PARTS) {
      throw new PatternError(`"< >" may hold at most ${MAX_FREE_PARTS} parts (they stand for every order)`, at);
    }
    if (parts.some((p) => p.k === 'item' && (p.item.t === 'gap' || p.item.t === 'start'))) {
      throw new PatternError('"< >" holds words, groups and captures — not ".." or "^"', at);
    }
    return { k: 'alt', options: permutations(parts) };
  }

  function capture(): Item {
    const open = i;
    const close = source.indexOf('}', i);
    if (close < 0) throw new PatternError('"{" is never closed — write a capture as {name}', open);
    const body = source.slice(i + 1, close).trim();
    const m = CAPTURE.exec(body);
    if (!m) {
      throw new PatternError(
        `"{${body}}" is not a capture — write {name}, {name:list} or {name!list}; letters, digits, "-" and "_" only`,
        open,
      );
    }
    i = close + 1;
    if (m[2] === '!') return { t: 'cap', name: m[1], except: m[3] };
    return { t: 'cap', name: m[1], list: m[3] };
  }

  const nodes = parseSeq('');
  if (i < n) throw new PatternError(`"${source[i]}" has no opening partner here — remove it, or add the matching opener`, i);
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
  if (question) nodes.push({ k: 'item', item: { t: 'question' } });
  return nodes;
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
      throw new PatternError(`"${raw}": a word with "${mark}" needs at least ${min} letters, or it matches far too much`, index);
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

const LITERAL = new Set<Item['t']>(['word', 'prefix', 'stem', 'ref']);

/** How many plain phrasings the tree stands for, counted without building them (capped). */
export function countPhrasings(nodes: Node[]): number {
  let total = 1;
  for (const node of nodes) {
    if (node.k === 'alt') total *= node.options.reduce((sum, o) => sum + countPhrasings(o), 0);
    if (total > MAX_PHRASINGS) return MAX_PHRASINGS + 1;
  }
  return total;
}

/** Capture names present on every path through the tree. */
export function guaranteedCaptures(nodes: Node[]): Set<string> {
  const out = new Set<string>();
  for (const node of nodes) {
    if (node.k === 'item') {
      if (node.item.t === 'cap') out.add(node.item.name);
      continue;
    }
    const sets = node.options.map(guaranteedCaptures);
    for (const name of sets[0] ?? []) if (sets.every((s) => s.has(name))) out.add(name);
  }
  return out;
}

/** List names the tree refers to (in @list, {x:list} and {x!list}). */
export function listsOf(nodes: Node[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.k === 'alt') for (const o of node.options) listsOf(o, out);
    else if (node.item.t === 'ref') out.add(node.item.list);
    else if (node.item.t === 'cap' && (node.item.list || node.item.except)) out.add((node.item.list ?? node.item.except)!);
  }
  return out;
}

// Every path must hold a word to anchor on, and at least one required part.
function shapeProblem(nodes: Node[]): string | undefined {
  const minLength = (ns: Node[]): number =>
    ns.reduce((sum, nd) => sum + (nd.k === 'item' ? (nd.item.t === 'gap' ? 0 : 1) : Math.min(...nd.options.map(minLength))), 0);
  const literalOnEveryPath = (ns: Node[]): boolean =>
    ns.some((nd) => (nd.k === 'item' ? LITERAL.has(nd.item.t) : nd.options.every(literalOnEveryPath)));
  const body = nodes.filter((nd) => !(nd.k === 'item' && (nd.item.t === 'start' || nd.item.t === 'question')));
  if (minLength(nodes) === 0) {
    return 'every part of the phrase is optional, so it would match anywhere — make at least one word required';
  }
  if (body.length === 0 || minLength(body) === 0) {
    return '"^" and "?" need words between them — write the words the phrase should catch';
  }
  if (!literalOnEveryPath(body)) {
    return 'one phrasing has no literal word (only "_", ".." or captures), so it would match almost any text — add a word';
  }
  return undefined;
}

/** Parses and checks a pattern; the tree is what the matcher weaves into its trie. */
export function checkPattern(source: string): Node[] {
  const nodes = parsePattern(source);
  const problem = shapeProblem(nodes);
  if (problem) throw new PatternError(problem, 0);
  if (countPhrasings(nodes) > MAX_PHRASINGS) {
    throw new PatternError(`the alternatives stand for more than ${MAX_PHRASINGS} phrasings — split the pattern, or use @lists`, 0);
  }
  return nodes;
}

/** Expands alternatives and optional parts into every plain sequence (only for bounded checks). */
export function expand(nodes: Node[]): Sequence[] {
  let out: Sequence[] = [[]];
  for (const node of nodes) {
    if (node.k === 'item') {
      for (const seq of out) seq.push(node.item);
      continue;
    }
    const next: Sequence[] = [];
    for (const option of node.options) {
      const tails = expand(option);
      for (const head of out) for (const tail of tails) next.push([...head, ...tail]);
    }
    out = next;
  }
  return out;
}

/** Every plain phrasing of a checked pattern, or undefined when there are too many to list. */
export function compilePattern(source: string, limit = 4096): Sequence[] | undefined {
  const nodes = checkPattern(source);
  return countPhrasings(nodes) > limit ? undefined : expand(nodes);
}
