// Runs the examples inside rule files as tests — for built-in and user rules alike. A bad
// example must be flagged by its rule and fixed to exactly the declared text; the fixed text
// must state no new fact, leave no sentence hanging, and be clean of every fixable finding;
// no rewrite may be matched again by its own pattern; a good example must be clean of every
// rule; every pattern needs a bad example of its own.
// It also looks for conflicts: an alternative rewrite another rule flags, rewrites that never
// settle, and patterns that can never match (repeated by an earlier one, or always vetoed).
import { applyEdits, fixAll } from './fix';
import { compilePattern } from './pattern-checks';
import type { Sequence } from './pattern-syntax';
import { lint } from './lint';
import { danglingEnds, inventedFacts, selfMatches } from './rewrite-checks';
import type { RuleSet, RuleSettings } from './rule-set';
import type { Rule } from './rules';
import type { Finding, SourceFormat } from './types';

export interface ExampleResult {
  ruleId: string;
  language: string;
  file: string;
  kind: 'bad' | 'good' | 'pattern';
  /** Index of the example (or pattern) in its list. */
  index: number;
  text: string;
  ok: boolean;
  /** Why it failed; empty when it passed. */
  problem: string;
  /** Where the example or pattern is written in its rule file (1-based), when known. */
  line?: number;
  column?: number;
}

const DEFAULT_FORMAT: SourceFormat = 'markdown';

export function testRules(
  ruleSet: RuleSet,
  options: { settings?: RuleSettings; include?: (rule: Rule) => boolean } = {},
): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const rule of ruleSet.rules) {
    if (options.include && !options.include(rule)) continue;
    const run = (text: string, format: SourceFormat | undefined): Finding[] =>
      lint(text, { ruleSet, language: rule.language, format: format ?? DEFAULT_FORMAT, settings: options.settings })
        .findings;
    const base = { ruleId: rule.id, language: rule.language, file: rule.file };
    const hitPatterns = new Set<string>();
    const info = ruleSet.languages.get(rule.language);
    const words = { facts: info?.facts ?? [], dangling: new Set((info?.dangling ?? []).map((w) => w.toLowerCase())) };
    rule.examples.bad.forEach((ex, index) => {
      const all = run(ex.text, ex.format);
      const mine = all.filter((f) => f.ruleId === rule.id);
      mine.forEach((f) => hitPatterns.add(f.pattern));
      const problem = checkBad(ex, all, mine, (t) => run(t, ex.format), words);
      results.push({ ...base, kind: 'bad', index, text: ex.text, ok: problem === '', problem, ...at(ex) });
    });
    rule.examples.good.forEach((ex, index) => {
      const all = run(ex.text, ex.format);
      const problem = all.length === 0 ? '' : `flagged: ${all.map((f) => `${f.ruleId} "${f.actual}"`).join(', ')}`;
      results.push({ ...base, kind: 'good', index, text: ex.text, ok: problem === '', problem, ...at(ex) });
    });
    const dead = deadPatterns(rule);
    rule.patterns.forEach((p, index) => {
      const key = p.phrase ?? `regex: ${p.regex}`;
      const problem =
        dead.get(index) ??
        (hitPatterns.has(key) ? '' : 'no bad example is flagged by this pattern — add one that shows what it catches');
      results.push({ ...base, kind: 'pattern', index, text: key, ok: problem === '', problem, ...at(p) });
    });
  }
  return results;
}

// An example or pattern added by a team file to a built-in rule is reported in that file.
const at = (x: { file?: string; line?: number; column?: number }) => ({
  ...(x.file ? { file: x.file } : {}),
  ...(x.line ? { line: x.line, column: x.column ?? 1 } : {}),
});

type Bad = Rule['examples']['bad'][number];

