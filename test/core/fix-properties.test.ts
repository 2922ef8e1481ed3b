// For any text and any rule set — the built-in rules, plus team rules drawn at random, some of
// which rewrite into their own pattern or undo each other — fixing terminates, is applied whole
// or not at all (a stopped loop returns the input unchanged), and is idempotent once settled.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAll, MAX_ROUNDS } from '../../src/core/fix';
import { lint } from '../../src/core/lint';
import { parseRuleFile } from '../../src/core/rules';
import { RuleSet } from '../../src/core/rule-set';
import { builtinRules } from '../../scripts/builtin-rules';
import { documentArb } from '../reliability/properties';

const { ruleSet: builtin } = builtinRules();
const LANGUAGES = ['en', 'nl', 'sv', 'nb', 'ro'];
// Team rules of every shape that can trouble a fix loop: one that grows into its own pattern,
// two that undo each other, a deletion, and a plain one.
const TEAM = [
  { from: 'sorry for the wait', to: 'sorry for the wait and thanks' },
  { from: 'sort it out', to: 'fix it up' },
  { from: 'fix it up', to: 'sort it out' },
  { from: 'please note', to: '' },
  { from: 'thanks soon', to: 'thank you' },
];
const cache = new Map<string, RuleSet>();

function withTeamRules(language: string, picked: readonly number[]): RuleSet {
  const key = `${language}:${picked.join(',')}`;
  const known = cache.get(key);
  if (known) return known;
  const rules = picked.flatMap((k) => {
    const t = TEAM[k];
    const text = `severity: warning\nprinciple: p\nmessage: m\nwhy: w\npatterns:\n  - phrase: ${JSON.stringify(t.from)}\n    fix: ${JSON.stringify(t.to)}\nexamples:\n  bad: [{ text: x }]\n  good: [y]\n`;
    const { rule } = parseRuleFile({ file: `/team/${language}/team-${k}.yaml`, text, language });
    return rule ? [rule] : [];
  });
  const set = RuleSet.build([...builtin.languages.values()], builtin.rules, rules);
  cache.set(key, set);
  return set;
}

const teamText = fc.array(fc.constantFrom(...TEAM.map((t) => `${t.from}. `)), { maxLength: 4 }).map((a) => a.join(''));

describe('fixing, for any text and rule set', () => {
  it('terminates, is whole or nothing, and is idempotent once settled', () => {
    fc.assert(
      fc.property(
        documentArb,
        teamText,
        fc.constantFrom(...LANGUAGES),
        fc.constantFrom([], [0], [1, 2], [3, 4], [0, 1, 2, 3, 4]),
        (doc, extra, language, team) => {
          const text = extra + doc;
          const ruleSet = withTeamRules(language, team);
          const run = (t: string) => lint(t, { ruleSet, language, format: 'markdown' }).findings;
          const result = fixAll(text, run);
          assert.ok(result.rounds <= MAX_ROUNDS);
          if (result.loop) {
            assert.equal(result.output, text, 'a stopped fix returns the text as it was');
            assert.match(result.loop.message, /flagged again/);
            return;
          }
          if (!result.settled) return;
          const again = fixAll(result.output, run);
          assert.equal(again.output, result.output, 'fixing the fixed text changes nothing');
          assert.equal(again.applied, 0);
        },
      ),
      { numRuns: Number(process.env.WARMLY_PROPERTY_RUNS ?? 150), seed: 20261201 },
    );
  });
});
