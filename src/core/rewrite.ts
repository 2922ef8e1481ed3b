// Fills a rule's message and rewrites from what matched. Captures are copied from the source
// byte for byte (a placeholder stays exactly as written) and the rewrite takes over the
// capital of the words it replaces.
import { capitalise, startsUpper } from './normalize';
import { TEMPLATE_REF } from './rules';
import type { Suggestion } from './types';

export function fill(template: string, captures: Record<string, string>, actual: string): string {
  return template.replace(TEMPLATE_REF, (whole, name: string) => (name === 'match' ? actual : captures[name] ?? whole));
}

export interface RewriteContext {
  source: string;
  start: number;
  end: number;
  /** The match opens its sentence. */
  sentenceStart: boolean;
}

export function rewrite(template: string, captures: Record<string, string>, ctx: RewriteContext): Suggestion {
  const actual = ctx.source.slice(ctx.start, ctx.end);
  const text = fill(template, captures, actual);
  if (text.trim() === '') return deletion(ctx);
  return { text: startsUpper(actual) && !startsWithCapture(template) ? capitalise(text) : text, start: ctx.start, end: ctx.end };
}

// "{party} …" starts with the customer's own words: leave their case as written.
function startsWithCapture(template: string): boolean {
  return /^\{[A-Za-z][\w-]*\}/.test(template) && !template.startsWith('{{');
}

// An empty rewrite removes the words. At the start of a sentence the next word takes the
// capital ("Please note that your order…" → "Your order…"); elsewhere one space goes too.
function deletion(ctx: RewriteContext): Suggestion {
  const { source, start } = ctx;
  let end = ctx.end;
  if (ctx.sentenceStart) {
    while (end < source.length && /[\s,;:\u2013\u2014-]/.test(source[end]) && source[end] !== '\n') end++;
    const next = /^\p{L}/u.exec(source.slice(end, end + 1));
    if (next && startsUpper(source.slice(start, ctx.end))) return { text: next[0].toUpperCase(), start, end: end + 1 };
    return { text: '', start, end };
  }
  if (source[end] === ' ') return { text: '', start, end: end + 1 };
  if (source[start - 1] === ' ') return { text: '', start: start - 1, end };
  return { text: '', start, end };
}
