// Turns a source file into "prose": a string of exactly the same length in which everything
// that is not the writer's own sentences is blanked (code, tags, quoted customer text, template
// logic) and every placeholder becomes one word-like run of "x". Because the length never
// changes, an offset in the prose is the same offset in the source: no offset map can drift,
// and a rewrite can copy a placeholder back byte for byte from the source.
import { codeSpans, emphasisMarkers, fencedBlocks, images, linkDefinitions, links } from './markdown-scan';
import { addresses } from './addresses';
import { decodeEntities, ENTITY, entityChar } from './entities';
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
const ENTITY_KIND = 1;
const PLACEHOLDER = 2;
const MASK = 3;
const BREAK = 4;

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

/** One kind per source character, and the scans every part of the extraction uses. */
class Marks {
  readonly kind: Uint8Array;
  readonly directives: Directive[] = [];

  constructor(readonly source: string) {
    this.kind = new Uint8Array(source.length);
  }

  mark(start: number, end: number, k: number): void {
    const n = this.source.length;
    for (let i = Math.max(0, start); i < end && i < n; i++) if (this.kind[i] < k) this.kind[i] = k;
  }

  each(re: RegExp, fn: (m: RegExpExecArray) => void): void {
    re.lastIndex = 0;
    for (let m = re.exec(this.source); m; m = re.exec(this.source)) {
      fn(m);
      if (m[0].length === 0) re.lastIndex++;
    }
  }

  // An opener and its closer, found with one forward search each. Once a closer is missing
  // from the rest of the text, later openers of it are not searched again: a text of 50,000
  // unclosed "{#" stays a linear scan instead of 50,000 scans to the end. `unclosed` may say
  // where to go on from (the end, for an unclosed <!--).
  blocks(
    open: RegExp,
    closerOf: (m: RegExpExecArray) => RegExp,
    fn: (start: number, end: number, bodyEnd: number, m: RegExpExecArray) => void,
    unclosed?: (m: RegExpExecArray) => number | undefined,
  ): void {
    const missing = new Set<string>();
    open.lastIndex = 0;
    for (let m = open.exec(this.source); m; m = open.exec(this.source)) {
      const closer = closerOf(m);
      let found: RegExpExecArray | null = null;
      if (!missing.has(closer.source)) {
        closer.lastIndex = m.index + m[0].length;
        found = closer.exec(this.source);
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
  }

  directive(body: string, start: number, end: number): void {
    const d = /^\s*warmly-(disable-next-line|disable-line|disable|enable)(?![\w-])([\s\S]*)$/.exec(body);
    if (d)
      this.directives.push({ kind: d[1] as Directive['kind'], ids: d[2].split(/[\s,]+/).filter(Boolean), start, end });
  }
}

export function extractProse(source: string, format: SourceFormat): Extracted {
  const s = new Marks(source);
  const frontMatterLang = format !== 'html' ? frontMatter(s) : undefined;
  comments(s);
  templates(s);
  const mask = (start: number, end: number) => s.mark(start, end, MASK);
  if (format === 'markdown') {
    fencedBlocks(source, mask);
    codeSpans(source, mask);
    images(source, mask);
    links(source, mask);
    linkDefinitions(source, mask);
  }
  if (format !== 'text') markup(s);
  // "> " lines are the customer's words (and their lazy continuation lines, as in Markdown).
  if (format !== 'html') s.each(QUOTED, (m) => mask(m.index, m.index + m[0].length));
  addresses(source, (start, end) => s.mark(start, end, PLACEHOLDER));
  // Last, so that a marker inside a placeholder, address or code span leaves it whole.
  if (format === 'markdown') emphasisMarkers(source, mask, (i) => s.kind[i] === PROSE);
  const prose = render(source, s.kind);
  return { prose, placeholders: runsOf(s.kind, PLACEHOLDER), directives: s.directives, frontMatterLang };
}

const QUOTED = /^[ \t]{0,3}>[^\n]*(?:\n(?![ \t]*\r?\n)(?![ \t]{0,3}(?:[-*+]|\d+[.)])[ \t])[^\n]*)*/gm;

/** Blanks front matter and returns its `lang:`, if any. */
function frontMatter(s: Marks): string | undefined {
  const fm = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(s.source);
  if (!fm) return undefined;
  s.mark(0, fm[0].length, MASK);
  return /^(?:lang|language)\s*:\s*["']?([A-Za-z-]+)["']?\s*$/m.exec(fm[1])?.[1];
}

// Comments first: they hold the suppression directives, and nothing inside them is prose.
const CLOSERS: Record<string, RegExp> = {
  '<!--': /-->/g,
  '{{!--': /--\}\}/g,
  '{{!': /\}\}/g,
  '{#': /#\}/g,
  '[%#': /%\]/g,
};

