// From a pattern's `fix:` and `suggest:` to the rewrites a finding carries. A fix is applied
// unasked, so it is held to what a writer would sign off without reading: it adds no fact
// and leaves a sentence. A deletion that would leave "The delay is." is demoted to a
// suggestion here, where it is applied, whatever the rule file says. Suggestions may hold
// slots ({time?}) for what only the writer knows; the editor turns them into tab stops.
import { rewrite, type RewriteContext } from './rewrite';
import { SLOT_REF } from './rules';
import type { Suggestion } from './types';

export interface RewriteInput {
  fix: string[];
  suggest: string[];
  captures: Record<string, string>;
  ctx: RewriteContext;
  /** The team's placeholder syntax per slot name (`first_name: "{{ticket.requester.first_name}}"`). */
  placeholders: Record<string, string>;
  /** Folded words a sentence cannot end on, in this language. */
  dangling: Set<string>;
}

const SLOT_MARK = (k: number) => `\u0001${k}\u0002`;
const SLOT_MARKS = /\u0001(\d+)\u0002/g;

export function rewritesFor(input: RewriteInput): Suggestion[] {
  const out: Suggestion[] = [];
  const fix = input.fix.find((t) => unfilledSlots(t, input.placeholders).length === 0);
  if (fix !== undefined) {
    const s = build(fix, input, 'fix');
    if (s.text === '') {
      // Deleting a whole sentence ("Please be advised.") takes its full stop and space with it.
      const whole = wholeSentence(input.ctx.source, s);
      if (whole) Object.assign(s, whole);
      else if (leavesDangling(input.ctx.source, s, input.dangling)) s.kind = 'suggestion';
    }
    out.push(s);
  }
  for (const t of input.suggest) {
    const s = build(t, input, 'suggestion');
    if (!out.some((o) => o.text === s.text && o.start === s.start && o.end === s.end)) out.push(s);
  }
  // The fix first, so a front end that shows one rewrite shows the safe one.
  return out.sort((a, b) => (a.kind === 'fix' ? 0 : 1) - (b.kind === 'fix' ? 0 : 1));
}

function unfilledSlots(template: string, placeholders: Record<string, string>): string[] {
  return [...template.matchAll(SLOT_REF)].map((m) => m[1]).filter((name) => placeholders[name] === undefined);
}

function build(template: string, input: RewriteInput, kind: 'fix' | 'suggestion'): Suggestion {
  const slots: string[] = [];
  // The team's placeholder fills a slot as written; any other slot becomes a marker the
  // rewrite's recasing and escaping leave alone, and is rendered below.
  const marked = template.replace(SLOT_REF, (_, name: string) => {
    const filled = input.placeholders[name];
    if (filled !== undefined) return filled;
    slots.push(name);
    return SLOT_MARK(slots.length - 1);
  });
  const s = rewrite(marked, input.captures, input.ctx);
  const actual = input.ctx.source.slice(input.ctx.start, input.ctx.end);
  const result: Suggestion = { ...s, kind };
  if (slots.length > 0) {
    result.slots = slots;
    result.text = s.text.replace(SLOT_MARKS, (_, k: string) => `[${slots[Number(k)]}]`);
    result.snippet = escapeSnippet(s.text).replace(
      SLOT_MARKS,
      (_, k: string) => `\${${Number(k) + 1}:${slots[Number(k)]}}`,
    );
  }
  // A deletion at a sentence start also recases the next word; it still reads as a removal.
  result.title = template.trim() === '' ? `Remove '${shorten(actual.trim())}'` : titleOf(result, actual);
  return result;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function titleOf(s: Suggestion, actual: string): string {
  if (s.text === '') return `Remove '${shorten(actual.trim())}'`;
  if (s.slots) return `Rewrite as '${shorten(s.text)}' (fill in the ${s.slots.join(', ')})`;
  return `Replace with '${shorten(s.text)}'`;
}

/** The deletion widened to its sentence's end mark and the space after, when it is the whole sentence. */
function wholeSentence(source: string, edit: Suggestion): { end: number } | undefined {
  const before = source.slice(Math.max(0, edit.start - 80), edit.start);
  if (!/(^|[.!?]["')\]]*\s+|\n\s*)$/.test(before)) return undefined;
  const after = /^[ \t]*[.!?…]+[ \t]*/.exec(source.slice(edit.end, edit.end + 40));
  return after ? { end: edit.end + after[0].length } : undefined;
}

/**
 * True when deleting [start, end) ends a sentence on a word that cannot end one ("The delay
 * is." from "The delay is due to the weather."), or leaves a sentence with no words at all.
 */
export function leavesDangling(source: string, edit: Suggestion, dangling: Set<string>): boolean {
  const after = source.slice(edit.end, edit.end + 40);
  const endsSentence = /^[ \t]*([.!?…]|\r?\n|$)/.test(after);
  const before = source.slice(Math.max(0, edit.start - 80), edit.start);
  const lastWord = /([\p{L}\p{M}'’]+)[^\p{L}\p{M}'’]*$/u.exec(before);
  const sentenceOpen = /(^|[.!?]\s+|\n\s*)$/.test(before) || !lastWord;
  if (endsSentence && sentenceOpen && edit.text === '') return true;
  if (!endsSentence || !lastWord) return false;
  // A comma, colon or dash before the deleted words is itself left dangling ("Hi, .").
  if (/[,;:\u2013\u2014-]\s*$/.test(before)) return true;
  return dangling.has(lastWord[1].toLowerCase().replace(/’/g, "'"));
}
