// The phrase language content leads write in rule files. It is deliberately small, so that a
// pattern reads like the sentence it catches:
//   word          a literal word (case, apostrophes and ş/ș are folded)
//   word*         any word starting with "word" (at least three letters before the star)
//   [a|b c|d]     one of the alternatives; an empty alternative ([a|]) makes it optional
//   (a b)         optional words
//   _             any one word or placeholder
//   {name}        a capture: a placeholder, or one word with up to two determiners before it
//   {name:list}   a capture restricted to the phrases of a named list
//   ^ at the start    the phrase must open its sentence
//   ? at the end      the sentence must be a question
// Alternatives and optional parts are expanded into plain sequences once, at compile time,
// so matching never backtracks over the pattern's structure.
import { foldWord } from './normalize';

export type Item =
  | { t: 'word'; w: string }
  | { t: 'prefix'; p: string }
  | { t: 'any' }
  | { t: 'cap'; name: string; list?: string }
  /** `^`: only as the first item — the match must open its sentence. */
  | { t: 'start' }
  /** A trailing `?`: only as the last item — the sentence must end with a question mark. */
  | { t: 'question' };

export type Sequence = Item[];

export class PatternError extends Error {
  constructor(message: string, readonly index: number) {
    super(message);
  }
}

/** At most this many plain sequences per pattern: beyond it a pattern is unreadable anyway. */
export const MAX_EXPANSIONS = 4096;

export type Node =
  | { k: 'item'; item: Item }
  | { k: 'alt'; options: Node[][] };

export function parsePattern(full: string): Node[] {
  // A trailing "?" asks for a question; it is not a word of its own.
  const question = /\?\s*$/.test(full);
  const source = question ? full.replace(/\?\s*$/, '') : full;
  let i = 0;
  const n = source.length;

  function skipSpace() {
    while (i < n && /\s/.test(source[i])) i++;
  }

  // "a b|c|d e" up to (not past) the closing bracket: one list of nodes per alternative.
  function parseOptions(close: string): Node[][] {
    const options: Node[][] = [parseSeq(`|${close}`)];
    while (source[i] === '|') {
      i++;
      options.push(parseSeq(`|${close}`));
    }
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
        const open = i++;
        const options = parseOptions(']');
        if (source[i] !== ']') throw new PatternError('"[" is never closed — add "]" after the last alternative', open);
        i++;
        nodes.push({ k: 'alt', options });
      } else if (ch === '(') {
        // (a b) is optional; (a|b) is "a, b or nothing", the same as [a|b|].
        const open = i++;
        const options = parseOptions(')');
        if (source[i] !== ')') throw new PatternError('"(" is never closed — add ")" after the optional words', open);
        if (options.every((o) => o.length === 0)) throw new PatternError('"()" holds nothing — remove it or put the optional words inside', open);
        i++;
        nodes.push({ k: 'alt', options: [...options, []] });
      } else if (ch === '{') {
        const open = i;
        const close = source.indexOf('}', i);
        if (close < 0) throw new PatternError('"{" is never closed — write a capture as {name}', open);
        const body = source.slice(i + 1, close).trim();
        const m = /^([A-Za-z][\w-]*)(?::([A-Za-z][\w-]*))?$/.exec(body);
        if (!m) throw new PatternError(`"{${body}}" is not a capture — write {name} or {name:list}, letters, digits, "-" and "_" only`, open);
        i = close + 1;
        nodes.push({ k: 'item', item: { t: 'cap', name: m[1], list: m[2] } });
      } else if (ch === ']' || ch === ')' || ch === '|' || ch === '}') {
        throw new PatternError(`"${ch}" has no opening partner here — remove it, or add the matching opener`, i);
      } else {
        const start = i;
        while (i < n && !/[\s[\](){}|]/.test(source[i])) i++;
        nodes.push({ k: 'item', item: wordItem(source.slice(start, i), start) });
      }
    }
  }

  const nodes = parseSeq('');
  if (i < n) throw new PatternError(`"${source[i]}" has no opening partner here — remove it, or add the matching opener`, i);
  if (nodes.length === 0) throw new PatternError('the phrase is empty — write the words it should catch', 0);
  const startAt = nodes.findIndex((nd) => nd.k === 'item' && nd.item.t === 'start');
  if (startAt > 0 || nodes.some((nd, k) => k !== startAt && containsStart(nd))) {
    throw new PatternError('"^" means "at the start of a sentence" and may only open the phrase — move it to the front or remove it', source.indexOf('^'));
  }
  if (question) nodes.push({ k: 'item', item: { t: 'question' } });
  return nodes;
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
  if (raw.includes('?')) throw new PatternError(`"${raw}": a "?" means "in a question" and may only end the phrase — move it to the end or remove it`, index);
  if (raw.endsWith('*')) {
    const p = normaliseToken(raw.slice(0, -1));
    if ([...p].length < 3) throw new PatternError(`"${raw}": a word with "*" needs at least three letters before the star, or it matches far too much`, index);
    if (p.includes('*')) throw new PatternError(`"${raw}": "*" may only stand at the end of a word`, index);
    return { t: 'prefix', p };
  }
  if (raw.includes('*')) throw new PatternError(`"${raw}": "*" may only stand at the end of a word`, index);
  const w = normaliseToken(raw);
  if (!w) throw new PatternError(`"${raw}" is only punctuation — punctuation is ignored when matching, so leave it out`, index);
  return { t: 'word', w };
}

/** Expands alternatives and optional parts into every plain sequence they stand for. */
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
      if (next.length > MAX_EXPANSIONS) throw new PatternError(`the alternatives expand to more than ${MAX_EXPANSIONS} phrasings — split the pattern in two`, 0);
    }
    out = next;
  }
  return out;
}

/** Parses and expands; every sequence is checked to hold at least one word. */
export function compilePattern(source: string): Sequence[] {
  return compileUncached(source);
}

function compileUncached(source: string): Sequence[] {
  const seqs = expand(parsePattern(source));
  if (seqs.some((s) => s.length === 0)) throw new PatternError('every part of the phrase is optional, so it would match anywhere — make at least one word required', 0);
  for (const seq of seqs) {
    if (seq.every((it) => it.t === 'start' || it.t === 'question')) throw new PatternError('"^" and "?" need words between them — write the words the phrase should catch', 0);
    if (!seq.some((it) => it.t === 'word' || it.t === 'prefix')) {
      throw new PatternError('one phrasing has no literal word (only "_" or captures), so it would match almost any text — add a word', 0);
    }
  }
  return seqs;
}

export function capturesOf(seq: Sequence): string[] {
  return seq.flatMap((it) => (it.t === 'cap' ? [it.name] : []));
}