function comments(s: Marks): void {
  s.blocks(
    /<!--|\{\{!--|\{\{!|\{#|\[%#/g,
    (m) => CLOSERS[m[0]],
    (start, end, bodyEnd, m) => {
      s.mark(start, end, MASK);
      s.directive(s.source.slice(start + m[0].length, bodyEnd), start, end);
    },
    (m) => {
      // An unclosed <!-- hides the rest, as in a browser: nothing after it needs looking at.
      const all = m[0] === '<!--';
      s.mark(m.index, all ? s.source.length : m.index + m[0].length, MASK);
      return all ? s.source.length : undefined;
    },
  );
}

// A placeholder is short and holds no other opener: "{{{{ … {{ name }}" is noise, then a name.
const PLACEHOLDERS =
  /\{\{\{(?:(?!\{\{|\}\}\})[\s\S]){0,300}\}\}\}|\{\{(?:(?!\{\{|\}\})[\s\S]){0,300}\}\}|\{%(?:(?!\{%|%\})[\s\S]){0,300}%\}|\[%(?:(?!\[%|%\])[\s\S]){0,300}%\]|\$\{[^}\n]{0,300}\}/g;

// Template syntax: placeholders become one word; logic disappears.
function templates(s: Marks): void {
  s.blocks(
    /\{%-?\s*(comment|raw)\s*-?%\}/g,
    (m) => new RegExp(`\\{%-?\\s*end${m[1]}\\s*-?%\\}`, 'g'),
    (start, end, bodyEnd, m) => {
      s.mark(start, end, MASK);
      // Liquid's {% comment %} … {% endcomment %} carries suppressions too.
      if (m[1] === 'comment') s.directive(s.source.slice(start + m[0].length, bodyEnd), start, end);
    },
  );
  s.each(PLACEHOLDERS, (m) => {
    const t = m[0];
    let k = PLACEHOLDER;
    if (t.startsWith('{%')) k = HELPSCOUT_VAR.test(t) ? PLACEHOLDER : MASK;
    else if (t.startsWith('[%')) k = TT_DIRECTIVE.test(t) ? MASK : PLACEHOLDER;
    else if (t.startsWith('{{') && !t.startsWith('{{{')) k = HBS_LOGIC.test(t) ? MASK : PLACEHOLDER;
    s.mark(m.index, m.index + t.length, k);
  });
  // An unbalanced opener is template noise, not a word.
  s.each(/\{\{|\}\}|\{%|%\}|\[%|%\]/g, (m) => {
    if (s.kind[m.index] === PROSE) s.mark(m.index, m.index + 2, MASK);
  });
}

/** HTML in any format but plain text: opaque elements, tags (block tags break sentences), entities. */
function markup(s: Marks): void {
  s.blocks(
    OPAQUE_OPENERS,
    (m) => new RegExp(`</${m[1]}\\s*>`, 'gi'),
    (start, end) => s.mark(start, end, MASK),
  );
  s.each(/<\/?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>/g, (m) => {
    s.mark(m.index, m.index + m[0].length, MASK);
    if (BLOCK_TAG.test(m[0])) s.mark(m.index, m.index + Math.min(2, m[0].length), BREAK);
  });
  s.each(ENTITY, (m) => s.mark(m.index, m.index + m[0].length, entityChar(m[0]) ? ENTITY_KIND : MASK));
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
    else if (k === ENTITY_KIND) out += decodeEntities(source, i, j, out.slice(-1));
    else if (k === PLACEHOLDER) out += 'x'.repeat(j - i);
    else if (k === BREAK) out += '\n'.repeat(j - i);
    else out += blank(source.slice(i, j));
    i = j;
  }
  return out;
}

// Spaces in place of the text, line breaks kept: one replacement per line, not per character,
// or an unclosed comment over a whole file makes a garbage-collection storm.
function blank(run: string): string {
  return /[\r\n]/.test(run) ? run.replace(/[^\r\n]+/g, (m) => ' '.repeat(m.length)) : ' '.repeat(run.length);
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
