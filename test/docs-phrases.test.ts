// docs/writing-rules.md shows each construction of the phrase language with a sentence it
// catches; this runs every row, so the guide cannot promise what the matcher does not do.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../src/core/lint';
import { parseRuleFile } from '../src/core/rules';
import { RuleSet } from '../src/core/rule-set';
import { english, ROOT } from './helpers';

const guide = fs.readFileSync(path.join(ROOT, 'docs', 'writing-rules.md'), 'utf8');
const section = guide.slice(guide.indexOf('### Phrases'), guide.indexOf('### Word classes'));
const rows = [...section.matchAll(/^\| `(?:\\\||[^|])*?` .*\| `(.+?)` catches “(.+?)” \|$/gm)].map((m) => ({
  phrase: m[1].replace(/\\\|/g, '|'),
  text: m[2],
}));
const lists = { contact: ['contact~', 'get in touch with'], parties: ['bank', 'courier'], ours: ['us', 'our team'] };

describe('the phrase table in docs/writing-rules.md', () => {
  it('has a runnable example for every construction', () => assert.ok(rows.length >= 14, `${rows.length} rows`));
  for (const { phrase, text } of rows) {
    it(`${phrase} catches “${text}”`, () => {
      const yaml =
        `severity: warning\nprinciple: p\nmessage: m\nwhy: w\npatterns:\n  - phrase: ${JSON.stringify(phrase)}\n` +
        `lists: ${JSON.stringify(lists)}\nexamples:\n  bad: [{ text: x }]\n  good: [y]\n`;
      const { rule, problems } = parseRuleFile({ file: '/docs/en/row.yaml', text: yaml, language: 'en' });
      assert.deepEqual(problems, []);
      const ruleSet = RuleSet.build([english()], [rule!], []);
      const found = lint(text, { ruleSet, language: 'en', format: 'markdown' }).findings;
      assert.equal(found.length, 1, `no finding for ${JSON.stringify(text)}`);
    });
  }
});
