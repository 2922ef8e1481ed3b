// HTML entities in prose. An entity that stands for a letter or a quote becomes that character,
// padded to the entity's own length so that offsets stay those of the source; every other
// entity (&nbsp;, &amp;, …) is blanked like a tag.
import { ENTITY_FILLER } from './normalize';

/** The entities prose extraction looks at: named, decimal and hexadecimal. */
export const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;

// Named entities that stand for letters or quotes inside words; others are blanked.
const NAMED: Record<string, string> = {
  apos: "'",
  rsquo: '\u2019',
  lsquo: '\u2018',
  quot: '"',
  ldquo: '\u201C',
  rdquo: '\u201D',
  shy: '',
  hyphen: '-',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  agrave: 'à',
  egrave: 'è',
  igrave: 'ì',
  ograve: 'ò',
  ugrave: 'ù',
  acirc: 'â',
  ecirc: 'ê',
  icirc: 'î',
  ocirc: 'ô',
  ucirc: 'û',
  auml: 'ä',
  euml: 'ë',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
  aring: 'å',
  aelig: 'æ',
  oslash: 'ø',
  szlig: 'ß',
  ccedil: 'ç',
  ntilde: 'ñ',
  atilde: 'ã',
  otilde: 'õ',
  abreve: 'ă',
  Aacute: 'Á',
  Eacute: 'É',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  Aring: 'Å',
  AElig: 'Æ',
  Oslash: 'Ø',
  Acirc: 'Â',
  Icirc: 'Î',
  Abreve: 'Ă',
};

/** The character an entity stands for, when it can live inside a word; otherwise undefined. */
export function entityChar(entity: string): string | undefined {
  const body = entity.slice(1, -1);
  let ch: string | undefined;
  if (body.startsWith('#x') || body.startsWith('#X')) ch = safeCodePoint(parseInt(body.slice(2), 16));
  else if (body.startsWith('#')) ch = safeCodePoint(parseInt(body.slice(1), 10));
  else ch = NAMED[body];
  if (!ch || ch.length >= entity.length) return undefined;
  return /^[\p{L}\p{M}'\u2019\u2018"\u201C\u201D-]$/u.test(ch) ? ch : undefined;
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
    ? String.fromCodePoint(n)
    : undefined;
}

// \p{M} takes in the filler (U+034F) too.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Each entity becomes its character padded to the entity's own length. A letter, or a quote
// between two letters ("don&rsquo;t"), is padded with the filler, which parsers keep inside
// the word. A quote at a word's edge ("&ldquo;You") is padded with spaces: the filler would
// glue it to the next word, and a range starting at that word would start inside the entity.
export function decodeEntities(source: string, start: number, end: number, before: string): string {
  let prev = before;
  return source.slice(start, end).replace(/&[^;]+;/g, (e, offset: number) => {
    const ch = entityChar(e) ?? ' ';
    const next = source[start + offset + e.length] ?? '';
    const inWord = /[\p{L}\p{M}]/u.test(ch) || (WORD_CHAR.test(prev) && (WORD_CHAR.test(next) || next === '&'));
    const text = ch + (inWord ? ENTITY_FILLER : ' ').repeat(e.length - ch.length);
    prev = text.slice(-1);
    return text;
  });
}
