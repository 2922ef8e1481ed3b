// One matcher for every phrase of every active rule of a language. All patterns are merged
// into one trie keyed by words, so phrases that share their first words ("we can't…",
// "we cannot…") are walked once: matching is one pass over the token stream, and the work per
// token depends on the text, not on how many phrases are loaded. Alternatives are woven into
// the trie directly from the parsed pattern, never multiplied out into every phrasing.
import { foldWord } from './normalize';
import { normaliseToken, parsePattern, type Item, type Node as PatternNode } from './pattern-syntax';
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

interface Terminal {
  rule: number;
  phrase: number;
  unless: boolean;
  question: boolean;
}

interface CaptureEdge {
  name: string;
  /** Index into `lists`, or -1 for a free capture. */
  list: number;
  node: TrieNode;
}

interface TrieNode {
  words?: Map<string, TrieNode>;
  prefixes?: Array<[string, TrieNode]>;
  any?: TrieNode;
  caps?: CaptureEdge[];
  ends?: Terminal[];
}

/** Longest a capture may run over content words, after any determiners. */
const MAX_CAPTURE_WORDS = 3;
const PLACEHOLDER_WORD = '\u0000placeholder';

export class Matcher {
  private readonly root: TrieNode = {};
  /** Phrases written with "^": tried only where a sentence starts. */
  private readonly anchored: TrieNode = {};
  private readonly anchors = new Set<string>();
  private readonly prefixAnchors = new Map<string, string[]>();
  private alwaysParse = false;
  private readonly determiners: Set<string>;
  private readonly functionWords: Set<string>;
  /** Resolved phrase lists, shared by every capture edge that names the same words. */
  private readonly lists: string[][][] = [];
  private readonly listIds = new Map<string, number>();

  constructor(rules: MatcherRule[], words: WordLists) {
    this.determiners = new Set(words.determiners.map(normaliseToken));
    this.functionWords = new Set(words.functionWords.map(normaliseToken));
    rules.forEach((rule, r) => {
      const ids = new Map<string, number>();
      const listId = (name: string) => {
        let id = ids.get(name);
        if (id === undefined) ids.set(name, (id = this.listId(rule.lists[name] ?? [])));
        return id;
      };
      rule.phrases.forEach((phrase, p) => this.insertPattern(phrase, { rule: r, phrase: p, unless: false, question: false }, listId));
      for (const phrase of rule.unless) this.insertPattern(phrase, { rule: r, phrase: -1, unless: true, question: false }, listId);
    });
  }

