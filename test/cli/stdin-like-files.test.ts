// Issue 14: standard input goes through the same format detection as a file of its
// --stdin-filename, and honours the config's ignore:. Both failed before.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli';
import { fixture, FILES } from '../helpdesk/fixtures';
import { tempDir } from '../helpers';

async function cli(argv: string[], cwd: string, stdin: string) {
  let out = '';
  let err = '';
  const stdout = { write: (s: string) => (out += s) };
  const stderr = { write: (s: string) => (err += s) };
  const code = await runCli({ argv, cwd, stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, env: {} });
  return { code, out, err };
}

type Json = Array<{ messages: Array<{ ruleId: string; line: number; column: number; location?: unknown }> }>;

describe('standard input like a file', () => {
  it('a Zendesk export on stdin is linted as an export: the same findings, with pointers, as the file', async () => {
    const { text } = fixture(FILES.zendesk);
    const dir = tempDir({ 'macros.json': text });
    const asFile = await cli(['--no-config', '--format', 'json', 'macros.json'], dir, '');
    const asStdin = await cli(
      ['--no-config', '--format', 'json', '--stdin', '--stdin-filename', 'macros.json'],
      dir,
      text,
    );
    const file = (JSON.parse(asFile.out) as Json)[0].messages;
    const stdin = (JSON.parse(asStdin.out) as Json)[0].messages;
    assert.ok(file.length >= 3, 'the fixture has findings');
    assert.deepEqual(stdin, file);
    assert.ok(
      stdin.every((m) => m.location !== undefined),
      'each finding names its reply',
    );
  });

  it('--stdin-filename under a folder the config ignores lints nothing, and --fix passes the text through', async () => {
    const dir = tempDir({ '.warmlyrc.yaml': 'ignore: ["drafts/**"]\n' });
    const cold = "You'll need to contact your bank.\n";
    const r = await cli(['--format', 'json', '--stdin', '--stdin-filename', 'drafts/x.md'], dir, cold);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), []);
    assert.match(r.err, /drafts\/x\.md: ignored by "ignore:"/);
    const fixed = await cli(['--fix', '--stdin', '--stdin-filename', path.join('drafts', 'x.md')], dir, cold);
    assert.equal(fixed.out, cold);
    // Outside the ignored folder the same text is linted.
    const linted = await cli(['--format', 'json', '--stdin', '--stdin-filename', 'x.md'], dir, cold);
    assert.ok((JSON.parse(linted.out) as Json)[0].messages.length > 0);
  });
});
