// The config's `ignore:` is gitignore syntax, as .warmlyignore is (issue 14.4): a folder written
// "templates/legal/" used to be a glob that matched nothing, silently.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { tempDir } from '../helpers';

const BAD = "You'll need to contact your bank.\n";

async function linted(config: string): Promise<string[]> {
  const dir = tempDir({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.warmlyrc.yaml': config,
    'templates/legal/terms.md': BAD,
    'templates/legal/keep.md': BAD,
    'templates/reply.md': BAD,
    'templates/deep/notes.txt': BAD,
    'notes.txt': BAD,
  });
  let out = '';
  const io = { write: (s: string) => (out += s) };
  await runCli({ argv: ['--format', 'json', '.'], cwd: dir, stdout: io, stderr: { write: () => true }, env: {} });
  const files = JSON.parse(out) as Array<{ filePath: string }>;
  return files.map((f) => path.relative(dir, path.resolve(dir, f.filePath)).split(path.sep).join('/')).sort();
}

describe('config ignore: in gitignore syntax', () => {
  it('"templates/legal/" leaves out the folder', async () => {
    assert.deepEqual(await linted('ignore: ["templates/legal/"]\n'), [
      'notes.txt',
      'templates/deep/notes.txt',
      'templates/reply.md',
    ]);
  });

  it('"*.txt" matches at any depth and "!" takes a file back', async () => {
    assert.deepEqual(await linted('ignore: ["*.txt", "templates/legal/*", "!templates/legal/keep.md"]\n'), [
      'templates/legal/keep.md',
      'templates/reply.md',
    ]);
  });

  it('a rooted "/notes.txt" leaves out only the top one', async () => {
    assert.deepEqual(await linted('ignore: ["/notes.txt"]\n'), [
      'templates/deep/notes.txt',
      'templates/legal/keep.md',
      'templates/legal/terms.md',
      'templates/reply.md',
    ]);
  });
});