  private listId(phrases: string[]): number {
    const key = JSON.stringify(phrases);
    let id = this.listIds.get(key);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(phrases.map((p) => (isPlaceholderText(p) ? [PLACEHOLDER_WORD] : p.split(/\s+/).map(normaliseToken).filter(Boolean))));
      this.listIds.set(key, id);
    }
    return id;
  }

  private insertPattern(source: string, terminal: Terminal, listId: (name: string) => number) {
    const nodes = parsePattern(source);
    const isMarker = (n: PatternNode, t: 'start' | 'question') => n.k === 'item' && n.item.t === t;
    const start = nodes.length > 0 && isMarker(nodes[0], 'start') ? this.anchored : this.root;
    const question = nodes.length > 0 && isMarker(nodes[nodes.length - 1], 'question');
    const body = nodes.filter((n) => !isMarker(n, 'start') && !isMarker(n, 'question'));
    const t = { ...terminal, question };
    for (const node of this.advance([start], body, listId)) {
      // An all-optional phrase is refused when rule files load; never let one match nothing.
      if (node === start) continue;
      node.ends ??= [];
      if (!node.ends.some((e) => e.rule === t.rule && e.phrase === t.phrase && e.unless === t.unless && e.question === t.question)) node.ends.push(t);
    }
    if (!terminal.unless) this.addAnchors(body);
  }

  /** Every trie node the pattern can lead to from `from`, creating edges as it goes. */
  private advance(from: TrieNode[], nodes: PatternNode[], listId: (name: string) => number): TrieNode[] {
    let current = from;
    for (const node of nodes) {
      const next = new Set<TrieNode>();
      if (node.k === 'item') for (const at of current) next.add(this.step(at, node.item, listId));
      else for (const option of node.options) for (const at of this.advance(current, option, listId)) next.add(at);
      current = [...next];
    }
    return current;
  }

  private step(node: TrieNode, item: Item, listId: (name: string) => number): TrieNode {
    switch (item.t) {
      case 'word': {
        node.words ??= new Map();
        let next = node.words.get(item.w);
        if (!next) node.words.set(item.w, (next = {}));
        return next;
      }
      case 'prefix': {
        node.prefixes ??= [];
        let edge = node.prefixes.find(([p]) => p === item.p);
        if (!edge) node.prefixes.push((edge = [item.p, {}]));
        return edge[1];
      }
      case 'any':
        return (node.any ??= {});
      case 'cap': {
        node.caps ??= [];
        const list = item.list ? listId(item.list) : -1;
        let edge = node.caps.find((c) => c.name === item.name && c.list === list);
        if (!edge) node.caps.push((edge = { name: item.name, list, node: {} }));
        return edge.node;
      }
      default:
        return node;
    }
  }

  // Words that every phrasing of a pattern contains at least one of: a paragraph without any
  // of them cannot hold the phrase, so it is not worth parsing.
  private addAnchors(nodes: PatternNode[]) {
    const anchors = anchorsOf(nodes);
    if (!anchors) {
      this.alwaysParse = true;
      return;
    }
    for (const a of anchors) {
      if (a.prefix) push(this.prefixAnchors, a.text.slice(0, 3), a.text);
      else this.anchors.add(a.text);
    }
  }

  /** Cheap and conservative: false only when no phrase can possibly match in the text. */
  mayMatch(text: string): boolean {
    if (this.alwaysParse) return true;
    // Folded exactly as the words themselves are, so the scan can never miss what matching finds.
    const folded = foldWord(text);
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
    const stack: Array<[string, number, number]> = [];
    const walk = (node: TrieNode, from: number, pos: number) => {
      if (node.ends && pos > from) {
        for (const t of node.ends) {
          if (t.question && !tokens[pos - 1].question) continue;
          const captures: Record<string, [number, number]> = {};
          for (const [name, s, e] of stack) captures[name] = [s, e];
          (t.unless ? vetoes : found).push({ rule: t.rule, phrase: t.phrase, from, to: pos, captures });
        }
      }
      const tok = tokens[pos];
      if (!tok || tok.sentence !== tokens[from].sentence) return;
      if (!tok.placeholder) {
        const next = node.words?.get(tok.norm);
        if (next) walk(next, from, pos + 1);
        if (node.prefixes) for (const [p, n] of node.prefixes) if (tok.norm.startsWith(p)) walk(n, from, pos + 1);
      }
      if (node.any) walk(node.any, from, pos + 1);
      if (node.caps) {
        for (const edge of node.caps) {
          for (const end of this.captureEnds(tokens, pos, edge.list >= 0 ? this.lists[edge.list] : undefined)) {
            stack.push([edge.name, pos, end]);
            walk(edge.node, from, end);
            stack.pop();
          }
        }
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      walk(this.root, i, i);
      if (i === 0 || tokens[i - 1].sentence !== tokens[i].sentence) walk(this.anchored, i, i);
    }
    return resolve(found, vetoes);
  }

  /** Possible ends (exclusive) of a capture starting at token i, longest first. */
  private captureEnds(tokens: Token[], i: number, list: string[][] | undefined): number[] {
    const first = tokens[i];
    if (!first) return [];
    const sentence = first.sentence;
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
        const end = matchWords(tokens, from, sentence, phrase);
        if (end > 0 && !ends.includes(end)) ends.push(end);
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
}

function matchWords(tokens: Token[], from: number, sentence: number, words: string[]): number {
  let i = from;
  for (const w of words) {
    const tok = tokens[i];
    if (!tok || tok.sentence !== sentence) return -1;
    if (w === PLACEHOLDER_WORD ? !tok.placeholder : tok.placeholder || tok.norm !== w) return -1;
    i++;
  }
  return i;
}

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

interface Anchor {
  text: string;
  prefix: boolean;
}

/**
 * A small set of words such that every phrasing of the pattern holds one of them, or null when
 * there is none (a phrase of only optional words and captures). One required word is best: the
 * longest, as long words are rare. Else the alternative group whose options all have anchors.
 */
function anchorsOf(nodes: PatternNode[]): Anchor[] | null {
  let best: Anchor | undefined;
  for (const node of nodes) {
    if (node.k !== 'item') continue;
    const it = node.item;
    if (it.t === 'word') {
      const pieces = splitPieces(it.w);
      const longest = pieces.reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest && (!best || best.prefix || longest.length > best.text.length)) best = { text: longest, prefix: false };
    } else if (it.t === 'prefix' && !best) {
      const pieces = splitPieces(it.p);
      best = pieces.length > 1 ? { text: pieces[0], prefix: false } : { text: it.p, prefix: true };
    }
  }
  if (best) return [best];
  let smallest: Anchor[] | null = null;
  for (const node of nodes) {
    if (node.k !== 'alt' || node.options.some((o) => o.length === 0)) continue;
    const union: Anchor[] = [];
    let complete = true;
    for (const option of node.options) {
      const a = anchorsOf(option);
      if (!a) {
        complete = false;
        break;
      }
      union.push(...a);
    }
    if (complete && (!smallest || union.length < smallest.length)) smallest = union;
  }
  return smallest;
}

function splitPieces(word: string): string[] {
  return word.split(/[^\p{L}\p{N}']+/u).map((p) => p.replace(/^'+|'+$/g, '')).filter(Boolean);
}

