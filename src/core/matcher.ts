// One matcher for every phrase of every active rule of a language. All patterns are merged
// into one trie keyed by words, so phrases that share their first words ("we can't…",
// "we cannot…") are walked once: matching is one pass over the token stream, and the work per
// token depends on the text, not on how many phrases are loaded. Alternatives are woven into
// the trie directly from the parsed pattern, never multiplied out. Named lists (@list and
// {name:list}) are tries of their own, walked where a pattern refers to them and remembered
// per position, so a class of forty parties costs one walk however many patterns use it.
import { foldWord } from './normalize';
import { normaliseToken, parsePattern, type Item, type Node as PatternNode } from './pattern-syntax';
import { anchorsOf, type Anchor } from './anchors';
import type { Token } from './tokenize';

export interface WordLists {
  /** Words that may open a capture: articles, possessives ("the", "your"). */
  determiners: string[];
  /** Words a capture never includes: pronouns, prepositions, adverbs ("us", "for", "directly"). */
  functionWords: string[];
  /** The language's stemmer, for `word~`; folded words in, stems out. */
  stem?: (word: string) => string;
  /** The language's extra folding on both sides (Romanian ă â î ș ț → a a i s t). */
  fold?: (word: string) => string;
}

export interface MatcherRule {
  phrases: string[];
  /** Vetoes for every pattern of the rule. */
  unless: string[];
  /** Vetoes for one phrase only, by phrase index. */
  phraseUnless?: string[][];
  /** Named phrase lists for @list and {name:list} (the language's, the team's and the rule's own). */
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
  /** For a veto: the phrase it guards, or -1 for every phrase of the rule. */
  scope: number;
  question: boolean;
}

interface ListEdge {
  /** Capture name, or '' for an @list that captures nothing. */
  name: string;
  /** Index into `lists`, or -1 for a free capture. */
  list: number;
  /** For a free capture: a list its head may not start with. */
  except: number;
  node: TrieNode;
}

interface TrieNode {
  words?: Map<string, TrieNode>;
  stems?: Map<string, TrieNode>;
  prefixes?: Array<[string, TrieNode]>;
  any?: TrieNode;
  gaps?: Array<[number, TrieNode]>;
  edges?: ListEdge[];
  /** Empty moves: where a large alternation's branches join again (see advance). */
  joins?: TrieNode[];
  ends?: Terminal[];
  /** In a list's own trie: a phrase of the list ends here. */
  listEnd?: boolean;
}

/** Longest a capture may run over content words, after any determiners. */
const MAX_CAPTURE_WORDS = 3;
/** Branches of an alternation beyond which they join again instead of each growing its own subtree. */
const JOIN_AFTER = 8;

interface CompiledList {
  root: TrieNode;
  /** The list holds a placeholder entry: any placeholder token is one of its phrases. */
  placeholder: boolean;
}

/** Per match call: the folded key and (lazily) the stem of each token, and list walks done. */
interface Pass {
  tokens: Token[];
  keys: string[];
  stems: Array<string | undefined>;
  memo: Map<number, number[]>;
}

export class Matcher {
  private readonly root: TrieNode = {};
  /** Phrases written with "^": tried only where a sentence starts. */
  private readonly anchored: TrieNode = {};
  private readonly anchors = new Set<string>();
  private readonly prefixAnchors = new Map<string, string[]>();
  private alwaysParse = false;
  private readonly determiners: Set<string>;
  private readonly functionWords: Set<string>;
  private readonly stem: (word: string) => string;
  private readonly fold: (word: string) => string;
  private readonly lists: CompiledList[] = [];
  private readonly listIds = new Map<string, number>();
  /** The same list array (a language's class, shared by every rule) is keyed once. */
  private readonly listIdsByArray = new WeakMap<string[], number>();

  constructor(rules: MatcherRule[], words: WordLists) {
    this.fold = words.fold ?? ((w) => w);
    this.stem = words.stem ?? ((w) => w);
    this.determiners = new Set(words.determiners.map((w) => this.key(w)));
    this.functionWords = new Set(words.functionWords.map((w) => this.key(w)));
    rules.forEach((rule, r) => {
      const listId = (name: string) => this.listId(rule.lists[name] ?? [], rule.lists);
      const term = (phrase: number, unless: boolean, scope: number): Terminal => ({ rule: r, phrase, unless, scope, question: false });
      rule.phrases.forEach((phrase, p) => {
        this.insertPattern(phrase, term(p, false, -1), listId);
        for (const veto of rule.phraseUnless?.[p] ?? []) this.insertPattern(veto, term(-1, true, p), listId);
      });
      for (const veto of rule.unless) this.insertPattern(veto, term(-1, true, -1), listId);
    });
  }

