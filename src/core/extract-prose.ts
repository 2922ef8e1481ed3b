// Turns a source file into "prose": a string of exactly the same length in which everything
// that is not the writer's own sentences is blanked (code, tags, quoted customer text, template
// logic) and every placeholder becomes one word-like run of "x". Because the length never
// changes, an offset in the prose is the same offset in the source: no offset map can drift,
// and a rewrite can copy a placeholder back byte for byte from the source.
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
  apos: "'", rsquo: '\u2019', lsquo: '\u2018', quot: '"', ldquo: '\u201C', rdquo: '\u201D', shy: '', hyphen: '-',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', agrave: 'à', egrave: 'è', igrave: 'ì', ograve: 'ò', ugrave: 'ù',
  acirc: 'â', ecirc: 'ê', icirc: 'î', ocirc: 'ô', ucirc: 'û', auml: 'ä', euml: 'ë', iuml: 'ï', ouml: 'ö', uuml: 'ü',
  aring: 'å', aelig: 'æ', oslash: 'ø', szlig: 'ß', ccedil: 'ç', ntilde: 'ñ', atilde: 'ã', otilde: 'õ', abreve: 'ă',
  Aacute: 'Á', Eacute: 'É', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', Aring: 'Å', AElig: 'Æ', Oslash: 'Ø', Acirc: 'Â', Icirc: 'Î', Abreve: 'Ă',
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
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : undefined;
}

const EXTENSIONS: Record<string, SourceFormat> = {
  md: 'markdown', markdown: 'markdown', mdx: 'markdown', mdown: 'markdown',
  html: 'html', htm: 'html', xhtml: 'html',
  hbs: 'template', handlebars: 'template', mustache: 'template', liquid: 'template',
  jinja: 'template', jinja2: 'template', j2: 'template', njk: 'template', twig: 'template',
  tt: 'template', tt2: 'template', reply: 'template', tmpl: 'template',
  txt: 'text', text: 'text',
};

export function formatForFile(fileName: string | undefined): SourceFormat {
  if (!fileName) return 'text';
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return (m && EXTENSIONS[m[1].toLowerCase()]) || 'text';
}

export function isKnownExtension(fileName: string): boolean {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return !!m && m[1].toLowerCase() in EXTENSIONS;
}