// A bad example is flagged by its rule; its fixes give exactly `fixed:`, which states no new fact,
// leaves no sentence hanging and is clean; no rewrite is matched again by its own pattern.
function checkBad(
  ex: Bad,
  all: Finding[],
  mine: Finding[],
  run: (t: string) => Finding[],
  words: { facts: string[]; dangling: Set<string> },
): string {
  if (mine.length === 0) {
    const others = [...new Set(all.map((f) => f.ruleId))];
    return others.length > 0
      ? `not flagged by ${mine[0]?.ruleId ?? 'its rule'}, only by ${others.join(', ')}`
      : 'not flagged by its rule';
  }
  const again = mine.flatMap((f) => selfMatches(ex.text, f, run));
  if (again.length > 0) return `${again[0]} — reword it, or it is inserted again on every fix round`;
  const ruleId = mine[0].ruleId;
  if (!mine.some((f) => f.suggestions.some((s) => s.kind === 'fix'))) {
    if (ex.fixed !== undefined && ex.fixed !== ex.text) {
      return '"fixed:" is given but the finding has no fix (only suggestions) — remove "fixed:", or give the pattern a "fix:"';
    }
    return alternativeConflicts(ex.text, mine, run);
  }
  // Fix rounds, limited to this rule, until it has nothing left to fix.
  const own = fixAll(ex.text, (t) => (t === ex.text ? mine : run(t).filter((f) => f.ruleId === ruleId)));
  if (own.loop) return own.loop.message;
  const text = own.output;
  if (ex.fixed === undefined) return `add "fixed:" — the fix gives: ${JSON.stringify(text)}`;
  if (text !== ex.fixed)
    return `fixed text differs\n      expected: ${JSON.stringify(ex.fixed)}\n      actual:   ${JSON.stringify(text)}`;
  const invented = inventedFacts(ex.text, text, words.facts);
  if (invented.length > 0) {
    return `the fix adds ${invented.map((w) => `"${w}"`).join(', ')}, which the text never said — a fix may not invent a time, amount or placeholder: make it a suggestion (a {time?} slot lets the writer fill it in)`;
  }
  // Only a deletion can leave a sentence hanging ("I see how hard this is." is a whole one).
  const deletes = mine.some((f) => f.suggestions.some((s) => s.kind === 'fix' && s.text === ''));
  const before = new Set(danglingEnds(ex.text, words.dangling));
  const hanging = deletes ? danglingEnds(text, words.dangling).filter((w) => !before.has(w)) : [];
  if (hanging.length > 0)
    return `the fix leaves a sentence ending on "${hanging[0]}" — reword it instead of deleting, or make it a suggestion`;
  const left = run(text).filter((f) => f.suggestions.some((s) => s.kind === 'fix'));
  if (left.length > 0) {
    return `the fixed text is flagged again: ${left.map((f) => `${f.ruleId} "${f.actual}"`).join(', ')} — change the fix so it does not trigger a rule`;
  }
  const conflict = alternativeConflicts(ex.text, mine, run);
  if (conflict) return conflict;
  const together = fixAll(ex.text, run);
  if (together.loop) return together.loop.message;
  if (!together.settled) {
    return `the fixes of all rules together never settle (still changing after ${together.rounds} rounds: ${JSON.stringify(together.output)}) — two rules undo each other`;
  }
  return '';
}

// Each alternative rewrite, applied on its own, must not be flagged where it was written.
function alternativeConflicts(text: string, mine: Finding[], run: (text: string) => Finding[]): string {
  for (const f of mine) {
    for (const [k, sug] of f.suggestions.entries()) {
      if (k === 0) continue;
      const output = applyEdits(text, [sug]).output;
      const end = sug.start + sug.text.length;
      const hit = run(output).find((g) => g.start < end && sug.start < g.end);
      if (hit)
        return `rewrite ${k + 1} ${JSON.stringify(sug.text)} is flagged by ${hit.ruleId} ("${hit.actual}") — reword it`;
    }
  }
  return '';
}

const itemKey = (seq: Sequence) =>
  seq
    .map((it) => {
      if (it.t === 'word' || it.t === 'stem') return `${it.t}:${it.w}`;
      if (it.t === 'prefix') return `p:${it.p}`;
      if (it.t === 'cap') return `{${it.list ?? ''}!${it.except ?? ''}}`;
      if (it.t === 'ref') return `@${it.list}`;
      if (it.t === 'gap') return `..${it.max}`;
      return it.t;
    })
    .join(' ');

/** Patterns that can never report: every phrasing repeats an earlier pattern, or an `unless` always vetoes it. */
function deadPatterns(rule: Rule): Map<number, string> {
  const dead = new Map<number, string>();
  const seen = new Map<string, number>();
  const vetoes = rule.unless.flatMap((u) => {
    try {
      return (compilePattern(u) ?? []).map((seq) => ({ u, seq }));
    } catch {
      return [];
    }
  });
  rule.patterns.forEach((p, index) => {
    if (p.phrase === undefined) return;
    // A pattern with too many phrasings to list is not checked for being dead.
    const seqs = compilePattern(p.phrase);
    if (!seqs) return;
    const keys = seqs.map(itemKey);
    const earlier = keys.map((k) => seen.get(k));
    if (earlier.every((e) => e !== undefined)) {
      dead.set(
        index,
        `can never match: every phrasing is already in pattern ${Math.max(...(earlier as number[])) + 1}, which wins — delete it or merge the two`,
      );
    } else {
      const veto = vetoes.find(({ seq: v }) => seqs.every((seq) => containsRun(seq, v)));
      if (veto)
        dead.set(
          index,
          `can never match: the unless phrase "${veto.u}" is inside every phrasing, so it always vetoes it — narrow the unless phrase`,
        );
    }
    keys.forEach((k) => !seen.has(k) && seen.set(k, index));
  });
  return dead;
}

// True when the literal words of `inner` stand one after another somewhere in `outer`.
function containsRun(outer: Sequence, inner: Sequence): boolean {
  if (inner.some((it) => it.t !== 'word')) return false;
  const words = inner.map((it) => (it.t === 'word' ? it.w : ''));
  for (let i = 0; i + words.length <= outer.length; i++) {
    if (
      words.every((w, j) => {
        const it = outer[i + j];
        return it.t === 'word' && it.w === w;
      })
    )
      return true;
  }
  return false;
}
