// Issue 15, items 3–6 and the write half of 15: what --fix does to the file on disk. A save that
// lands while warmly writes wins; owner, group, mode and hard links survive; symbolic links and
// read-only files are refused with a note; a failed write is reported and the other files are
// still fixed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic } from '../../src/cli/write-atomic';
import { ROOT, tempDir } from '../helpers';
import { cli } from '../cli-capture';

const HANDOFF = "You'll need to contact {{ bank_name }} directly.\n";
// A rule of the test's own, so what gets fixed does not hang on the wording of the built-in rules.
const RULE =
  'severity: warning\nprinciple: p.\nmessage: m.\nwhy: w.\npatterns:\n  - phrase: "you\'ll need to contact {party}"\n    fix: "I\'ll contact {party} for you"\nexamples:\n  bad: [{ text: "You\'ll need to contact the bank." }]\n  good: ["ok"]\n';
const asRoot = process.getuid?.() === 0;

function expectedOf(file: string) {
  const s = fs.statSync(file);
  return { mtimeMs: s.mtimeMs, size: s.size, mode: s.mode, bom: false, text: fs.readFileSync(file, 'utf8') };
}

describe('--fix on disk (issue 15: 3, 4, 5, 6, 15)', function () {
  this.timeout(60000);

  it('a save that lands while the fix is being written wins, and is reported', () => {
    const dir = tempDir({ 'a.md': 'x'.repeat(5 * 1024 * 1024) });
    const file = path.join(dir, 'a.md');
    const expected = expectedOf(file);
    const outcome = writeAtomic(file, 'fixed', expected, {
      afterTempWritten: () => fs.writeFileSync(file, 'their save\n'),
    });
    assert.equal(outcome, 'changed-on-disk');
    assert.equal(fs.readFileSync(file, 'utf8'), 'their save\n');
    assert.deepEqual(fs.readdirSync(dir), ['a.md'], 'no temporary file is left');
  });

  it('a save that replaces the file (a new inode, same size and time) wins too', () => {
    const dir = tempDir({ 'a.md': 'old text\n' });
    const file = path.join(dir, 'a.md');
    const expected = expectedOf(file);
    const outcome = writeAtomic(file, 'fixed', expected, {
      afterTempWritten: () => {
        fs.writeFileSync(path.join(dir, 'other'), 'new text\n');
        fs.utimesSync(path.join(dir, 'other'), new Date(expected.mtimeMs), new Date(expected.mtimeMs));
        fs.renameSync(path.join(dir, 'other'), file);
      },
    });
    assert.equal(outcome, 'changed-on-disk');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new text\n');
  });

  it('keeps the owner, group and mode of a file that belongs to someone else', function () {
    if (!asRoot) this.skip();
    const dir = tempDir({ 'a.md': HANDOFF });
    const file = path.join(dir, 'a.md');
    fs.chownSync(file, 65534, 65534);
    fs.chmodSync(file, 0o640);
    assert.equal(writeAtomic(file, 'fixed\n', expectedOf(file)), 'written');
    const s = fs.statSync(file);
    assert.deepEqual([s.uid, s.gid, s.mode & 0o7777], [65534, 65534, 0o640]);
    assert.equal(fs.readFileSync(file, 'utf8'), 'fixed\n');
  });

  it('keeps hard links: every name sees the fix', () => {
    const dir = tempDir({ 'a.md': HANDOFF });
    const file = path.join(dir, 'a.md');
    fs.linkSync(file, path.join(dir, 'b.md'));
    const ino = fs.statSync(file).ino;
    assert.equal(writeAtomic(file, 'fixed\n', expectedOf(file)), 'written');
    assert.equal(fs.statSync(file).ino, ino);
    assert.equal(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), 'fixed\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md']);
  });

  it('refuses a symbolic link and a read-only file with a note, and fixes the rest', async () => {
    const dir = tempDir({ 'target.md': HANDOFF, 'ro.md': HANDOFF, 'ok.md': HANDOFF, 'r/en/handoff.yaml': RULE });
    fs.symlinkSync('target.md', path.join(dir, 'link.md'));
    fs.chmodSync(path.join(dir, 'ro.md'), 0o444);
    const r = await cli(['--no-config', '--rules', 'r', '--fix', 'link.md', 'ro.md', 'ok.md'], dir);
    assert.equal(r.code, 2, 'what was not fixed makes the run fail');
    assert.match(r.err, /link\.md: not fixed: it is a symbolic link \(to target\.md\)/);
    assert.match(r.err, /ro\.md: not fixed: it is read-only/);
    assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink(), 'the link is still a link');
    assert.equal(fs.readFileSync(path.join(dir, 'target.md'), 'utf8'), HANDOFF);
    assert.equal(fs.readFileSync(path.join(dir, 'ro.md'), 'utf8'), HANDOFF);
    assert.notEqual(fs.readFileSync(path.join(dir, 'ok.md'), 'utf8'), HANDOFF, 'the writable file is fixed');
  });

  it('a write that fails (a 2 KB file-size limit) is reported, and the other files are still fixed', () => {
    const big = HANDOFF + 'Thanks for waiting. '.repeat(400) + '\n';
    const dir = tempDir({ 'r/en/handoff.yaml': RULE, 'a-big.md': big, 'b-small.md': HANDOFF });
    const r = spawnSync(
      'bash',
      [
        '-c',
        `ulimit -f 2 && exec "${process.execPath}" "${path.join(ROOT, 'dist', 'cli.js')}" --no-config --rules r --fix a-big.md b-small.md`,
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /a-big\.md: not fixed: the write failed \(EFBIG\); the file is as it was/);
    assert.doesNotMatch(r.stderr, /unexpected error/);
    assert.equal(fs.readFileSync(path.join(dir, 'a-big.md'), 'utf8'), big);
    assert.notEqual(fs.readFileSync(path.join(dir, 'b-small.md'), 'utf8'), HANDOFF);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });
});