  private key(word: string): string {
    return this.fold(normaliseToken(word));
  }

  private listId(phrases: string[], all: Record<string, string[]>): number {
    const same = this.listIdsByArray.get(phrases);
    if (same !== undefined) return same;
    const key = JSON.stringify(phrases);
    let id = this.listIds.get(key);
    if (id !== undefined) {
      this.listIdsByArray.set(phrases, id);
      return id;
    }
    id = this.lists.length;
    this.listIdsByArray.set(phrases, id);
    const list: CompiledList = { root: {}, placeholder: false };
    this.lists.push(list);
    this.listIds.set(key, id);
    const inner = (name: string) => this.listId(all[name] ?? [], all);
    for (const phrase of phrases) {
      if (isPlaceholderText(phrase)) list.placeholder = true;
      else for (const end of this.advance([list.root], parsePattern(phrase), inner)) if (end !== list.root) end.listEnd = true;
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
      const same = (e: Terminal) =>
        e.rule === t.rule && e.phrase === t.phrase && e.unless === t.unless && e.scope === t.scope && e.question === t.question;
      if (!node.ends.some(same)) node.ends.push(t);
    }
    if (!terminal.unless) this.addAnchors(body, listId);
  }

  /**
   * Every trie node the pattern can lead to from `from`, creating edges as it goes. After an
   * alternation with many branches, the branches join in one fresh node (an empty move), so a
   * phrase of several large groups grows the trie by their sum, not their product.
   */
  private advance(from: TrieNode[], nodes: PatternNode[], listId: (name: string) => number): TrieNode[] {
    let current = from;
    for (const [k, node] of nodes.entries()) {
      const next = new Set<TrieNode>();
      if (node.k === 'item') for (const at of current) next.add(this.step(at, node.item, listId));
      else for (const option of node.options) for (const at of this.advance(current, option, listId)) next.add(at);
      current = [...next];
      if (current.length > JOIN_AFTER && k < nodes.length - 1) {
        const join: TrieNode = {};
        for (const at of current) (at.joins ??= []).push(join);
        current = [join];
      }
    }
    return current;
  }

  private step(node: TrieNode, item: Item, listId: (name: string) => number): TrieNode {
    const child = <K>(map: Map<K, TrieNode>, k: K) => {
      let next = map.get(k);
      if (!next) map.set(k, (next = {}));
      return next;
    };
    switch (item.t) {
      case 'word':
        return child((node.words ??= new Map()), this.fold(item.w));
      case 'stem':
        return child((node.stems ??= new Map()), this.stem(this.fold(item.w)));
      case 'prefix': {
        const p = this.fold(item.p);
        node.prefixes ??= [];
        let edge = node.prefixes.find(([q]) => q === p);
        if (!edge) node.prefixes.push((edge = [p, {}]));
        return edge[1];
      }
      case 'any':
        return (node.any ??= {});
      case 'gap': {
        node.gaps ??= [];
        let edge = node.gaps.find(([max]) => max === item.max);
        if (!edge) node.gaps.push((edge = [item.max, {}]));
        return edge[1];
      }
      case 'ref':
      case 'cap': {
        const name = item.t === 'cap' ? item.name : '';
        const listName = item.t === 'ref' ? item.list : item.list;
        const list = listName ? listId(listName) : -1;
        const except = item.t === 'cap' && item.except ? listId(item.except) : -1;
        node.edges ??= [];
        let edge = node.edges.find((c) => c.name === name && c.list === list && c.except === except);
        if (!edge) node.edges.push((edge = { name, list, except, node: {} }));
        return edge.node;
      }
      default:
        return node;
    }
  }

