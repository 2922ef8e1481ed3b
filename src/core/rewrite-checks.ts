// What test-rules holds every rewrite to before it reaches a template: a fix states no fact the
// text did not (a time, a day, an amount, a placeholder), leaves no sentence hanging on a word
// that cannot end one, and no rewrite — fix or suggestion — is matched again by the pattern that
// wrote it (it would be inserted again on every round).
import { applyEdits } from './fix';
import { foldWord } from './normalize';
import type { Finding } from './types';

const PLACEHOLDER = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\[%[\s\S]*?%\]|\$\{[^}]*\}/g;

/** Facts in `fixed` that `original` lacks: fact words, numbers and placeholders. */
export function inventedFacts(original: string, fixed: string, facts: string[]): string[] {
  const out: string[] = [];
  const had = foldWord(original);
  const now = foldWord(fixed);
  for (const fact of facts) {
    const f = foldWord(fact);
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
    if (re.test(now) && !re.test(had)) out.push(fact);
  }
  const count = (text: string, re: RegExp) => new Set(text.match(re) ?? []);
  const numbers = count(original, /\d+/g);
  for (const n of count(fixed, /\d+/g)) if (!numbers.has(n)) out.push(n);
  const placeholders = count(original, PLACEHOLDER);
  for (const p of count(fixed, PLACEHOLDER)) if (!placeholders.has(p)) out.push(p);
  return out;
}

/** Sentences of `text` that end on a dangling word ("The delay is."), as the word. */
export function danglingEnds(text: string, dangling: Set<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/([\p{L}\p{M}'’]+)[ \t]*[.!?](?=\s|$)/gu)) {
    if (dangling.has(foldWord(m[1]))) out.push(m[1]);
  }
  return out;
}

/** Rewrites of the finding that its own pattern flags again once applied: "rewrite 2 …". */
export function selfMatches(text: string, finding: Finding, run: (text: string) => Finding[]): string[] {
  const out: string[] = [];
  finding.suggestions.forEach((s, k) => {
    if (s.text === '') return;
    const output = applyEdits(text, [s]).output;
    const end = s.start + s.text.length;
    const again = run(output).find(
      (f) => f.ruleId === finding.ruleId && f.pattern === finding.pattern && f.start < end && s.start < f.end,
    );
    if (again)
      out.push(
        `rewrite ${k + 1} (${s.kind ?? 'suggestion'}) "${s.text}" is matched by its own pattern ("${again.actual}")`,
      );
  });
  return out;
}
