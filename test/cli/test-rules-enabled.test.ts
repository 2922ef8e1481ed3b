// Issue 14: a bare `warmly test-rules` runs only the rules the config enables. Before, every
// `disable:` entry made its rule's bad examples fail (a disabled rule flags nothing), so a CI
// gate on test-rules stayed red.
import assert from 'node:assert/strict';
import { runCli } from '../../src/cli/run-cli';
import { tempDir } from '../helpers';

const RULE = (phrase: string) => `severity: warning
principle: Be warm.
message: Warmer, please.
why: Because the customer feels it.
patterns:
  - phrase: "${phrase}"
examples:
  bad: [{ text: "Well, ${phrase} then." }]
  good: ["Here is what I can do."]
`;

async function testRules(cwd: string) {
  let out = '';
  const stdout = { write: (s: string) => (out += s) };
  const code = await runCli({
    argv: ['test-rules', '--format', 'json'],
    cwd,
    stdout,
    stderr: { write: () => true },
    env: {},
  });
  return { code, ids: [...new Set((JSON.parse(out) as Array<{ ruleId: string; ok: boolean }>).map((r) => r.ruleId))] };
}

describe('test-rules and the config', () => {
  it('runs the examples of enabled rules only (disable: and severity off leave a rule out)', async () => {
    const dir = tempDir({
      '.warmlyrc.yaml':
        'extends: ["warmly:none"]\nrules: [./team]\ndisable: [team-two]\nseverity: { team-three: "off" }\n',
      'team/en/team-one.yaml': RULE('per our policy'),
      'team/en/team-two.yaml': RULE('as per my last email'),
      'team/en/team-three.yaml': RULE('kindly revert'),
    });
    const r = await testRules(dir);
    assert.deepEqual(r.ids, ['team-one']);
    assert.equal(r.code, 0);
  });
});
