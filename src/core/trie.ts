// The trie every phrase of a language's active rules is woven into, and the prefilter's anchor
// words. Phrases that share their first words are one path; alternatives are woven in from
// the parsed pattern, never multiplied out, and a large alternation's branches join again in
// one fresh node (an empty move), so a phrase of several big groups costs their sum, not their
// product. Named lists (@list and {name:list}) are tries of their own, compiled once per list.
// Matching over it is matcher.ts.
import { foldWord } from './normalize';
import { PatternError, parsePattern, type Item, type Node as PatternNode } from './pattern-syntax';
import { anchorsOf, type Anchor } from './anchors';

export interface Terminal {
  rule: number;
  phrase: number;
  unless: boolean;
  /** For a veto: the phrase it guards, or -1 for every phrase of the rule. */
  scope: number;
  question: boolean;
}

export interface ListEdge {
  /** Capture name, or '' for an @list that captures nothing. */
  name: string;
  /** Index into `lists`, or -1 for a free capture. */
  list: number;
  /** For a free capture: a list its head may not start with. */
  except: number;
  node: TrieNode;
}

export interface TrieNode {
  words?: Map<string, TrieNode>;
  stems?: Map<string, TrieNode>;
  prefixes?: Array<[string, TrieNode]>;
  /** The prefixes by their first letters, built on first use where there are many (see prefixesFor). */
  prefixIndex?: { length: number; byStart: Map<string, Array<[string, TrieNode]>> };
  any?: TrieNode;
  gaps?: Array<[number, TrieNode]>;
  edges?: ListEdge[];
  /** Empty moves: where a large alternation's branches join again (see advance). */
  joins?: TrieNode[];
  ends?: Terminal[];
  /** In a list's own trie: a phrase of the list ends here. */
  listEnd?: boolean;
  /** Given by the matcher when it first walks the node. */
  id?: number;
}

/** Branches of an alternation beyond which they join again instead of each growing its own subtree. */
const JOIN_AFTER = 8;

export interface CompiledList {
  root: TrieNode;
  /** The list holds a placeholder entry: any placeholder token is one of its phrases. */
  placeholder: boolean;
  /** A phrase of the list may open with something other than a word, stem or prefix (_, .., a list). */
  open: boolean;
}

export class Trie {
  readonly root: TrieNode = {};
  /** Phrases written with "^": tried only where a sentence starts. */
  readonly anchored: TrieNode = {};
  readonly lists: CompiledList[] = [];
  private readonly anchors = new Set<string>();
  private readonly prefixAnchors = new Map<string, string[]>();
  private alwaysParse = false;
  private readonly listIds = new Map<string, number>();
  /** The same list array (a language's class, shared by every rule) is keyed once. */
  private readonly listIdsByArray = new WeakMap<string[], number>();

  constructor(
    private readonly fold: (word: string) => string,
    private readonly stem: (word: string) => string,
    /** The language's common words, folded: the prefilter avoids them as anchors. */
    private readonly common: Set<string> = new Set(),
  ) {}

  listId(phrases: string[], all: Record<string, string[]>): number {
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
    const list: CompiledList = { root: {}, placeholder: false, open: false };
    this.lists.push(list);
    this.listIds.set(key, id);
    const inner = (name: string) => this.listId(all[name] ?? [], all);
    for (const phrase of phrases) {
      if (isPlaceholderText(phrase)) list.placeholder = true;
      else {
        const nodes = parsedEntry(phrase);
        if (!nodes) continue;
        for (const end of this.advance([list.root], nodes, inner)) if (end !== list.root) end.listEnd = true;
      }
    }
    const r = list.root;
    list.open = !!(r.any || r.gaps || r.edges || r.joins);
    return id;
  }

  insertPattern(source: string, terminal: Terminal, listId: (name: string) => number) {
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
        e.rule === t.rule &&
        e.phrase === t.phrase &&
        e.unless === t.unless &&
        e.scope === t.scope &&
        e.question === t.question;
      if (!node.ends.some(same)) node.ends.push(t);
    }
    if (!terminal.unless) this.addAnchors(body, listId);
  }

  /**
   * Every trie node the pattern can lead to from `from`, creating edges as it goes. After an
   * alternation with many branches, the branches join in one fresh node (an empty move), so a
   * phrase of several large groups grows the trie by their sum, not their product. At most
   * JOIN_AFTER paths are open where a word is added, so a pattern adds at most that many nodes
   * per word it is written with, however many phrasings its alternatives multiply into: that,
   * and the bound on a pattern's length, is what keeps any pattern's trie small.
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
    const anchors = anchorsOf(nodes, {
      fold: (w) => this.fold(w),
      stem: (w) => this.stem(this.fold(w)),
      listAnchors: (name) => this.listAnchors(name, listId),
      common: this.common,
    });
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
    return this.anchorsOfList(listId(name), 0);
  }

  // The first words of a list's phrases; a list made of other lists (@reach-verbs | @phone-verbs)
  // takes theirs. Null when a phrase may open with anything (_, .., a capture, a placeholder).
  private anchorsOfList(id: number, depth: number): Anchor[] | null {
    const list = this.lists[id];
    const root = list.root;
    if (list.placeholder || root.any || root.gaps || root.joins || depth > 8) return null;
    const out: Anchor[] = [];
    for (const [w] of root.words ?? []) out.push({ text: w, prefix: false });
    for (const [p] of root.prefixes ?? []) out.push({ text: p, prefix: true });
    for (const [st] of root.stems ?? []) out.push({ text: st.slice(0, 3), prefix: true });
    for (const edge of root.edges ?? []) {
      const inner = edge.name === '' && edge.list >= 0 ? this.anchorsOfList(edge.list, depth + 1) : null;
      if (!inner) return null;
      out.push(...inner);
    }
    return out.length > 0 ? out : null;
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
      if (prefixes?.some((p) => w.startsWith(p))) return true;
    }
    return false;
  }
}

// The loaders report a broken list entry at its file:line:col (listProblems); one that still
// reaches the matcher (a list handed over in settings) is left out, so that it cannot take every
// rule of the language down with it.
function parsedEntry(phrase: string): PatternNode[] | undefined {
  try {
    return parsePattern(phrase);
  } catch (e) {
    if (e instanceof PatternError) return undefined;
    throw e;
  }
}

function isPlaceholderText(text: string): boolean {
  return /^\s*(\{\{[\s\S]*\}\}|\{%[\s\S]*%\}|\[%[\s\S]*%\])\s*$/.test(text);
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NO_PREFIXES: Array<[string, TrieNode]> = [];

/**
 * The prefix edges of `node` that a word starting like `key` could take. A node with dozens of
 * `word*` entries (a list of verbs written as stems) is tried for every token, so its prefixes
 * are grouped by their first letters once instead of each being compared with every word.
 */
export function prefixesFor(node: TrieNode, key: string): Array<[string, TrieNode]> {
  const all = node.prefixes;
  if (!all) return NO_PREFIXES;
  if (all.length <= 4) return all;
  if (!node.prefixIndex) {
    const length = Math.min(3, ...all.map(([p]) => p.length));
    const byStart = new Map<string, Array<[string, TrieNode]>>();
    for (const edge of all) {
      const start = edge[0].slice(0, length);
      const group = byStart.get(start);
      if (group) group.push(edge);
      else byStart.set(start, [edge]);
    }
    node.prefixIndex = { length, byStart };
  }
  return node.prefixIndex.byStart.get(key.slice(0, node.prefixIndex.length)) ?? NO_PREFIXES;
}
