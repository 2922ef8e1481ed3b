// Runs the examples inside rule files as tests — for built-in and user rules alike. A bad
// example must be flagged by its rule and fixed to exactly the declared text; the fixed text
// must then be clean of every fixable finding (no rewrite that another rule rewrites again);
// a good example must be clean of every rule; every pattern needs a bad example of its own.
// It also looks for conflicts: an alternative rewrite another rule flags, rewrites that never
// settle, and patterns that can never match (repeated by an earlier one, or always vetoed).
import { applyEdits, fixAll } from './fix';
import { compilePattern, type Sequence } from './pattern-syntax';
import { lint } from './lint';
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
}

const DEFAULT_FORMAT: SourceFormat = 'markdown';

export function testRules(ruleSet: RuleSet, options: { settings?: RuleSettings; include?: (rule: Rule) => boolean } = {}): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const rule of ruleSet.rules) {
    if (options.include && !options.include(rule)) continue;
    const run = (text: string, format: SourceFormat | undefined): Finding[] =>
      lint(text, { ruleSet, language: rule.language, format: format ?? DEFAULT_FORMAT, settings: options.settings }).findings;
    const base = { ruleId: rule.id, language: rule.language, file: rule.file };
    const hitPatterns = new Set<string>();
    rule.examples.bad.forEach((ex, index) => {
      const all = run(ex.text, ex.format);
      const mine = all.filter((f) => f.ruleId === rule.id);
      mine.forEach((f) => hitPatterns.add(f.pattern));
      let problem = '';
      if (mine.length === 0) {
        const others = [...new Set(all.map((f) => f.ruleId))];
        problem = others.length > 0 ? `not flagged by ${rule.id}, only by ${others.join(', ')}` : `not flagged by ${rule.id}`;
      } else if (mine.some((f) => f.suggestions.length > 0)) {
        // Fix rounds, limited to this rule, until it has nothing left to rewrite.
        const text = fixAll(ex.text, (t) => (t === ex.text ? mine : run(t, ex.format).filter((f) => f.ruleId === rule.id))).output;
        if (ex.fixed === undefined) problem = `add "fixed:" — the first rewrite gives: ${JSON.stringify(text)}`;
        else if (text !== ex.fixed) problem = `fixed text differs\n      expected: ${JSON.stringify(ex.fixed)}\n      actual:   ${JSON.stringify(text)}`;
        else {
          const left = run(text, ex.format).filter((f) => f.suggestions.length > 0);
          if (left.length > 0) problem = `the fixed text is flagged again: ${left.map((f) => `${f.ruleId} "${f.actual}"`).join(', ')} — change the rewrite so it does not trigger a rule`;
        }
        if (!problem) problem = alternativeConflicts(ex.text, mine, (t) => run(t, ex.format));
        if (!problem) {
          const all = fixAll(ex.text, (t) => run(t, ex.format));
          if (!all.settled) problem = `the rewrites of all rules together never settle (still changing after ${all.rounds} rounds: ${JSON.stringify(all.output)}) — two rules undo each other`;
        }
      } else if (ex.fixed !== undefined && ex.fixed !== ex.text) {
        problem = `"fixed:" is given but the finding has no rewrite — remove "fixed:" or add "suggest:" to the pattern`;
      }
      results.push({ ...base, kind: 'bad', index, text: ex.text, ok: problem === '', problem });
    });
    rule.examples.good.forEach((ex, index) => {
      const all = run(ex.text, ex.format);
      const problem = all.length === 0 ? '' : `flagged: ${all.map((f) => `${f.ruleId} "${f.actual}"`).join(', ')}`;
      results.push({ ...base, kind: 'good', index, text: ex.text, ok: problem === '', problem });
    });
    const dead = deadPatterns(rule);
    rule.patterns.forEach((p, index) => {
      const key = p.phrase ?? `regex: ${p.regex}`;
      const problem = dead.get(index) ?? (hitPatterns.has(key) ? '' : 'no bad example is flagged by this pattern — add one that shows what it catches');
      results.push({ ...base, kind: 'pattern', index, text: key, ok: problem === '', problem });
    });
  }
  return results;
}

// Each alternative rewrite, applied on its own, must not be flagged where it was written.
function alternativeConflicts(text: string, mine: Finding[], run: (text: string) => Finding[]): string {
  for (const f of mine) {
    for (const [k, sug] of f.suggestions.entries()) {
      if (k === 0) continue;
      const output = applyEdits(text, [sug]).output;
      const end = sug.start + sug.text.length;
      const hit = run(output).find((g) => g.start < end && sug.start < g.end);
      if (hit) return `rewrite ${k + 1} ${JSON.stringify(sug.text)} is flagged by ${hit.ruleId} ("${hit.actual}") — reword it`;
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
      dead.set(index, `can never match: every phrasing is already in pattern ${Math.max(...(earlier as number[])) + 1}, which wins — delete it or merge the two`);
    } else {
      const veto = vetoes.find(({ seq: v }) => seqs.every((seq) => containsRun(seq, v)));
      if (veto) dead.set(index, `can never match: the unless phrase "${veto.u}" is inside every phrasing, so it always vetoes it — narrow the unless phrase`);
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
    if (words.every((w, j) => { const it = outer[i + j]; return it.t === 'word' && it.w === w; })) return true;
  }
  return false;
}
