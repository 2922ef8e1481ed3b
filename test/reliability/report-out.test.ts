// Issue 15, item 16: `report --out` checks where it writes before linting anything, and a write
// that fails leaves no temporary file behind. /proc made a recursive mkdir loop forever; an
// existing folder or a full disk gave a stack trace and left a .tmp file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const REPLY = 'Thanks for waiting, it is on its way. '.repeat(200) + '\n';

function report(out: string, cwd: string, limit = '') {
  const cmd = `${limit}exec "${process.execPath}" "${CLI}" --no-config report a.md --out "${out}"`;
  const r = spawnSync('bash', ['-c', cmd], { cwd, encoding: 'utf8', timeout: 30000 });
  assert.notEqual(r.signal, 'SIGTERM', `report --out ${out} did not finish`);
  return r;
}

const leftovers = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.tmp'));

describe('report --out (issue 15: 16)', function () {
  this.timeout(120000);

  it('an existing folder as --out is refused before linting, with what to write instead', () => {
    const dir = tempDir({ 'a.md': REPLY, 'reports/keep.txt': 'x' });
    const r = report('reports', dir);
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /report --out: .*reports is a folder — name the report file, e\.g\. .*reports\/report\.html/,
    );
    assert.doesNotMatch(r.stderr, / {4}at /);
    assert.deepEqual(leftovers(dir), []);
  });

  it('a target under /proc is refused at once', () => {
    const dir = tempDir({ 'a.md': REPLY });
    const r = report('/proc/x/y.html', dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /report --out: \/proc is on \/proc, a virtual file system/);
  });

  it('a full disk (a 2 KB file-size limit) is reported, and no .tmp file is left', () => {
    const dir = tempDir({ 'a.md': REPLY });
    const r = report('out/report.html', dir, 'ulimit -f 2 && ');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /report --out: could not write .*report\.html \(EFBIG\)/);
    assert.deepEqual(leftovers(dir), []);
    assert.ok(!fs.existsSync(path.join(dir, 'out', 'report.html')));
  });

  it('missing folders on the way are still made, and the report is written', () => {
    const dir = tempDir({ 'a.md': REPLY });
    const r = report('out/deeper/report.html', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'out', 'deeper', 'report.html'), 'utf8'), /<html/i);
  });
});
