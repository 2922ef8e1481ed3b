// Broken, hostile and oversized rule and config files: each gets file:line:col, what is wrong
// and the remedy, the CLI exits 2, and nothing hangs or runs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, lint, parseRuleFile } from '../../src/core/index';
import { ruleSetOf, RULES_DIR, tempDir } from '../helpers';
import { cli } from '../cli-capture';

const BASE = `severity: warning
principle: Be warm.
message: "Warmer."
why: Because.
examples:
  bad: [{ text: "x" }]
  good: ["y"]
`;

describe('bad rule and config files', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'malformed YAML',
      'severity: warning\npatterns:\n  - phrase: "a\n  suggest: [',
      /^r\/en\/broken\.yaml:3:13: this " opens a quoted value that is never closed/m,
    ],
    [
      'an unknown key',
      BASE + 'patterns:\n  - phrase: "a b"\n    sugest: ["c"]\n',
      /^r\/en\/broken\.yaml:10:5: unknown key "sugest" — did you mean "suggest"\?/m,
    ],
    [
      'a wrong type',
      BASE + 'patterns: "a b"\n',
      /^r\/en\/broken\.yaml:8:11: "patterns" should be a list — write it as a list/m,
    ],
    [
      'an empty pattern list',
      BASE + 'patterns: []\n',
      /^r\/en\/broken\.yaml:8:11: "patterns" needs at least 1 item — add one/m,
    ],
    ['an empty phrase', BASE + 'patterns:\n  - phrase: ""\n', /is empty — write some text, or remove the key/m],
    [
      'a phrase that matches everything',
      BASE + 'patterns:\n  - phrase: "_"\n',
      /would match almost any text — add a word/m,
    ],
    [
      'a regex that matches everything',
      BASE + 'patterns:\n  - regex: "\\\\w+"\n',
      /matches ordinary text almost everywhere/m,
    ],
    [
      'a regex with catastrophic backtracking',
      BASE + 'patterns:\n  - regex: "(a|a)*\\\\1"\n',
      /the regex cannot be used: .* linear time/m,
    ],
  ];
  for (const [what, text, expected] of cases) {
    it(`${what}: file:line:col, the remedy, exit 2`, async () => {
      const dir = tempDir({ 'r/en/broken.yaml': text, 'a.md': 'Hello there.\n' });
      const r = await cli(['--rules', 'r', 'a.md'], dir);
      assert.equal(r.code, 2, r.out);
      assert.match(r.err, expected);
    });
  }

  it('two files of one pack with the same id and language are reported', async () => {
    const rule = BASE + 'patterns:\n  - phrase: "kindly note"\n';
    const dir = tempDir({ 'r/en/same.yaml': rule, 'r/more/en/same.yaml': rule, 'a.md': 'Hi.\n' });
    const r = await cli(['--rules', 'r', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(
      r.err,
      /r\/more\/en\/same\.yaml:1:1: rule "same" \(en\) is also defined in .*r\/en\/same\.yaml — rename one/,
    );
  });

  it('a 10 MB rule file is refused quickly with its size, not parsed', async () => {
    const dir = tempDir({ 'a.md': 'Hi.\n' });
    fs.mkdirSync(path.join(dir, 'r', 'en'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'r', 'en', 'huge.yaml'),
      BASE + 'patterns:\n' + '  - phrase: "kindly note"\n'.repeat(420000),
    );
    const r = await cli(['--rules', 'r', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /huge\.yaml:1:1: the file is 1\d\.\d MB, over the 2 MB limit for rule files — split it/);
  });

  it('a circular extends is reported at its line', async () => {
    const dir = tempDir({
      '.warmlyrc.yaml': 'extends: [./b.warmlyrc.yaml]\n',
      'b.warmlyrc.yaml': 'extends: [./.warmlyrc.yaml]\n',
      'a.md': 'Hi.\n',
    });
    const r = await cli(['a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /b\.warmlyrc\.yaml:1:11: ".\/\.warmlyrc\.yaml" extends a config that extends this one again/);
  });

  it('YAML tags cannot run code: a !!js/function stays inert text', () => {
    const g = globalThis as { __warmlyPwned?: number };
    const text =
      BASE.replace('message: "Warmer."', "message: !!js/function 'function () { globalThis.__warmlyPwned = 1 }'") +
      'patterns:\n  - phrase: "kindly note"\n';
    const { rule } = parseRuleFile({ file: '/r/en/tag.yaml', text, language: 'en' });
    if (rule) lint('Kindly note this.', { ruleSet: ruleSetOf({}), language: 'en' });
    assert.equal(g.__warmlyPwned, undefined);
  });

  it('a regex that would backtrack exponentially elsewhere runs in linear time here', () => {
    const rules = ruleSetOf({ 'slow-regex': 'patterns:\n  - regex: "(a+)+$"\n' });
    // A backtracking engine needs about 2^50 steps for this; RE2 reads it once.
    const findings = lint('a'.repeat(50) + '!', { ruleSet: rules, language: 'en' }).findings;
    assert.deepEqual(findings, []);
  });

  it('a rule file broken mid-edit keeps its last good version working in a long-lived engine', () => {
    const dir = tempDir({ 'r/en/team.yaml': BASE + 'patterns:\n  - phrase: "kindly note"\n' });
    const engine = new Engine({ builtinRulesDir: RULES_DIR, settings: { rules: [path.join(dir, 'r')] } });
    const count = () =>
      engine
        .open({ fileName: path.join(dir, 'a.md'), text: 'Kindly note this.', language: 'en' })
        .lint()
        .findings.filter((f) => f.ruleId === 'team').length;
    assert.equal(count(), 1);
    fs.writeFileSync(path.join(dir, 'r', 'en', 'team.yaml'), BASE + 'patterns:\n  - phrase: "kindly [note"\n');
    engine.reload();
    assert.equal(count(), 1);
    assert.match(
      engine
        .open({ fileName: path.join(dir, 'a.md'), text: '' })
        .problems.map((p) => p.message)
        .join('\n'),
      /"\[" is never closed/,
    );
  });
});
