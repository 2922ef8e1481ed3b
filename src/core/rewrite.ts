// Fills a rule's message and rewrites from what matched. Captures are copied from the source
// byte for byte (a placeholder stays exactly as written) and the rewrite takes over the
// capital of the words it replaces.
import { capitalise, startsUpper } from './normalize';
import { TEMPLATE_REF } from './rules';
import type { Suggestion } from './types';

export function fill(template: string, captures: Record<string, string>, actual: string): string {
  return template.replace(TEMPLATE_REF, (whole, name: string) =>
    name === 'match' ? actual : (captures[name] ?? whole),
  );
}

export interface RewriteContext {
  source: string;
  start: number;
  end: number;
  /** The match opens its sentence. */
  sentenceStart: boolean;
  /** The extracted prose (same length as the source): placeholders and code are not words to recase. */
  prose: string;
  /** The source is HTML: a rewrite's own words are escaped there (captures already are). */
  html?: boolean;
  /** The language's clause openers (that, dat, att), lower case. */
  clauseOpeners?: Set<string>;
}

export function rewrite(template: string, captures: Record<string, string>, ctx: RewriteContext): Suggestion {
  const actual = ctx.source.slice(ctx.start, ctx.end);
  const own = ctx.html ? template.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : template;
  const text = fill(own, captures, actual);
  if (text.trim() === '') return deletion(ctx);
  // Only a sentence's first word takes a capital. Mid-sentence the rewrite stays as written, so
  // "I'm afraid" → "let me" and "ASAP" → "by Friday" do not turn into "Let me", "By Friday".
  // A line's first word keeps its capital too: "Goedendag,\nWij wijzen u erop" stays capitalised on line two.
  const lineStart = /(^|\n)[ \t]*$/.test(ctx.source.slice(Math.max(0, ctx.start - 80), ctx.start));
  const capital =
    (ctx.sentenceStart || lineStart) && startsUpper(actual) && !keepsWritersCase(template, captures, actual);
  return { text: capital ? capitalise(text) : text, start: ctx.start, end: ctx.end };
}

// "{who} …" whose capture is the match's own first word keeps the writer's case as it was.
function keepsWritersCase(template: string, captures: Record<string, string>, actual: string): boolean {
  const m = /^\{([A-Za-z][\w-]*)\}/.exec(template);
  return !!m && !template.startsWith('{{') && captures[m[1]] !== undefined && actual.startsWith(captures[m[1]]);
}

// An empty rewrite removes the words. At the start of a sentence the next word takes the
// capital, and the edit spans that word so it reads as one ("Please note that your order…" →
// "Your order…": replace "Please note that your" with "Your"). Between two commas the pair
// goes ("This is, as you know, free" → "This is free"), unless the words end on a clause opener:
// then they were no aside, and the first comma stays ("Dear Sam, please note that, under the
// terms, …" → "Dear Sam, under the terms, …"). Elsewhere one space goes too.
function deletion(ctx: RewriteContext): Suggestion {
  const { source, start } = ctx;
  let end = ctx.end;
  if (ctx.sentenceStart) {
    while (end < source.length && /[ \t,;:\u2013\u2014-]/.test(source[end])) end++;
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: \u034F is the entity filler, a mark kept inside words on purpose
    const next = /^[\p{L}\p{M}'\u2019\u034F-]+/u.exec(source.slice(end, end + 64));
    // Only a word of prose takes the capital: never an e-mail address, a URL or a placeholder.
    const isProse =
      next &&
      ctx.prose.slice(end, end + next[0].length) === next[0] &&
      !/^[@.\w]/.test(source.slice(end + next[0].length, end + next[0].length + 1) || ' ');
    if (next && isProse && startsUpper(source.slice(start, ctx.end)))
      return { text: capitalise(next[0]), start, end: end + next[0].length };
    return { text: '', start, end };
  }
  const before = /,[ \t]*$/.exec(source.slice(Math.max(0, start - 8), start));
  const after = /^[ \t]*,/.exec(source.slice(end, end + 8));
  if (before && after) {
    const last = /[\p{L}\p{M}'’]+$/u.exec(source.slice(start, end))?.[0].toLowerCase().replace(/’/g, "'");
    const spaces = /^[ \t]*,[ \t]*/.exec(source.slice(end, end + 16))![0].length;
    if (last && ctx.clauseOpeners?.has(last)) return { text: '', start, end: end + spaces };
    return { text: '', start: start - before[0].length, end: end + after[0].length };
  }
  if (source[end] === ' ') return { text: '', start, end: end + 1 };
  if (source[start - 1] === ' ') return { text: '', start: start - 1, end };
  return { text: '', start, end };
}
