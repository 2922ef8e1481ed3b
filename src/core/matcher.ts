// One matcher for every phrase of every active rule of a language. All patterns are expanded
// into plain sequences and indexed by their first word, so matching is one pass over the token
// stream with a hash look-up per token, however many rules and phrases are loaded.
import { compilePattern, normaliseToken, type Item, type Sequence } from './pattern-syntax';
import type { Token } from './tokenize';

export interface WordLists {
  /** Words that may open a capture: articles, possessives ("the", "your"). */
  determiners: string[];
  /** Words a capture never includes: pronouns, prepositions, adverbs ("us", "for", "directly"). */
  functionWords: string[];
}

export interface MatcherRule {
  phrases: string[];
  unless: string[];
  /** Named phrase lists for {name:list} captures (the rule's own merged over shared ones). */
  lists: Record<string, string[]>;
}

export interface RawMatch {
  rule: number;
  /** Index into the rule's `phrases`. */
  phrase: number;
  /** Token indices, end exclusive. */
  from: number;
  to: number;
  captures: Record<string, [number, number]>;
}

interface Entry {
  seq: Sequence;
  rule: number;
  phrase: number;
  unless: boolean;
  hasCaptures: boolean;
}

/** Entries sharing a first word, split again by their second word when it is a literal one. */
interface Bucket {
  bySecond: Map<string, Entry[]>;
  rest: Entry[];
}

/** Longest a capture may run over content words, after any determiners. */
const MAX_CAPTURE_WORDS = 3;

export class Matcher {
  private readonly byWord = new Map<string, Bucket>();
  private readonly byPrefix = new Map<string, Entry[]>();
  private readonly open: Entry[] = [];
  private readonly anchors = new Set<string>();
  private readonly prefixAnchors = new Map<string, string[]>();
  private readonly determiners: Set<string>;
  private readonly functionWords: Set<string>;
  private readonly lists: Array<Map<string, string[][]>> = [];

  constructor(rules: MatcherRule[], words: WordLists) {
    this.determiners = new Set(words.determiners.map(normaliseToken));
    this.functionWords = new Set(words.functionWords.map(normaliseToken));
    rules.forEach((rule, r) => {
      const lists = new Map<string, string[][]>();
      for (const [name, phrases] of Object.entries(rule.lists)) {
        lists.set(name, phrases.map((p) => (isPlaceholderText(p) ? [PLACEHOLDER_WORD] : p.split(/\s+/).map(normaliseToken).filter(Boolean))));
      }
      this.lists[r] = lists;
      rule.phrases.forEach((phrase, p) => {
        for (const seq of compilePattern(phrase)) {
          this.add({ seq, rule: r, phrase: p, unless: false, hasCaptures: seq.some((it) => it.t === 'cap') });
          this.addAnchor(seq);
        }
      });
      for (const phrase of rule.unless) for (const seq of compilePattern(phrase)) this.add({ seq, rule: r, phrase: -1, unless: true, hasCaptures: seq.some((it) => it.t === 'cap') });
    });
  }

  private add(entry: Entry) {
    const first = entry.seq[0];
    if (first.t === 'word') {
      // Most phrases share their first word ("you", "we"); keying on the second word as well
      // means a token tries only the few phrases that can still match at all.
      let bucket = this.byWord.get(first.w);
      if (!bucket) this.byWord.set(first.w, (bucket = { bySecond: new Map(), rest: [] }));
      const second = entry.seq[1];
      if (second?.t === 'word') push(bucket.bySecond, second.w, entry);
      else bucket.rest.push(entry);
    }
    else if (first.t === 'prefix') push(this.byPrefix, first.p.slice(0, 3), entry);
    else this.open.push(entry);
  }

  // The rarest-looking word of a sequence (the longest) decides whether a paragraph is worth
  // parsing at all: a paragraph without it cannot hold that phrase.
  private addAnchor(seq: Sequence) {
    let best: Item | undefined;
    for (const it of seq) {
      if ((it.t === 'word' && (!best || lengthOf(it) > lengthOf(best))) || (it.t === 'prefix' && !best)) best = it;
    }
    if (!best) return;
    if (best.t === 'word') {
      const pieces = splitPieces(best.w);
      this.anchors.add(pieces.reduce((a, b) => (b.length > a.length ? b : a), ''));
    } else if (best.t === 'prefix') {
      const pieces = splitPieces(best.p);
      if (pieces.length > 1) this.anchors.add(pieces[0]);
      else push(this.prefixAnchors, best.p.slice(0, 3), best.p);
    }
  }

  /** Cheap and conservative: false only when no phrase can possibly match in the text. */
  mayMatch(text: string): boolean {
    if (this.open.length > 0) return true;
    const folded = foldForScan(text);
    const re = /[\p{L}\p{N}']+/gu;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const w = m[0].replace(/^'+|'+$/g, '');
      if (this.anchors.has(w)) return true;
      const prefixes = this.prefixAnchors.get(w.slice(0, 3));
      if (prefixes && prefixes.some((p) => w.startsWith(p))) return true;
    }
    return false;
  }