  // Words that every phrasing of a pattern contains at least one of: a paragraph without any
  // of them cannot hold the phrase, so it is not worth parsing.
  private addAnchors(nodes: PatternNode[], listId: (name: string) => number) {
    const anchors = anchorsOf(nodes, (w) => this.fold(w), (w) => this.stem(this.fold(w)), (name) => this.listAnchors(name, listId));
    if (!anchors) {
      this.alwaysParse = true;
      return;
    }
    for (const a of anchors) {
      if (a.prefix) push(this.prefixAnchors, a.text.slice(0, 3), a.text);
      else this.anchors.add(a.text);
    }
  }

  private listAnchors(name: string, listId: (name: string) => number): Anchor[] | null {
    const list = this.lists[listId(name)];
    if (list.placeholder) return null;
    const out: Anchor[] = [];
    for (const [w] of list.root.words ?? []) out.push({ text: w, prefix: false });
    for (const [p] of list.root.prefixes ?? []) out.push({ text: p, prefix: true });
    for (const [s] of list.root.stems ?? []) out.push({ text: s.slice(0, 3), prefix: true });
    if (list.root.any || list.root.gaps || list.root.edges || out.length === 0) return null;
    return out;
  }

  /** Cheap and conservative: false only when no phrase can possibly match in the text. */
  mayMatch(text: string): boolean {
    if (this.alwaysParse) return true;
    // Folded exactly as the words themselves are, so the scan can never miss what matching finds.
    const folded = foldWord(text);
    const re = /[\p{L}\p{N}\p{M}']+/gu;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const w = this.fold(m[0].replace(/^'+|'+$/g, ''));
      if (this.anchors.has(w)) return true;
      const prefixes = this.prefixAnchors.get(w.slice(0, 3));
      if (prefixes && prefixes.some((p) => w.startsWith(p))) return true;
    }
    return false;
  }

  match(tokens: Token[]): RawMatch[] {
    const pass: Pass = { tokens, keys: tokens.map((t) => this.fold(t.norm)), stems: [], memo: new Map() };
    const found: RawMatch[] = [];
    const vetoes: Array<RawMatch & { scope: number }> = [];
    const stack: Array<[string, number, number]> = [];
    const walk = (node: TrieNode, from: number, pos: number) => {
      if (node.ends && pos > from) {
        for (const t of node.ends) {
          if (t.question && !tokens[pos - 1].question) continue;
          const captures: Record<string, [number, number]> = {};
          for (const [name, s, e] of stack) captures[name] = [s, e];
          const m = { rule: t.rule, phrase: t.phrase, from, to: pos, captures };
          if (t.unless) vetoes.push({ ...m, scope: t.scope });
          else found.push(m);
        }
      }
      this.next(pass, node, tokens[from].sentence, pos, (child, end, edge) => {
        if (edge?.name) stack.push([edge.name, pos, end]);
        walk(child, from, end);
        if (edge?.name) stack.pop();
      });
    };
    for (let i = 0; i < tokens.length; i++) {
      walk(this.root, i, i);
      if (i === 0 || tokens[i - 1].sentence !== tokens[i].sentence) walk(this.anchored, i, i);
    }
    return resolve(found, vetoes);
  }

  /** Calls `visit` for each child of `node` that the tokens from `pos` lead to, with where it ends. */
  private next(pass: Pass, node: TrieNode, sentence: number, pos: number, visit: (n: TrieNode, end: number, e?: ListEdge) => void) {
    if (node.joins) for (const join of node.joins) visit(join, pos);
    const tok = pass.tokens[pos];
    if (node.gaps) {
      for (const [max, child] of node.gaps) {
        for (let k = 0; k <= max; k++) {
          const t = pass.tokens[pos + k - 1];
          if (k > 0 && (!t || t.sentence !== sentence)) break;
          visit(child, pos + k);
        }
      }
    }
    if (!tok || tok.sentence !== sentence) return;
    if (!tok.placeholder) {
      const k = pass.keys[pos];
      const byWord = node.words?.get(k);
      if (byWord) visit(byWord, pos + 1);
      if (node.stems) {
        const byStem = node.stems.get((pass.stems[pos] ??= this.stem(k)));
        if (byStem) visit(byStem, pos + 1);
      }
      if (node.prefixes) for (const [p, n] of node.prefixes) if (k.startsWith(p)) visit(n, pos + 1);
    }
    if (node.any) visit(node.any, pos + 1);
    if (node.edges) {
      for (const edge of node.edges) {
        const ends = edge.name ? this.captureEnds(pass, pos, edge) : this.listEnds(pass, edge.list, pos);
        for (const end of ends) visit(edge.node, end, edge);
      }
    }
  }

