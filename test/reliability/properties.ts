// The invariants every lint and fix must keep, whatever the input, shared by the property
// tests in `npm test` and the longer nightly run (scripts/fuzz.ts).
import fc from 'fast-check';
import {
  applyEdits,
  type Engine,
  extractProse,
  formatForFile,
  preferredEdits,
  type Finding,
} from '../../src/core/index';

const FRAGMENTS = [
  "You'll need to contact {{ bank_name }} directly. ",
  'Please be advised that your order shipped. ',
  'Due to circumstances beyond our control, ',
  'we apologise for any inconvenience. ',
  "We can't wait to see you! ",
  'Dear customer, ',
  'as soon as possible',
  'Det är inte mitt bord. ',
  'Daar gaan wij niet over. ',
  'Det må du ta opp med banken. ',
  'Nu ține de noi. ',
  'Ne pare rău pentru eventualele neplăceri. ',
  '{{ first_name }}',
  '{{{ raw }}}',
  '{%customer.firstName,fallback=there%}',
  '[% name %]',
  '{% if x %}',
  '{% endif %}',
  '{# note #}',
  '{{',
  '}}',
  '{%',
  '[%',
  '> ',
  '\n> quoted: you need to contact the bank\n',
  '<p>',
  '</p>',
  '<blockquote>',
  '<script>',
  '```\n',
  '`code`',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\t',
  ' ',
  '—',
  '…',
  '😀',
  '👍🏽',
  'שלום',
  'مرحبا',
  'e\u0301',
  'ş',
  'ţ',
  '\u0000',
  '\uD800',
  '\uDC00',
  '\uFEFF',
  '<!-- warmly-disable-next-line not-my-table -->\n',
  '<!-- warmly-disable -->',
  '<!-- warmly-enable -->',
  'https://example.test/a?b=c ',
  'help@shop.test ',
  '@Shop ',
  'I',
  "'",
  '’',
  '"',
  ',',
  '.',
  '!',
  '?',
  ':',
  ';',
  '-',
  '(',
  ')',
  '[',
  ']',
  '|',
  '*',
  '_',
  '#',
  '&amp;',
  '&nbsp;',
];

export const FILE_NAMES = [
  'reply.md',
  'reply.txt',
  'reply.html',
  'macro.hbs',
  'macro.liquid',
  'reply.reply',
  'reply.sv.md',
  'nl/reply.md',
  'reply.nb.txt',
  'ro/reply.tmpl',
  undefined,
];

/** Text mixing support phrases, template syntax, markup and hostile Unicode. */
export const documentArb = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 60 }))
      .map(([a, s]) => a.join('') + s + a.reverse().join('')),
  },
);

/**
 * Line and column of every offset, the way VS Code counts them: UTF-16 units, lines end at \n,
 * \r\n or \r. A plain walk over the text, independent of the engine's own LineIndex.
 */
export function positionsOf(text: string): { line: Uint32Array; column: Uint32Array } {
  const line = new Uint32Array(text.length + 1);
  const column = new Uint32Array(text.length + 1);
  let l = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    line[i] = l;
    column[i] = i - start + 1;
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      l++;
      start = i + 1;
    }
  }
  return { line, column };
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const splitsPair = (text: string, offset: number) =>
  offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));

export function checkFindings(text: string, findings: Finding[]): void {
  const at = findings.length > 0 ? positionsOf(text) : undefined;
  for (const f of findings) {
    if (!(f.start >= 0 && f.start <= f.end && f.end <= text.length))
      throw new Error(`range ${f.start}-${f.end} outside a text of ${text.length}`);
    if (text.slice(f.start, f.end) !== f.actual) throw new Error('actual is not the source text of the range');
    if (splitsPair(text, f.start) || splitsPair(text, f.end)) throw new Error('a range splits a surrogate pair');
    const a = { line: at!.line[f.start], column: at!.column[f.start] };
    const b = { line: at!.line[f.end], column: at!.column[f.end] };
    if (a.line !== f.line || a.column !== f.column || b.line !== f.endLine || b.column !== f.endColumn) {
      throw new Error(
        `positions ${f.line}:${f.column}-${f.endLine}:${f.endColumn} differ from ${a.line}:${a.column}-${b.line}:${b.column}`,
      );
    }
    for (const s of f.suggestions) {
      if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length))
        throw new Error('a suggestion range lies outside the text');
      if (splitsPair(text, s.start) || splitsPair(text, s.end)) throw new Error('a suggestion splits a surrogate pair');
    }
  }
}

/** Placeholders and quoted customer lines of a text, for checking that fixes leave them alone. */
export function untouchables(text: string, fileName: string | undefined): string[] {
  const { placeholders } = extractProse(text, formatForFile(fileName));
  const quoted =
    formatForFile(fileName) === 'html' ? [] : text.split(/\r\n|\r|\n/).filter((l) => /^[ \t]{0,3}>/.test(l));
  return [...placeholders.map(([s, e]) => text.slice(s, e)), ...quoted];
}

const count = (hay: string, needle: string) => hay.split(needle).length - 1;

/** Runs one case through every invariant; throws with a reason on the first broken one. */
export function checkCase(engine: Engine, text: string, fileName: string | undefined, order: number[]): void {
  const { findings } = engine.open({ fileName, text }).lint();
  checkFindings(text, findings);
  // Edits applied in any order give the same text: overlapping ones are skipped, not merged.
  const edits = preferredEdits(findings);
  const shuffled = order.length
    ? edits.map((_, i) => edits[(i * 7 + (order[i % order.length] ?? 0)) % edits.length])
    : edits;
  const unique = [...new Set(shuffled)];
  if (unique.length === edits.length && applyEdits(text, unique).output !== applyEdits(text, edits).output)
    throw new Error('the order of edits changed the result');
  const once = engine.open({ fileName, text }).fix();
  const twice = engine.open({ fileName, text: once.output, language: once.language }).fix();
  if (once.settled && twice.output !== once.output)
    throw new Error(
      `fix(fix(x)) differs from fix(x): ${JSON.stringify(once.output)} → ${JSON.stringify(twice.output)}`,
    );
  for (const u of untouchables(text, fileName)) {
    if (count(once.output, u) < count(text, u))
      throw new Error(`a fix changed a placeholder or quoted line: ${JSON.stringify(u)}`);
  }
}
