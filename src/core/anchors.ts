// The prefilter's words: for each pattern, a small set of words such that every phrasing holds
// one of them. A paragraph with none of a language's anchors cannot match, so it is never
// parsed — the cheap scan that keeps linting fast on text with nothing to find. The set is
// chosen to be rare: a required "contact" beats a required "you", which nearly every
// paragraph holds.
import type { Item, Node } from './pattern-syntax';

export interface Anchor {
  text: string;
  /** Matches any word starting with `text` (for word* and word~). */
  prefix: boolean;
}

export interface AnchorWords {
  fold: (w: string) => string;
  stem: (w: string) => string;
  listAnchors: (name: string) => Anchor[] | null;
  /** The language's common words (detection and function words): poor anchors. */
  common: Set<string>;
}

/** What an anchor set costs the prefilter: a common word or a short prefix lets most text through. */
function cost(set: Anchor[], words: AnchorWords): number {
  let c = 0;
  for (const a of set) c += words.common.has(a.text) ? 20 : a.prefix ? (a.text.length <= 3 ? 4 : 2) : 1;
  return c;
}

/**
 * The cheapest set of anchors that every phrasing of the pattern holds one of, or null when
 * there is none (a phrase of only optional words, gaps and captures). Each required part is a
 * candidate: a word, a word* or word~, a required group (the union of its options' best sets),
 * an @list (the first words of its phrases).
 */
export function anchorsOf(nodes: Node[], words: AnchorWords): Anchor[] | null {
  let best: Anchor[] | null = null;
  let bestCost = Infinity;
  const consider = (set: Anchor[] | null) => {
    if (!set || set.length === 0) return;
    const c = cost(set, words);
    if (c < bestCost) {
      best = set;
      bestCost = c;
    }
  };
  for (const node of nodes) {
    if (node.k === 'item') consider(itemAnchors(node.item, words));
    else if (!node.options.some((o) => o.length === 0)) {
      const union: Anchor[] = [];
      let complete = true;
      for (const option of node.options) {
        const a = anchorsOf(option, words);
        if (!a) {
          complete = false;
          break;
        }
        union.push(...a);
      }
      if (complete) consider(union);
    }
  }
  return best;
}

function itemAnchors(it: Item, words: AnchorWords): Anchor[] | null {
  switch (it.t) {
    case 'word': {
      const longest = splitPieces(words.fold(it.w)).reduce((a, b) => (b.length > a.length ? b : a), '');
      return longest ? [{ text: longest, prefix: false }] : null;
    }
    case 'prefix': {
      const pieces = splitPieces(words.fold(it.p));
      return [pieces.length > 1 ? { text: pieces[0], prefix: false } : { text: words.fold(it.p), prefix: true }];
    }
    case 'stem': {
      // Inflected forms share the letters the word and its stem have in common ("happy", "happi").
      const w = words.fold(it.w);
      const s = words.stem(w);
      let k = 0;
      while (k < w.length && k < s.length && w[k] === s[k]) k++;
      return k >= 3 ? [{ text: w.slice(0, k), prefix: true }] : null;
    }
    case 'ref':
      return words.listAnchors(it.list);
    case 'cap':
      return it.list ? words.listAnchors(it.list) : null;
    default:
      return null;
  }
}

function splitPieces(word: string): string[] {
  return word
    .split(/[^\p{L}\p{N}\p{M}']+/u)
    .map((p) => p.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}