// Handlebars/Mustache blocks, partials and comments are logic, not words in the sentence.
const HBS_LOGIC = /^\{\{[~]?\s*[#/^>!&]|^\{\{[~]?\s*else\b/;
// Help Scout's {%customer.firstName,fallback=there%}: a variable, not a Liquid tag.
const HELPSCOUT_VAR = /^\{%[A-Za-z_][\w]*(?:\.[\w]+)+(?:,\s*fallback=[^%]*)?%\}$/;
// Template Toolkit directives are upper-case keywords; anything else in [% %] prints a value.
const TT_DIRECTIVE = /^\[%[-+=~]?\s*(?:IF|ELSIF|ELSE|END|UNLESS|FOREACH|FOR|WHILE|SET|DEFAULT|INCLUDE|INSERT|PROCESS|WRAPPER|BLOCK|MACRO|CALL|FILTER|SWITCH|CASE|TRY|CATCH|FINAL|THROW|NEXT|LAST|RETURN|STOP|USE|GET|PERL|RAWPERL|META|TAGS|CLEAR|DEBUG)\b/;
// Elements whose text is never ours: code, scripts, and the customer's own words.
const OPAQUE_OPENERS = /<(script|style|pre|code|blockquote|textarea|template|kbd|samp)\b[^<>]{0,2000}>/gi;
// Tags that start a new block: a sentence must not run across them.
const BLOCK_TAG = /^<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|tbody|thead|section|article|header|footer|hr|dd|dt|dl|blockquote|center|body|html|head|title|main|nav|aside|figure|figcaption|form|fieldset|legend|details|summary)\b/i;

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
  const blocks = (open: RegExp, closerOf: (m: RegExpExecArray) => RegExp, fn: (start: number, end: number, bodyEnd: number, m: RegExpExecArray) => void, unclosed?: (m: RegExpExecArray) => void) => {
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
        unclosed?.(m);
        continue;
      }
      fn(m.index, found.index + found[0].length, found.index, m);
      open.lastIndex = found.index + found[0].length;
    }
  };
  const directives: Directive[] = [];
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
  const CLOSERS: Record<string, RegExp> = { '<!--': /-->/g, '{{!--': /--\}\}/g, '{{!': /\}\}/g, '{#': /#\}/g, '[%#': /%\]/g };
  blocks(/<!--|\{\{!--|\{\{!|\{#|\[%#/g, (m) => CLOSERS[m[0]], (start, end, bodyEnd, m) => {
    mark(start, end, MASK);
    const d = /^\s*warmly-(disable-next-line|disable-line|disable|enable)(?![\w-])([\s\S]*)$/.exec(source.slice(start + m[0].length, bodyEnd));
    if (d) directives.push({ kind: d[1] as Directive['kind'], ids: d[2].split(/[\s,]+/).filter(Boolean), start, end });
  }, (m) => mark(m.index, m[0] === '<!--' ? n : m.index + m[0].length, MASK)); // an unclosed <!-- hides the rest, as in a browser

  // Template syntax: placeholders become one word; logic disappears.
  blocks(/\{%-?\s*(comment|raw)\s*-?%\}/g, (m) => new RegExp(`\\{%-?\\s*end${m[1]}\\s*-?%\\}`, 'g'), (start, end) => mark(start, end, MASK));
  // A placeholder is short and holds no other opener: "{{{{ … {{ name }}" is noise, then a name.
  each(/\{\{\{(?:(?!\{\{|\}\}\})[\s\S]){0,300}\}\}\}|\{\{(?:(?!\{\{|\}\})[\s\S]){0,300}\}\}|\{%(?:(?!\{%|%\})[\s\S]){0,300}%\}|\[%(?:(?!\[%|%\])[\s\S]){0,300}%\]|\$\{[^}\n]{0,300}\}/g, (m) => {
    const t = m[0];
    let k = PLACEHOLDER;
    if (t.startsWith('{%')) k = HELPSCOUT_VAR.test(t) ? PLACEHOLDER : MASK;
    else if (t.startsWith('[%')) k = TT_DIRECTIVE.test(t) ? MASK : PLACEHOLDER;
    else if (t.startsWith('{{') && !t.startsWith('{{{')) k = HBS_LOGIC.test(t) ? MASK : PLACEHOLDER;
    mark(m.index, m.index + t.length, k);
  });
  // An unbalanced opener is template noise, not a word.
  each(/\{\{|\}\}|\{%|%\}|\[%|%\]/g, (m) => {
    if (kind[m.index] === PROSE) mark(m.index, m.index + 2, MASK);
  });

  if (format === 'markdown') {
    each(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[`~]*[ \t]*(?=\r?\n|$)|$(?![\s\S]))/gm, (m) => mark(m.index, m.index + m[0].length, MASK));
    each(/(`+)(?!`)[\s\S]{0,1000}?[^`]\1(?!`)|(`+)(?!`)\S\2(?!`)/g, (m) => {
      // A code span cannot run across a blank line.
      if (!/\n[ \t]*\r?\n/.test(m[0])) mark(m.index, m.index + m[0].length, MASK);
    });
    each(/!\[[^\]\n]*\]\([^)\n]*\)/g, (m) => mark(m.index, m.index + m[0].length, MASK));
    each(/\]\([^)\n]*\)|\]\[[^\]\n]*\]/g, (m) => mark(m.index, m.index + m[0].length, MASK));
    each(/^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm, (m) => mark(m.index, m.index + m[0].length, MASK));
  }

  if (format !== 'text') {
    blocks(OPAQUE_OPENERS, (m) => new RegExp(`</${m[1]}\\s*>`, 'gi'), (start, end) => mark(start, end, MASK));
    each(/<\/?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>/g, (m) => {
      mark(m.index, m.index + m[0].length, MASK);
      if (BLOCK_TAG.test(m[0])) mark(m.index, m.index + Math.min(2, m[0].length), BREAK);
    });
    each(/&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g, (m) => mark(m.index, m.index + m[0].length, entityChar(m[0]) ? ENTITY : MASK));
  }

  if (format !== 'html') {
    // "> " lines are the customer's words (and their lazy continuation lines, as in Markdown).
    each(/^[ \t]{0,3}>[^\n]*(?:\n(?![ \t]*\r?\n)(?![ \t]{0,3}(?:[-*+]|\d+[.)])[ \t])[^\n]*)*/gm, (m) => mark(m.index, m.index + m[0].length, MASK));
  }

  // Addresses and handles are names, not words: one token each, never changed by a fix.
  each(/\bhttps?:\/\/[^\s<>()"'\]]+[^\s<>()"'\].,;:!?]|\bwww\.[^\s<>()"'\]]+[^\s<>()"'\].,;:!?]/g, (m) => mark(m.index, m.index + m[0].length, PLACEHOLDER));
  each(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (m) => mark(m.index, m.index + m[0].length, PLACEHOLDER));
  each(/(?<![\w@.])@[A-Za-z0-9_]+/g, (m) => mark(m.index, m.index + m[0].length, PLACEHOLDER));

  return { prose: render(source, kind), placeholders: runsOf(kind, PLACEHOLDER), directives, frontMatterLang };
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
    else if (k === ENTITY) out += decodeEntities(source.slice(i, j));
    else if (k === PLACEHOLDER) out += 'x'.repeat(j - i);
    else if (k === BREAK) out += '\n'.repeat(j - i);
    else out += source.slice(i, j).replace(/[^\r\n]/g, ' ');
    i = j;
  }
  return out;
}

// Each entity becomes its character padded with the filler to the entity's own length.
function decodeEntities(run: string): string {
  return run.replace(/&[^;]+;/g, (e) => {
    const ch = entityChar(e) ?? ' ';
    return ch + ENTITY_FILLER.repeat(e.length - ch.length);
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
