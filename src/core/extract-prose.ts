// Turns a source file into "prose": a string of exactly the same length in which everything
// that is not the writer's own sentences is blanked (code, tags, quoted customer text, template
// logic) and every placeholder becomes one word-like run of "x". Because the length never
// changes, an offset in the prose is the same offset in the source: no offset map can drift,
// and a rewrite can copy a placeholder back byte for byte from the source.
import { codeSpans, emphasisMarkers, fencedBlocks, images, linkDefinitions, links } from './markdown-scan';
import { ENTITY_FILLER } from './normalize';
import type { SourceFormat } from './types';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  ids: string[];
  start: number;
  end: number;
}

export interface Extracted {
  prose: string;
  /** [start, end) of each placeholder, in source order. */
  placeholders: Array<[number, number]>;
  directives: Directive[];
  /** `lang:` from front matter, if any. */
  frontMatterLang?: string;
}

// Kinds, in rising priority: a blanked range always wins over a placeholder inside it.
const PROSE = 0;
const ENTITY = 1;
const PLACEHOLDER = 2;
const MASK = 3;
const BREAK = 4;

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
function entityChar(entity: string): string | undefined {
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

// The file-type table (extensions, formats, comment syntax) is in formats.ts.
export { formatForFile, isKnownExtension } from './formats';

// Handlebars/Mustache blocks, partials and comments are logic, not words in the sentence.
const HBS_LOGIC = /^\{\{[~]?\s*[#/^>!&]|^\{\{[~]?\s*else\b/;
// Help Scout's {%customer.firstName,fallback=there%}: a variable, not a Liquid tag.
const HELPSCOUT_VAR = /^\{%[A-Za-z_][\w]*(?:\.[\w]+)+(?:,\s*fallback=[^%]*)?%\}$/;
// Template Toolkit directives are upper-case keywords; anything else in [% %] prints a value.
const TT_DIRECTIVE =
  /^\[%[-+=~]?\s*(?:IF|ELSIF|ELSE|END|UNLESS|FOREACH|FOR|WHILE|SET|DEFAULT|INCLUDE|INSERT|PROCESS|WRAPPER|BLOCK|MACRO|CALL|FILTER|SWITCH|CASE|TRY|CATCH|FINAL|THROW|NEXT|LAST|RETURN|STOP|USE|GET|PERL|RAWPERL|META|TAGS|CLEAR|DEBUG)\b/;
// Elements whose text is never ours: code, scripts, and the customer's own words.
const OPAQUE_OPENERS = /<(script|style|pre|code|blockquote|textarea|template|kbd|samp)\b[^<>]{0,2000}>/gi;
// Tags that start a new block: a sentence must not run across them.
const BLOCK_TAG =
  /^<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|tbody|thead|section|article|header|footer|hr|dd|dt|dl|blockquote|center|body|html|head|title|main|nav|aside|figure|figcaption|form|fieldset|legend|details|summary)\b/i;

export function extractProse(source: string, format: SourceFormat): Extracted {
  const n = source.length;
  const kind = new Uint8Array(n);
  const mark = (start: number, end: number, k: number) => {
    for (let i = Math.max(0, start); i < end && i < n; i++) if (kind[i] < k) kind[i] = k;
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) {
      fn(m);
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  // An opener and its closer, found with one forward search each. Once a closer is missing
  // from the rest of the text, later openers of it are not searched again: a text of 50,000
  // unclosed "{#" stays a linear scan instead of 50,000 scans to the end.
  const blocks = (
    open: RegExp,
    closerOf: (m: RegExpExecArray) => RegExp,
    fn: (start: number, end: number, bodyEnd: number, m: RegExpExecArray) => void,
    unclosed?: (m: RegExpExecArray) => number | undefined,
  ) => {
    const missing = new Set<string>();
    open.lastIndex = 0;
    for (let m = open.exec(source); m; m = open.exec(source)) {
      const closer = closerOf(m);
      let found: RegExpExecArray | null = null;
      if (!missing.has(closer.source)) {
        closer.lastIndex = m.index + m[0].length;
        found = closer.exec(source);
      }
      if (!found) {
        missing.add(closer.source);
        const resume = unclosed?.(m);
        if (resume !== undefined) open.lastIndex = resume;
        continue;
      }
      fn(m.index, found.index + found[0].length, found.index, m);
      open.lastIndex = found.index + found[0].length;
    }
  };
  const directives: Directive[] = [];
  const directive = (body: string, start: number, end: number) => {
    const d = /^\s*warmly-(disable-next-line|disable-line|disable|enable)(?![\w-])([\s\S]*)$/.exec(body);
    if (d) directives.push({ kind: d[1] as Directive['kind'], ids: d[2].split(/[\s,]+/).filter(Boolean), start, end });
  };
  let frontMatterLang: string | undefined;

  if (format !== 'html') {
    const fm = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
    if (fm) {
      mark(0, fm[0].length, MASK);
      const lang = /^(?:lang|language)\s*:\s*["']?([A-Za-z-]+)["']?\s*$/m.exec(fm[1]);
      if (lang) frontMatterLang = lang[1];
    }
  }

  // Comments first: they hold the suppression directives, and nothing inside them is prose.
  const CLOSERS: Record<string, RegExp> = {
    '<!--': /-->/g,
    '{{!--': /--\}\}/g,
    '{{!': /\}\}/g,
    '{#': /#\}/g,
    '[%#': /%\]/g,
  };
  blocks(
    /<!--|\{\{!--|\{\{!|\{#|\[%#/g,
    (m) => CLOSERS[m[0]],
    (start, end, bodyEnd, m) => {
      mark(start, end, MASK);
      directive(source.slice(start + m[0].length, bodyEnd), start, end);
    },
    (m) => {
      // An unclosed <!-- hides the rest, as in a browser: nothing after it needs looking at.
      const all = m[0] === '<!--';
      mark(m.index, all ? n : m.index + m[0].length, MASK);
      return all ? n : undefined;
    },
  );

  // Template syntax: placeholders become one word; logic disappears.
  blocks(
    /\{%-?\s*(comment|raw)\s*-?%\}/g,
    (m) => new RegExp(`\\{%-?\\s*end${m[1]}\\s*-?%\\}`, 'g'),
    (start, end, bodyEnd, m) => {
      mark(start, end, MASK);
      // Liquid's {% comment %} … {% endcomment %} carries suppressions too.
      if (m[1] === 'comment') directive(source.slice(start + m[0].length, bodyEnd), start, end);
    },
  );
  // A placeholder is short and holds no other opener: "{{{{ … {{ name }}" is noise, then a name.
  each(
    /\{\{\{(?:(?!\{\{|\}\}\})[\s\S]){0,300}\}\}\}|\{\{(?:(?!\{\{|\}\})[\s\S]){0,300}\}\}|\{%(?:(?!\{%|%\})[\s\S]){0,300}%\}|\[%(?:(?!\[%|%\])[\s\S]){0,300}%\]|\$\{[^}\n]{0,300}\}/g,
    (m) => {
      const t = m[0];
      let k = PLACEHOLDER;
      if (t.startsWith('{%')) k = HELPSCOUT_VAR.test(t) ? PLACEHOLDER : MASK;
      else if (t.startsWith('[%')) k = TT_DIRECTIVE.test(t) ? MASK : PLACEHOLDER;
      else if (t.startsWith('{{') && !t.startsWith('{{{')) k = HBS_LOGIC.test(t) ? MASK : PLACEHOLDER;
      mark(m.index, m.index + t.length, k);
    },
  );
  // An unbalanced opener is template noise, not a word.
  each(/\{\{|\}\}|\{%|%\}|\[%|%\]/g, (m) => {
    if (kind[m.index] === PROSE) mark(m.index, m.index + 2, MASK);
  });

  const maskAll = (start: number, end: number) => mark(start, end, MASK);
  if (format === 'markdown') {
    fencedBlocks(source, maskAll);
    codeSpans(source, maskAll);
    images(source, maskAll);
    links(source, maskAll);
    linkDefinitions(source, maskAll);
  }

  if (format !== 'text') {
    blocks(
      OPAQUE_OPENERS,
      (m) => new RegExp(`</${m[1]}\\s*>`, 'gi'),
      (start, end) => mark(start, end, MASK),
    );
    each(/<\/?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>/g, (m) => {
      mark(m.index, m.index + m[0].length, MASK);
      if (BLOCK_TAG.test(m[0])) mark(m.index, m.index + Math.min(2, m[0].length), BREAK);
    });
    each(/&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g, (m) =>
      mark(m.index, m.index + m[0].length, entityChar(m[0]) ? ENTITY : MASK),
    );
  }

  if (format !== 'html') {
    // "> " lines are the customer's words (and their lazy continuation lines, as in Markdown).
    each(/^[ \t]{0,3}>[^\n]*(?:\n(?![ \t]*\r?\n)(?![ \t]{0,3}(?:[-*+]|\d+[.)])[ \t])[^\n]*)*/gm, (m) =>
      mark(m.index, m.index + m[0].length, MASK),
    );
  }

  // Addresses and handles are names, not words: one token each, never changed by a fix.
  each(/\bhttps?:\/\/[^\s<>()"'\]]+[^\s<>()"'\].,;:!?]|\bwww\.[^\s<>()"'\]]+[^\s<>()"'\].,;:!?]/g, (m) =>
    mark(m.index, m.index + m[0].length, PLACEHOLDER),
  );
  emailAddresses(source, (start, end) => mark(start, end, PLACEHOLDER));
  each(/(?<![\w@.])@[A-Za-z0-9_]+/g, (m) => mark(m.index, m.index + m[0].length, PLACEHOLDER));
  // Last, so that a marker inside a placeholder, address or code span leaves it whole.
  if (format === 'markdown') emphasisMarkers(source, maskAll, (i) => kind[i] === PROSE);

  return { prose: render(source, kind), placeholders: runsOf(kind, PLACEHOLDER), directives, frontMatterLang };
}

const EMAIL_LOCAL = /[\w.+-]/;
const EMAIL_DOMAIN = /[\w-]/;

/**
 * `local@domain.tld` addresses, as /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/ finds them, but found from
 * each "@" outwards: the expression itself retries from every letter of a long word, and one
 * 200,000-letter word took 18 s.
 */
function emailAddresses(source: string, found: (start: number, end: number) => void): void {
  let consumed = 0;
  for (let at = source.indexOf('@'); at >= 0; at = source.indexOf('@', at + 1)) {
    let start = at;
    while (start > consumed && EMAIL_LOCAL.test(source[start - 1])) start--;
    if (start === at) continue;
    let end = at + 1;
    while (end < source.length && EMAIL_DOMAIN.test(source[end])) end++;
    if (end === at + 1) continue;
    let dots = 0;
    for (;;) {
      let k = end + 1;
      if (source[end] !== '.') break;
      while (k < source.length && EMAIL_DOMAIN.test(source[k])) k++;
      if (k === end + 1) break;
      end = k;
      dots++;
    }
    if (dots === 0) continue;
    found(start, end);
    consumed = end;
    at = end - 1;
  }
}

function render(source: string, kind: Uint8Array): string {
  let out = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    const k = kind[i];
    let j = i + 1;
    while (j < n && kind[j] === k) j++;
    if (k === PROSE) out += source.slice(i, j);
    else if (k === ENTITY) out += decodeEntities(source, i, j, out.slice(-1));
    else if (k === PLACEHOLDER) out += 'x'.repeat(j - i);
    else if (k === BREAK) out += '\n'.repeat(j - i);
    else out += blank(source.slice(i, j));
    i = j;
  }
  return out;
}

// \p{M} takes in the filler (U+034F) too.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Spaces in place of the text, line breaks kept: one replacement per line, not per character,
// or an unclosed comment over a whole file makes a garbage-collection storm.
function blank(run: string): string {
  return /[\r\n]/.test(run) ? run.replace(/[^\r\n]+/g, (m) => ' '.repeat(m.length)) : ' '.repeat(run.length);
}

// Each entity becomes its character padded to the entity's own length. A letter, or a quote
// between two letters ("don&rsquo;t"), is padded with the filler, which parsers keep inside
// the word. A quote at a word's edge ("&ldquo;You") is padded with spaces: the filler would
// glue it to the next word, and a range starting at that word would start inside the entity.
function decodeEntities(source: string, start: number, end: number, before: string): string {
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

function runsOf(kind: Uint8Array, k: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < kind.length; i++) {
    if (kind[i] !== k) continue;
    let j = i + 1;
    while (j < kind.length && kind[j] === k) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}
