// The Snowball stemmers behind `word~` patterns, one per language a _language.yaml names.
// Snowball (via @orama/stemmers) covers all five shipped languages, is rule-based (no model to
// load) and fast: about a microsecond a word, and each document word is stemmed at most once.
import { foldWord } from './normalize';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as swedish } from '@orama/stemmers/swedish';

export const STEMMERS: Record<string, (word: string) => string> = { dutch, english, norwegian, romanian, swedish };

/** Folded word in, stem out; a word with an apostrophe or a digit is its own stem. */
export function stemmerFor(name: string | undefined): ((word: string) => string) | undefined {
  const stem = name ? STEMMERS[name] : undefined;
  if (!stem) return undefined;
  const cache = new Map<string, string>();
  return (word) => {
    let s = cache.get(word);
    if (s === undefined) {
      s = /['\d]/.test(word) ? word : stem(word);
      if (cache.size > 50000) cache.clear();
      cache.set(word, s);
    }
    return s;
  };
}

/**
 * A folding function from a letter table ({ă: a, ș: s}) and a table of whole-word spellings
 * ({cant: "can't"}), or undefined for none. Both sides of a match go through it, so a pattern
 * written one way matches text written the other.
 */
export function folderFor(
  table: Record<string, string> | undefined,
  spellings: Record<string, string> = {},
): ((word: string) => string) | undefined {
  const letters = Object.keys(table ?? {});
  const any = letters.length > 0 ? new RegExp(`[${letters.join('')}]`) : undefined;
  const all = any && new RegExp(any.source, 'g');
  const letterFold = (word: string) => (any?.test(word) ? word.replace(all!, (ch) => table![ch]) : word);
  // The table's own words are folded like the text, so "cannot" and "can’t" meet as "can't".
  const words = new Map(
    Object.entries(spellings).map(([from, to]) => [letterFold(foldWord(from)), letterFold(foldWord(to))]),
  );
  if (!any && words.size === 0) return undefined;
  return (word) => {
    const folded = letterFold(word);
    return words.get(folded) ?? folded;
  };
}
