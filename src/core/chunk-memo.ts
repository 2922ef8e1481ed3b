// An editor lints a document again after every keystroke, and a keystroke changes one
// paragraph: the memo keeps what each paragraph gave (its tokens and the matcher's raw
// matches, both relative to the paragraph), so the next lint parses and matches only the
// paragraph that changed. Entries belong to one compiled rule set (a WeakMap key), so a reload
// or other settings can never reuse a stale match; the oldest entries go first past the limit.
import type { RawMatch } from './matcher';
import type { Token } from './tokenize';

export interface ChunkResult {
  tokens: Token[];
  matches: RawMatch[];
}

/** Paragraphs kept per rule set: a few long documents' worth, a few MB. */
const DEFAULT_LIMIT = 4000;

export class ChunkMemo {
  private readonly byRules = new WeakMap<object, Map<string, ChunkResult>>();
  /** Lookups answered from the memo and computed afresh (read by the tests and the bench). */
  readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** What `compute` gives for this paragraph under these rules, computed once while it is kept. */
  get(rules: object, key: string, compute: () => ChunkResult): ChunkResult {
    let entries = this.byRules.get(rules);
    if (!entries) {
      entries = new Map();
      this.byRules.set(rules, entries);
    }
    const kept = entries.get(key);
    if (kept) {
      // Least recently used goes first: move this one to the end of the Map's order.
      entries.delete(key);
      entries.set(key, kept);
      this.counts.hits++;
      return kept;
    }
    this.counts.misses++;
    const result = compute();
    entries.set(key, result);
    if (entries.size > this.limit) entries.delete(entries.keys().next().value as string);
    return result;
  }
}
