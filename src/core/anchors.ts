// The prefilter's words: for each pattern, a small set of words such that every phrasing holds
// one of them. A paragraph with none of a language's anchors cannot match, so it is never
// parsed — the cheap scan that keeps linting fast on text with nothing to find.
import type { Node } from './pattern-syntax';

export interface Anchor {
  text: string;
  /** Matches any word starting with `text` (for word* and word~). */
  prefix: boolean;
}

/**
 * A small set of anchors for the pattern, or null when there is none (a phrase of only optional
 * words and captures). One required word is best: the longest, as long words are rare. Else the
 * alternative group (or @list) whose options all have anchors.
 */
export function anchorsOf(
  nodes: Node[],
  fold: (w: string) => string,
  stem: (w: string) => string,
  listAnchors: (name: string) => Anchor[] | null,
): Anchor[] | null {
  let best: Anchor | undefined;
  const consider = (a: Anchor) => {
    if (!best || (best.prefix && !a.prefix) || (best.prefix === a.prefix && a.text.length > best.text.length)) best = a;
  };
  for (const node of nodes) {
    if (node.k !== 'item') continue;
    const it = node.item;
    if (it.t === 'word') {
      const longest = splitPieces(fold(it.w)).reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest) consider({ text: longest, prefix: false });
    } else if (it.t === 'prefix') {
      const pieces = splitPieces(fold(it.p));
      consider(pieces.length > 1 ? { text: pieces[0], prefix: false } : { text: fold(it.p), prefix: true });
    } else if (it.t === 'stem') {
      // Inflected forms share the letters the word and its stem have in common ("happy", "happi").
      const w = fold(it.w);
      const s = stem(w);
      let k = 0;
      while (k < w.length && k < s.length && w[k] === s[k]) k++;
      if (k >= 3) consider({ text: w.slice(0, k), prefix: true });
    }
  }
  if (best) return [best];
  let smallest: Anchor[] | null = null;
  for (const node of nodes) {
    let union: Anchor[] | null = [];
    if (node.k === 'item') {
      if (node.item.t !== 'ref' && !(node.item.t === 'cap' && node.item.list)) continue;
      union = listAnchors(node.item.t === 'ref' ? node.item.list : node.item.list!);
    } else {
      if (node.options.some((o) => o.length === 0)) continue;
      for (const option of node.options) {
        const a = anchorsOf(option, fold, stem, listAnchors);
        if (!a) {
          union = null;
          break;
        }
        union.push(...a);
      }
    }
    if (union && (!smallest || union.length < smallest.length)) smallest = union;
  }
  return smallest;
}

function splitPieces(word: string): string[] {
  return word
    .split(/[^\p{L}\p{N}\p{M}']+/u)
    .map((p) => p.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}
