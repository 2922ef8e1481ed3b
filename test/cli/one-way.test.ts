// Issue 12's reproductions through the real CLI (in-process), where the divergence showed: each
// of these failed before every front end went through engine.open().
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Log } from 'sarif';
import { ROOT, tempDir } from '../helpers';
import { cli } from '../cli-capture';

const TEAM_RULE = `severity: warning
principle: Team principle for sub only.
message: Team phrase.
why: Because the team says so.
url: https://example.com/team-rule
patterns:
  - phrase: "per our policy"
examples:
  bad: [{ text: "Per our policy, no." }]
  good: ["Here is what I can do."]
`;

describe('one way through the engine: the CLI', () => {
  it("2. --lang accepts a language that the config's rules: bring (reply.de.md already linted fine)", async () => {
    const dir = tempDir();
    fs.cpSync(path.join(ROOT, 'docs', 'examples', 'team-pack'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'replies', 'b.md'), 'Bitte beachten Sie, dass die Rücksendung kostenlos ist.\n');
    const r = await cli(['--lang', 'de', '--format', 'json', 'replies/b.md'], dir);
    assert.equal(r.code, 0, r.err);
    const [file] = JSON.parse(r.out) as Array<{ language: string; messages: Array<{ ruleId: string }> }>;
    assert.equal(file.language, 'de');
    assert.deepEqual(
      file.messages.map((m) => m.ruleId),
      ['no-cold-formality'],
    );
    // A language nobody brings is still refused.
    assert.equal((await cli(['--lang', 'xx', 'replies/b.md'], dir)).code, 2);
  });

  it('3. --cache does not serve old findings after --csv-column changes', async () => {
    const csv = 'id,text,notes\n1,Thanks for writing.,Please be advised that you need to contact your bank.\n';
    const dir = tempDir({ 'replies.csv': csv });
    const run = async (column: string) => {
      const r = await cli(['--no-config', '--cache', '--format', 'json', '--csv-column', column, 'replies.csv'], dir);
      return (JSON.parse(r.out) as Array<{ messages: unknown[] }>)[0].messages.length;
    };
    assert.equal(await run('text'), 0);
    assert.ok((await run('notes')) > 0, 'the notes column has cold phrases');
    assert.equal(await run('text'), 0);
  });

  it('4. the SARIF rule table describes a team rule the same whichever file comes first', async () => {
    const dir = tempDir({
      'a.md': 'Thanks for writing.\n',
      'sub/.warmlyrc.yaml': 'rules: [./team]\n',
      'sub/team/en/team-policy.yaml': TEAM_RULE,
      'sub/b.md': 'Per our policy, no refunds.\n',
    });
    const ruleOf = async (args: string[]) => {
      const log = JSON.parse((await cli(['--format', 'sarif', ...args], dir)).out) as Log;
      return log.runs[0].tool.driver.rules?.find((r) => r.id === 'team-policy');
    };
    const alone = await ruleOf(['sub/b.md']);
    const after = await ruleOf(['a.md', 'sub/b.md']);
    assert.equal(alone?.shortDescription?.text, 'Team principle for sub only.');
    assert.equal(alone?.helpUri, 'https://example.com/team-rule');
    assert.deepEqual(after, alone);
  });

  it("5. a named file left out by the config's ignore: gets a note, as .warmlyignore's do", async () => {
    const dir = tempDir({
      '.warmlyrc.yaml': 'ignore: ["drafts/**"]\n',
      '.warmlyignore': 'old/\n',
      'drafts/a.md': "You'll need to contact your bank.\n",
      'old/b.md': "You'll need to contact your bank.\n",
      'c.md': 'Thanks for writing.\n',
    });
    const r = await cli(['drafts/a.md', 'old/b.md', 'c.md'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /old\/b\.md: ignored by \.warmlyignore/);
    assert.match(r.err, /drafts\/a\.md: ignored by "ignore:" in \.warmlyrc\.yaml/);
    assert.equal(r.out, '');
  });

  it('a named file that only the config ignores is no "nothing matched" usage error', async () => {
    const dir = tempDir({
      '.warmlyrc.yaml': 'ignore: ["drafts/**"]\n',
      'drafts/a.md': "You'll need to contact your bank.\n",
    });
    const r = await cli(['drafts/a.md'], dir);
    assert.equal(r.code, 0, r.err);
  });
});
