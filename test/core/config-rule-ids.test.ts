// Issue 14: a rule-id typo in .warmlyrc.yaml (disable, severity, the same inside overrides) is a
// problem at its file:line:col with a "did you mean", as the same typo in a suppression comment
// already was. Failed before: the typo was silently ignored.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { Engine } from '../../src/core/index';
import { nearest } from '../../src/core/rule-ids';
import { RULES_DIR, tempDir } from '../helpers';

const CONFIG = `disable: [keep-promise]
severity:
  no-judgin: error
  not-my-table: info
overrides:
  - files: ["legal/**"]
    disable: [warmly-comment, no-such-rule-at-all]
`;

describe('rule ids in the config', () => {
  it('each unknown id is a problem where it is written, with the nearest real id', () => {
    const dir = tempDir({ '.warmlyrc.yaml': CONFIG });
    const engine = new Engine({ builtinRulesDir: RULES_DIR });
    const problems = engine
      .open({ fileName: path.join(dir, 'a.md'), text: '' })
      .problems.filter((p) => p.file === path.join(dir, '.warmlyrc.yaml'))
      .map((p) => `${p.line}:${p.column} ${p.message}`);
    assert.deepEqual(problems.slice(0, 2), [
      '1:11 unknown rule id "keep-promise" — did you mean "keep-promises"?',
      '3:14 unknown rule id "no-judgin" — did you mean "no-judging"?',
    ]);
    assert.equal(problems.length, 3);
    assert.match(problems[2], /^7:\d+ unknown rule id "no-such-rule-at-all" — use one of: .*not-my-table/);
  });

  it('the CLI stops with exit 2 and file:line:col', async () => {
    const dir = tempDir({ '.warmlyrc.yaml': 'disable: [keep-promise]\n', 'a.md': 'Thanks.\n' });
    let err = '';
    const code = await runCli({
      argv: ['a.md'],
      cwd: dir,
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
      env: {},
    });
    assert.equal(code, 2);
    assert.match(err, /^\.warmlyrc\.yaml:1:11: unknown rule id "keep-promise" — did you mean "keep-promises"\?$/m);
  });

  it('"did you mean" only offers a close id', () => {
    assert.equal(nearest('greet-like-a-frend', ['greet-like-a-friend', 'no-judging']), 'greet-like-a-friend');
    assert.equal(nearest('banana', ['greet-like-a-friend', 'no-judging']), undefined);
  });
});
