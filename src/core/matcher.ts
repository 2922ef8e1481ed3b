// One matcher for every phrase of every active rule of a language: the phrases are woven
// into one trie (trie.ts), so phrases that share their first words ("we can't…", "we
// cannot…") are walked once. Matching is one pass over the token stream, and the work per
// token depends on the text, not on how many phrases are loaded. Named lists (@list and
// {name:list}) are walked where a pattern refers to them and remembered per position, so a
// class of forty parties costs one walk however many patterns use it.
import { normaliseToken } from './pattern-syntax';
import { resolveMatches } from './resolve-matches';
import { prefixesFor, Trie, type ListEdge, type Terminal, type TrieNode } from './trie';
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
  /** Its common words (detection, function words): poor prefilter anchors. */
  common?: string[];
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

const NONE: number[] = [];
/** Longest a capture may run over content words, after any determiners. */
const MAX_CAPTURE_WORDS = 3;

/** Per match call: the folded key and (lazily) the stem of each token, and list walks done. */
interface Pass {
  tokens: Token[];
  keys: string[];
  stems: Array<string | undefined>;
  memo: Map<number, number[]>;
}

export class Matcher {
  private readonly trie: Trie;
  private readonly determiners: Set<string>;
  private readonly functionWords: Set<string>;
  private readonly stem: (word: string) => string;
  private readonly fold: (word: string) => string;
  private ids = 0;

  constructor(rules: MatcherRule[], words: WordLists) {
    this.fold = words.fold ?? ((w) => w);
    this.stem = words.stem ?? ((w) => w);
    this.trie = new Trie(this.fold, this.stem, new Set((words.common ?? []).map((w) => this.key(w))));
    this.determiners = new Set(words.determiners.map((w) => this.key(w)));
    this.functionWords = new Set(words.functionWords.map((w) => this.key(w)));
    rules.forEach((rule, r) => {
      const listId = (name: string) => this.trie.listId(rule.lists[name] ?? [], rule.lists);
      const term = (phrase: number, unless: boolean, scope: number): Terminal => ({
        rule: r,
        phrase,
        unless,
        scope,
        question: false,
      });
      rule.phrases.forEach((phrase, p) => {
        this.trie.insertPattern(phrase, term(p, false, -1), listId);
        for (const veto of rule.phraseUnless?.[p] ?? []) this.trie.insertPattern(veto, term(-1, true, p), listId);
      });
      for (const veto of rule.unless) this.trie.insertPattern(veto, term(-1, true, -1), listId);
    });
  }

  /** A number for each trie node, given when the matcher first walks it (for the sets of places seen). */
  private idOf(node: TrieNode): number {
    if (node.id === undefined) node.id = ++this.ids;
    return node.id;
  }

  private key(word: string): string {
    return this.fold(normaliseToken(word));
  }

  /** Cheap and conservative: false only when no phrase can possibly match in the text. */
  mayMatch(text: string): boolean {
    return this.trie.mayMatch(text);
  }