  /** Ends (exclusive) of the list's phrases starting at token `pos`, longest first; remembered per pass. */
  private listEnds(pass: Pass, list: number, pos: number): number[] {
    const key = list * (pass.tokens.length + 1) + pos;
    const known = pass.memo.get(key);
    if (known) return known;
    // Marked before the walk: a list that names itself (through @list) ends here, not in recursion.
    pass.memo.set(key, []);
    const ends = new Set<number>();
    const tok = pass.tokens[pos];
    const compiled = this.lists[list];
    if (tok) {
      if (compiled.placeholder && tok.placeholder) ends.add(pos + 1);
      const walk = (node: TrieNode, at: number) => {
        if (node.listEnd && at > pos) ends.add(at);
        this.next(pass, node, tok.sentence, at, (child, end) => walk(child, end));
      };
      walk(compiled.root, pos);
    }
    const out = [...ends].sort((a, b) => b - a);
    pass.memo.set(key, out);
    return out;
  }

  /** Possible ends (exclusive) of a capture starting at token i, longest first. */
  private captureEnds(pass: Pass, i: number, edge: ListEdge): number[] {
    const { tokens } = pass;
    const first = tokens[i];
    if (!first) return [];
    if (edge.except >= 0 && this.listEnds(pass, edge.except, i).length > 0) return [];
    const sentence = first.sentence;
    let j = i;
    // Up to two determiners: "all your", "de uw" — but only when a head follows.
    const isDeterminer = (k: number) =>
      tokens[k] && tokens[k].sentence === sentence && !tokens[k].placeholder && this.determiners.has(pass.keys[k]);
    while (j < i + 2 && isDeterminer(j) && adjacent(tokens, j)) j++;
    if (edge.except >= 0 && j > i && this.listEnds(pass, edge.except, j).length > 0) return [];
    const ends: number[] = [];
    this.headEnds(pass, j, sentence, edge.list, ends);
    if (j > i && ends.length === 0) this.headEnds(pass, i, sentence, edge.list, ends);
    if (ends.length > 1) ends.sort((a, b) => b - a);
    return ends;
  }

  /** Ends of a capture head starting at `from`: a list phrase, a placeholder, or 1–3 content words. */
  private headEnds(pass: Pass, from: number, sentence: number, list: number, ends: number[]): void {
    const { tokens } = pass;
    if (list >= 0) {
      for (const end of this.listEnds(pass, list, from)) if (!ends.includes(end)) ends.push(end);
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
      end < from + MAX_CAPTURE_WORDS &&
      tokens[end] &&
      tokens[end].sentence === sentence &&
      !tokens[end].placeholder &&
      !this.functionWords.has(pass.keys[end]) &&
      !this.determiners.has(pass.keys[end]) &&
      (end === from || adjacent(tokens, end - 1))
    ) {
      end++;
      ends.push(end);
    }
  }
}

function isPlaceholderText(text: string): boolean {
  return /^\s*(\{\{[\s\S]*\}\}|\{%[\s\S]*%\}|\[%[\s\S]*%\])\s*$/.test(text);
}

/** Only white space between token i and the next: a comma or dash ends a noun phrase. */
function adjacent(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && next.sentence === tokens[i].sentence && next.afterSpace !== false && next.start - tokens[i].end <= 3;
}

// Keeps, per rule, the leftmost-longest matches that do not overlap, minus any that an
// `unless` phrase touches: a rule-wide one, or one written for that very pattern.
function resolve(found: RawMatch[], vetoes: Array<RawMatch & { scope: number }>): RawMatch[] {
  found.sort((a, b) => a.rule - b.rule || a.from - b.from || b.to - a.to || a.phrase - b.phrase);
  const kept: RawMatch[] = [];
  let lastRule = -1;
  let lastTo = -1;
  const vetoed = (m: RawMatch) =>
    vetoes.some((v) => v.rule === m.rule && (v.scope < 0 || v.scope === m.phrase) && v.from < m.to && m.from < v.to);
  for (const m of found) {
    if (m.rule !== lastRule) {
      lastRule = m.rule;
      lastTo = -1;
    }
    if (m.from < lastTo || vetoed(m)) continue;
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
