// Folding used on both sides of a match (rule words and document words), so that writers
// never have to spell out the variants: case, curly versus straight apostrophes, and the
// Romanian cedilla letters that old keyboards still produce (ş ţ) versus the comma-below
// letters the language actually uses (ș ț).

const FOLD: Record<string, string> = {
  '\u2019': "'", // right single quotation mark, the usual "curly" apostrophe
  '\u2018': "'",
  '\u02BC': "'", // modifier letter apostrophe
  '\u0060': "'",
  '\u00B4': "'",
  '\u2032': "'",
  '\u015F': '\u0219', // ş → ș
  '\u0163': '\u021B', // ţ → ț
  '\u2010': '-',
  '\u2011': '-',
};
const FOLD_RE = /[\u2019\u2018\u02BC\u0060\u00B4\u2032\u015F\u0163\u2010\u2011]/g;

/**
 * Filler the prose extractor puts after a decoded HTML entity ("don&rsquo;t" → "don’" + four
 * of these + "t"), so the word stays one word and keeps the source's length. It is a
 * combining mark, so parsers keep it inside the word, and it is dropped before matching.
 */
export const ENTITY_FILLER = '\u034F';

const ASCII = /^[\x00-\x7F]*$/;

export function foldWord(word: string): string {
  // Most words are plain ASCII: nothing to normalise, only case and the backtick to fold.
  if (ASCII.test(word)) {
    const lower = word.toLowerCase();
    return lower.includes('`') ? lower.replace(/`/g, "'") : lower;
  }
  // toLowerCase first: Ş lowers to ş, which the table then turns into ș.
  return word
    .replace(/\u034F/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(FOLD_RE, (ch) => FOLD[ch]);
}

/** True when the first letter of the string is an upper-case letter. */
export function startsUpper(text: string): boolean {
  const ch = firstLetter(text);
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function firstLetter(text: string): string | undefined {
  const m = /\p{L}/u.exec(text);
  return m ? m[0] : undefined;
}

/** Upper-cases the first letter, leaving placeholders and punctuation before it alone. */
export function capitalise(text: string): string {
  const m = /\p{L}/u.exec(text);
  if (!m || m.index === undefined) return text;
  // A leading placeholder ("{{ name }}, sorry…") must stay byte for byte.
  if (/[{[%]/.test(text.slice(0, m.index))) return text;
  return text.slice(0, m.index) + m[0].toUpperCase() + text.slice(m.index + 1);
}
