// Issue 14, CI-grade output: run from anywhere in a checkout, paths in annotations and SARIF are
// relative to the repository root, the repository's .warmlyignore is found upward like the
// config, SARIF fingerprints are unique per finding, and a team rule's helpUri is its file's path
// in the repository. Each failed before.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Log } from 'sarif';
import { tempDir } from '../helpers';
import { cli } from '../cli-capture';

const HANDOFF = "You'll need to contact your bank.\n";
const TEAM_RULE = `severity: warning
principle: Team principle.
message: Team phrase.
why: Because the team says so.
patterns:
  - phrase: "per our policy"
examples:
  bad: [{ text: "Per our policy, no." }]
  good: ["Here is what I can do."]
`;

function repo(): string {
  const dir = tempDir({
    '.warmlyignore': 'legal/\n',
    '.warmlyrc.yaml': 'rules: [./team-rules]\n',
    'team-rules/en/team-policy.yaml': TEAM_RULE,
    'templates/a.md': `${HANDOFF}\nPer our policy, no.\n`,
    'templates/legal/terms.md': HANDOFF,
  });
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('output relative to the repository root', () => {
  it('from a subfolder: annotations name files from the root, and the root .warmlyignore applies', async () => {
    const dir = repo();
    const r = await cli(['--format', 'github', '.'], path.join(dir, 'templates'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^::warning file=templates\/a\.md,/m);
    assert.doesNotMatch(r.out, /terms\.md/);
  });

  it("from a subfolder: SARIF's %SRCROOT% is the root, and a team rule's helpUri is its file in the repository", async () => {
    const dir = repo();
    const log = JSON.parse((await cli(['--format', 'sarif', '.'], path.join(dir, 'templates'))).out) as Log;
    const run = log.runs[0];
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%']?.uri, `${new URL(`file://${dir}/`).href}`);
    assert.deepEqual(
      [...new Set(run.results?.map((x) => x.locations?.[0].physicalLocation?.artifactLocation?.uri))],
      ['templates/a.md'],
    );
    const team = run.tool.driver.rules?.find((x) => x.id === 'team-policy');
    assert.equal(team?.helpUri, 'team-rules/en/team-policy.yaml');
  });

  it('SARIF fingerprints are unique per finding, even for the same words twice in a file', async () => {
    const dir = tempDir({ 'a.md': `${HANDOFF}\n${HANDOFF}\n${HANDOFF}`, 'b.md': HANDOFF });
    const log = JSON.parse((await cli(['--no-config', '--format', 'sarif', '.'], dir)).out) as Log;
    const keys = (log.runs[0].results ?? []).map(
      (x) => `${x.locations?.[0].physicalLocation?.artifactLocation?.uri} ${JSON.stringify(x.partialFingerprints)}`,
    );
    assert.ok(keys.length >= 4);
    assert.equal(new Set(keys).size, keys.length);
  });
});