  match(tokens: Token[]): RawMatch[] {
    const found: RawMatch[] = [];
    const vetoes: RawMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      const candidates: Entry[][] = [this.open];
      if (!tok.placeholder) {
        const bucket = this.byWord.get(tok.norm);
        if (bucket) {
          candidates.push(bucket.rest);
          const next = tokens[i + 1];
          const second = next && !next.placeholder && next.sentence === tok.sentence ? bucket.bySecond.get(next.norm) : undefined;
          if (second) candidates.push(second);
        }
        const b = this.byPrefix.get(tok.norm.slice(0, 3));
        if (b) candidates.push(b);
      }
      for (const list of candidates) {
        for (const entry of list) {
          const captures: Record<string, [number, number]> = entry.hasCaptures ? {} : NO_CAPTURES;
          const to = this.matchFrom(tokens, entry, 0, i, tok.sentence, captures);
          if (to < 0) continue;
          (entry.unless ? vetoes : found).push({ rule: entry.rule, phrase: entry.phrase, from: i, to, captures });
        }
      }
    }
    return resolve(found, vetoes);
  }

  private matchFrom(tokens: Token[], entry: Entry, k: number, i: number, sentence: number, captures: Record<string, [number, number]>): number {
    const seq = entry.seq;
    if (k === seq.length) return i;
    const tok = tokens[i];
    if (!tok || tok.sentence !== sentence) return -1;
    const item = seq[k];
    switch (item.t) {
      case 'word':
        return !tok.placeholder && tok.norm === item.w ? this.matchFrom(tokens, entry, k + 1, i + 1, sentence, captures) : -1;
      case 'prefix':
        return !tok.placeholder && tok.norm.startsWith(item.p) ? this.matchFrom(tokens, entry, k + 1, i + 1, sentence, captures) : -1;
      case 'any':
        return this.matchFrom(tokens, entry, k + 1, i + 1, sentence, captures);
      case 'cap': {
        // Longest first, so "your bank" beats "your"; shorter if the rest of the phrase needs it.
        for (const end of this.captureEnds(tokens, i, sentence, item.list ? this.lists[entry.rule].get(item.list) : undefined)) {
          const to = this.matchFrom(tokens, entry, k + 1, end, sentence, captures);
          if (to >= 0) {
            captures[item.name] = [i, end];
            return to;
          }
        }
        return -1;
      }
    }
  }

  /** Possible ends (exclusive) of a capture starting at token i, longest first. */
  private captureEnds(tokens: Token[], i: number, sentence: number, list: string[][] | undefined): number[] {
    let j = i;
    // Up to two determiners: "all your", "de uw" — but only when a head follows.
    while (j < i + 2 && tokens[j] && tokens[j].sentence === sentence && !tokens[j].placeholder && this.determiners.has(tokens[j].norm) && adjacent(tokens, j)) j++;
    const ends: number[] = [];
    this.headEnds(tokens, j, sentence, list, ends);
    if (j > i && ends.length === 0) this.headEnds(tokens, i, sentence, list, ends);
    if (ends.length > 1) ends.sort((a, b) => b - a);
    return ends;
  }

  /** Ends of a capture head starting at `from`: a list phrase, a placeholder, or 1–3 content words. */
  private headEnds(tokens: Token[], from: number, sentence: number, list: string[][] | undefined, ends: number[]): void {
    if (list) {
      for (const phrase of list) {
        const end = this.matchWords(tokens, from, sentence, phrase);
        if (end > 0) ends.push(end);
      }
      return;
    }
    const head = tokens[from];
    if (!head || head.sentence !== sentence) return;
    if (head.placeholder) {
      ends.push(from + 1);
      return;
    }
    let end = from;
    while (
      end < from + MAX_CAPTURE_WORDS && tokens[end] && tokens[end].sentence === sentence && !tokens[end].placeholder &&
      !this.functionWords.has(tokens[end].norm) && !this.determiners.has(tokens[end].norm) && (end === from || adjacent(tokens, end - 1))
    ) {
      end++;
      ends.push(end);
    }
  }

  private matchWords(tokens: Token[], from: number, sentence: number, words: string[]): number {
    let i = from;
    for (const w of words) {
      const tok = tokens[i];
      if (!tok || tok.sentence !== sentence) return -1;
      if (w === PLACEHOLDER_WORD ? !tok.placeholder : tok.placeholder || tok.norm !== w) return -1;
      i++;
    }
    return i;
  }
}

const PLACEHOLDER_WORD = '\u0000placeholder';
// Shared by every match of a phrase without captures; never written to.
const NO_CAPTURES: Record<string, [number, number]> = Object.freeze({}) as Record<string, [number, number]>;

function isPlaceholderText(text: string): boolean {
  return /^\s*(\{\{[\s\S]*\}\}|\{%[\s\S]*%\}|\[%[\s\S]*%\])\s*$/.test(text);
}

/** Only white space between token i and the next: a comma or dash ends a noun phrase. */
function adjacent(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && next.start - tokens[i].end <= 3 && next.sentence === tokens[i].sentence;
}

// Keeps, per rule, the leftmost-longest matches that do not overlap, minus any that an
// `unless` phrase of the same rule touches ("we can't" inside "we can't wait").
function resolve(found: RawMatch[], vetoes: RawMatch[]): RawMatch[] {
  found.sort((a, b) => a.rule - b.rule || a.from - b.from || b.to - a.to || a.phrase - b.phrase);
  const kept: RawMatch[] = [];
  let lastRule = -1;
  let lastTo = -1;
  for (const m of found) {
    if (m.rule !== lastRule) {
      lastRule = m.rule;
      lastTo = -1;
    }
    if (m.from < lastTo) continue;
    if (vetoes.some((v) => v.rule === m.rule && v.from < m.to && m.from < v.to)) continue;
    kept.push(m);
    lastTo = m.to;
  }
  return kept;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lengthOf(it: Item): number {
  return it.t === 'word' ? it.w.length : it.t === 'prefix' ? it.p.length : 0;
}

function splitPieces(word: string): string[] {
  return word.split(/[^\p{L}\p{N}']+/u).map((p) => p.replace(/^'+|'+$/g, '')).filter(Boolean);
}

function foldForScan(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\u2019\u2018\u02BC\u0060\u00B4\u2032]/g, "'").replace(/\u015F/g, '\u0219').replace(/\u0163/g, '\u021B');
}
