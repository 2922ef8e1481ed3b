// Every example in every built-in rule file is a test: bad ones flagged and fixed to the
// declared text (and then clean), good ones clean of every rule, every pattern exercised.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, testRules } from '../../src/core/index';
import { RULES_DIR } from '../helpers';

const RULE_IDS = [
  'no-blame-shifting',
  'no-defending-errors',
  'not-my-table',
  'no-cold-formality',
  'no-contradicting',
  'complaint-as-gift',
  'keep-promises',
  'no-judging',
  'positive-language',
  'greet-like-a-friend',
  'sincere-apology',
];
const LANGUAGES = ['en', 'nl', 'sv', 'nb', 'ro'];

const engine = new Engine({ builtinRulesDir: RULES_DIR });

describe('built-in rules', () => {
  it('load without a single problem', () => {
    assert.deepEqual(
      engine
        .open({ text: '' })
        .problems.map((p) => `${path.relative(RULES_DIR, p.file)}:${p.line}:${p.column}: ${p.message}`),
      [],
    );
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: all 11 rules are there, each id equal to its file name`, () => {
      const dir = path.join(RULES_DIR, lang);
      const files = fs.existsSync(dir)
        ? fs
            .readdirSync(dir)
            .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
            .map((f) => f.replace('.yaml', ''))
        : [];
      assert.deepEqual(files.sort(), [...RULE_IDS].sort());
    });
  }

  const results = testRules(engine.open({ text: '' }).ruleSet);
  const byRule = new Map<string, typeof results>();
  for (const r of results)
    byRule.set(`${r.language}/${r.ruleId}`, [...(byRule.get(`${r.language}/${r.ruleId}`) ?? []), r]);
  for (const [key, list] of [...byRule].sort()) {
    describe(key, () => {
      for (const r of list) {
        const label =
          r.kind === 'pattern'
            ? `pattern ${r.index + 1} has a bad example: ${r.text}`
            : `${r.kind} ${r.index + 1}: ${r.text.replace(/\s+/g, ' ').slice(0, 70)}`;
        it(label, () => assert.ok(r.ok, r.problem));
      }
    });
  }
});
