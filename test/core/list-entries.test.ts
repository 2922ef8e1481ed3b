// A list entry is a small phrase: a broken one (a gap at its edge) is a problem at its
// file:line:col wherever the list is written, and never a crash of the whole language.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Engine, lint, parseRuleFile } from '../../src/core/index';
import { RULES_DIR, ruleSetOf, tempDir } from '../helpers';

const rule = (lists: string) =>
  `severity: warning\nprinciple: p\nmessage: m\nwhy: w\n${lists}\npatterns:\n  - phrase: "we @threats"\nexamples:\n  bad: [{ text: "we warn" }]\n  good: [y]\n`;

describe('list entries', () => {
  it("in a rule's own lists: a broken entry is a problem at its place", () => {
    const { rule: loaded, problems } = parseRuleFile({
      file: '/v/en/t.yaml',
      text: rule('lists:\n  threats: ["warn", "threaten with ..2"]'),
      language: 'en',
    });
    assert.equal(loaded, undefined);
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0].line, problems[0].column], [6, 36]);
    assert.match(problems[0].message, /may not start or end/);
  });

  it("in .warmlyrc.yaml lists: reported at its place, and the file's other settings stay", () => {
    const dir = tempDir({ '.warmlyrc.yaml': 'lists:\n  third-parties: ["the post office", ".. courier"]\n' });
    const engine = new Engine({ builtinRulesDir: RULES_DIR });
    const run = engine.open({ fileName: path.join(dir, 'reply.md'), text: 'You will need to contact your bank.' });
    const problem = run.problems.find((p) => p.file.endsWith('.warmlyrc.yaml'));
    assert.ok(problem, JSON.stringify(run.problems));
    assert.deepEqual([problem.line, problem.column], [2, 39]);
  });

  it('a broken entry that reaches the matcher anyway is left out, and the rest still match', () => {
    const set = ruleSetOf({ 'not-my-table': 'patterns:\n  - phrase: "we @threats"\nlists:\n  threats: ["warn"]' });
    const settings = { lists: { threats: ['threaten with ..2'] } };
    const found = lint('We warn you.', { ruleSet: set, language: 'en', settings }).findings;
    assert.deepEqual(
      found.map((f) => f.actual),
      ['We warn'],
    );
  });
});
