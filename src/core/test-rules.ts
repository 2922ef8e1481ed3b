// Runs the examples inside rule files as tests — for built-in and user rules alike. A bad
// example must be flagged by its rule and fixed to exactly the declared text; the fixed text
// must then be clean of every fixable finding (no rewrite that another rule rewrites again);
// a good example must be clean of every rule; every pattern needs a bad example of its own.
import { applyEdits, preferredEdits } from './fix';
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
        let text = ex.text;
        let findings = mine;
        for (let round = 0; round < 10 && preferredEdits(findings).length > 0; round++) {
          const next = applyEdits(text, preferredEdits(findings)).output;
          if (next === text) break;
          text = next;
          findings = run(text, ex.format).filter((f) => f.ruleId === rule.id);
        }
        if (ex.fixed === undefined) problem = `add "fixed:" — the first rewrite gives: ${JSON.stringify(text)}`;
        else if (text !== ex.fixed) problem = `fixed text differs\n      expected: ${JSON.stringify(ex.fixed)}\n      actual:   ${JSON.stringify(text)}`;
        else {
          const left = run(text, ex.format).filter((f) => f.suggestions.length > 0);
          if (left.length > 0) problem = `the fixed text is flagged again: ${left.map((f) => `${f.ruleId} "${f.actual}"`).join(', ')} — change the rewrite so it does not trigger a rule`;
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
    rule.patterns.forEach((p, index) => {
      const key = p.phrase ?? `regex: ${p.regex}`;
      const ok = hitPatterns.has(key);
      results.push({ ...base, kind: 'pattern', index, text: key, ok, problem: ok ? '' : 'no bad example is flagged by this pattern — add one that shows what it catches' });
    });
  }
  return results;
}
