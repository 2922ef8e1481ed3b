// Issue 14: a negated glob takes files out of what the other arguments name, instead of being
// taken for a path that matches nothing. Failed before.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { tempDir } from '../helpers';
import { cli } from '../cli-capture';

const files = (out: string, dir: string) =>
  (JSON.parse(out) as Array<{ filePath: string }>).map((r) => path.relative(dir, r.filePath)).sort();

describe('negated globs', () => {
  const dir = tempDir({
    'templates/a.md': 'Thanks.\n',
    'templates/legal/terms.md': 'Thanks.\n',
    'templates/legal/privacy.md': 'Thanks.\n',
    'templates/b.liquid': 'Thanks.\n',
  });

  it('"!templates/legal/**" leaves the legal folder out of a folder or a glob', async () => {
    for (const what of ['templates', 'templates/**']) {
      const r = await cli(['--no-config', '--format', 'json', what, '!templates/legal/**'], dir);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(files(r.out, dir), ['templates/a.md', 'templates/b.liquid'], what);
    }
  });

  it('a negation alone is bad usage', async () => {
    assert.equal((await cli(['--no-config', '!templates/legal/**'], dir)).code, 2);
  });
});
