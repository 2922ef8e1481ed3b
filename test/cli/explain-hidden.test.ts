// `warmly explain` on text the writer expected to be flagged (issue 14.4): it says when the
// match was turned off by the config, or vetoed by an unless, and where each is written.
import assert from 'node:assert/strict';
import { runCli } from '../../src/cli/run-cli';
import { tempDir } from '../helpers';

async function explain(text: string, files: Record<string, string>) {
  const dir = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  let out = '';
  const io = { write: (s: string) => (out += s) };
  const code = await runCli({ argv: ['explain', text, '--lang', 'en'], cwd: dir, stdout: io, stderr: io, env: {} });
  return { code, out };
}

describe('warmly explain: matches that are not shown', function () {
  this.timeout(60000);

  it('names the config line that turns the rule off', async () => {
    const r = await explain("You'll need to contact your bank.", { '.warmlyrc.yaml': 'disable: [not-my-table]\n' });
    assert.match(r.out, /no finding is shown, but:/);
    assert.match(
      r.out,
      /not-my-table would match "You'll need to contact your bank" at 1:1\n {2}pattern: .*rules\/en\/not-my-table\.yaml:\d+:\d+\)/,
    );
    assert.match(r.out, /not shown: the rule is turned off by \.warmlyrc\.yaml:1:11/);
    assert.doesNotMatch(r.out, /no rule matched/);
  });

  it('severity: off counts as turned off too', async () => {
    const r = await explain("You'll need to contact your bank.", {
      '.warmlyrc.yaml': 'severity:\n  not-my-table: "off"\n',
    });
    assert.match(r.out, /not shown: the rule is turned off by \.warmlyrc\.yaml:2:\d+/);
  });

  it('names the built-in unless that vetoes a match, with its file and line', async () => {
    const r = await explain("We can't wait to see you.", {});
    assert.match(r.out, /positive-language would match "We can't" at 1:1/);
    assert.match(
      r.out,
      /not shown: vetoed by unless "\[can't\|cant\|cannot\] \[wait\|[^"]*" \(.*rules\/en\/positive-language\.yaml:\d+:\d+\)/,
    );
  });

  it("names a team file's unless, written in the team's file", async () => {
    const r = await explain("You'll need to contact your bank, if you prefer.", {
      '.warmlyrc.yaml': 'rules: [./team]\n',
      'team/en/not-my-table.yaml': '# our vetoes\nunless:\n  - "your bank, if you prefer"\n',
    });
    assert.match(r.out, /not shown: vetoed by unless "your bank, if you prefer" \(team\/en\/not-my-table\.yaml:3:6\)/);
  });

  it('says "no rule matched" when nothing matched at all', async () => {
    const r = await explain('Thanks, your parcel left today.', {});
    assert.match(r.out, /no rule matched\./);
  });
});