  match(tokens: Token[]): RawMatch[] {
    const pass: Pass = { tokens, keys: tokens.map((t) => this.fold(t.norm)), stems: [], memo: new Map() };
    const found: RawMatch[] = [];
    const vetoes: Array<RawMatch & { scope: number }> = [];
    const stack: Array<[string, number, number]> = [];
    // One walk per start token; `from` and its sentence are fixed while it runs, so one visitor
    // serves every step (a closure per step was a large share of the garbage collected).
    let from = 0;
    let sentence = 0;
    // Where this walk has been (trie node × token), with the captures open: optional words and
    // gaps can reach one place by many paths ("(so) (so) (so) … sorry" over "so so so"), and
    // each after the first finds nothing new — without this their number grows exponentially.
    const seen = new Set<number>();
    const seenCapturing = new Set<string>();
    const width = tokens.length + 1;
    const visit = (child: TrieNode, end: number, edge?: ListEdge, start?: number) => {
      if (edge?.name) stack.push([edge.name, start ?? end, end]);
      walk(child, end);
      if (edge?.name) stack.pop();
    };
    const walk = (node: TrieNode, pos: number) => {
      const place = this.idOf(node) * width + pos;
      if (stack.length === 0) {
        if (seen.has(place)) return;
        seen.add(place);
      } else {
        const key = `${place}:${stack.map(([n, s, e]) => `${n},${s},${e}`).join(';')}`;
        if (seenCapturing.has(key)) return;
        seenCapturing.add(key);
      }
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
      this.next(pass, node, sentence, pos, visit);
    };
    for (let i = 0; i < tokens.length; i++) {
      from = i;
      sentence = tokens[i].sentence;
      seen.clear();
      seenCapturing.clear();
      walk(this.trie.root, i);
      if (i === 0 || tokens[i - 1].sentence !== sentence) walk(this.trie.anchored, i);
    }
    return resolveMatches(found, vetoes);
  }

  /** Calls `visit` for each child of `node` that the tokens from `pos` lead to, with where it ends. */
  private next(
    pass: Pass,
    node: TrieNode,
    sentence: number,
    pos: number,
    visit: (n: TrieNode, end: number, e?: ListEdge, start?: number) => void,
  ) {
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
      if (node.prefixes) for (const [p, n] of prefixesFor(node, k)) if (k.startsWith(p)) visit(n, pos + 1);
    }
    if (node.any) visit(node.any, pos + 1);
    if (node.edges) {
      for (const edge of node.edges) {
        const ends = edge.name ? this.captureEnds(pass, pos, edge) : this.listEnds(pass, edge.list, pos);
        for (const end of ends) visit(edge.node, end, edge, pos);
      }
    }
  }

  /** Ends (exclusive) of the list's phrases starting at token `pos`, longest first; remembered per pass. */
  private listEnds(pass: Pass, list: number, pos: number): number[] {
    // Most words cannot begin a given list: say so before any memo or walk (the common case).
    const compiled = this.trie.lists[list];
    const tok = pass.tokens[pos];
    if (!tok || (!compiled.open && (tok.placeholder ? !compiled.placeholder : !this.mayOpen(compiled.root, pass, pos))))
      return NONE;
    const key = list * (pass.tokens.length + 1) + pos;
    const known = pass.memo.get(key);
    if (known) return known;
    // Marked before the walk: a list that names itself (through @list) ends here, not in recursion.
    pass.memo.set(key, []);
    const ends = new Set<number>();
    if (compiled.placeholder && tok.placeholder) ends.add(pos + 1);
    const seen = new Set<number>();
    const width = pass.tokens.length + 1;
    const walk = (node: TrieNode, at: number) => {
      // As in match(): one visit per trie node and token, however many paths lead there.
      const place = this.idOf(node) * width + at;
      if (seen.has(place)) return;
      seen.add(place);
      if (node.listEnd && at > pos) ends.add(at);
      this.next(pass, node, tok.sentence, at, (child, end) => walk(child, end));
    };
    walk(compiled.root, pos);
    const out = [...ends].sort((a, b) => b - a);
    pass.memo.set(key, out);
    return out;
  }

  /** Whether the token at `pos` can be the first word under `root` (words, stems, prefixes). */
  private mayOpen(root: TrieNode, pass: Pass, pos: number): boolean {
    const k = pass.keys[pos];
    if (root.words?.has(k)) return true;
    if (root.stems?.has((pass.stems[pos] ??= this.stem(k)))) return true;
    return !!root.prefixes && prefixesFor(root, k).some(([p]) => k.startsWith(p));
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

/** Only white space between token i and the next: a comma or dash ends a noun phrase. */
function adjacent(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && next.sentence === tokens[i].sentence && next.afterSpace !== false && next.start - tokens[i].end <= 3;
}
