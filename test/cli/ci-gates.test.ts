// Issue 14, CI-grade CLI: gates that say why they fail, and file lists that CI can hand over.
// Each case failed before it was built.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../helpers';
import { cli } from '../cli-capture';

const COLD = "You'll need to contact your bank.\n";
const WARM = 'Thanks for writing, I have sorted it.\n';
const paths = (out: string) => (JSON.parse(out) as Array<{ filePath: string }>).map((r) => path.basename(r.filePath));

describe('CI gates', () => {
  it('a missing named path exits 2 and the other files are still linted', async () => {
    const dir = tempDir({ 'a.md': WARM });
    const r = await cli(['--no-config', '--format', 'json', 'a.md', 'tempaltes/b.md'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(paths(r.out), ['a.md']);
    assert.match(r.err, /tempaltes\/b\.md: no such file or folder/);
    // A glob that matches nothing next to files that exist is only a note.
    assert.equal((await cli(['--no-config', 'a.md', '*.liquid'], dir)).code, 0);
  });

  it('--quiet --max-warnings 0 prints the summary line of what it hid and counted', async () => {
    const dir = tempDir({ 'a.md': COLD, 'b.md': WARM });
    const r = await cli(['--no-config', '--quiet', '--max-warnings', '0', '.'], dir);
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      /warmly: 0 errors shown; [1-9]\d* warnings? and \d+ info hidden by --quiet \(.*\); --max-warnings 0/,
    );
  });

  it('--fail-on-skipped turns a skipped binary, non-UTF-8 file or non-export JSON into exit 2', async () => {
    const dir = tempDir({
      'a.md': WARM,
      'b.md': Buffer.from([0x48, 0x69, 0x00, 0x01]),
      'c.txt': Buffer.from([0xff, 0xfe, 0x41]),
      'd.json': '{ "name": "not an export" }',
    });
    const plain = await cli(['--no-config', '.'], dir);
    assert.equal(plain.code, 0);
    const strict = await cli(['--no-config', '--fail-on-skipped', '.'], dir);
    assert.equal(strict.code, 2);
    assert.match(strict.err, /3 files skipped, and --fail-on-skipped is set/);
  });

  it('--files-from reads one path a line, from a file or standard input, into one JSON document', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`t/${String(i).padStart(3, '0')}.md`] = i % 2 ? COLD : WARM;
    const dir = tempDir(files);
    const list = Object.keys(files).join('\n') + '\n\n';
    fs.writeFileSync(path.join(dir, 'list.txt'), list);
    const fromFile = await cli(['--no-config', '--format', 'json', '--files-from', 'list.txt'], dir);
    assert.equal(fromFile.code, 0, fromFile.err);
    assert.equal(paths(fromFile.out).length, 300);
    const fromStdin = await cli(['--no-config', '--format', 'json', '--files-from', '-'], dir, list);
    assert.equal(fromStdin.out, fromFile.out);
    // --max-warnings counts over the whole list, not per batch.
    assert.equal((await cli(['--no-config', '--max-warnings', '149', '--files-from', 'list.txt'], dir)).code, 1);
    assert.equal((await cli(['--no-config', '--files-from', 'nowhere.txt'], dir)).code, 2);
  });
});
