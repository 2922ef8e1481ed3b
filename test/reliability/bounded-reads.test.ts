// Issue 15, items 10 and 13: every file Warmly reads on its own is a regular file read up to a
// cap, and rule folders are walked once per real folder. Each case runs the built CLI in a child
// process with a time limit, because a read that blocks would freeze this test process too.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const RULE =
  'severity: warning\nprinciple: p.\nmessage: m.\nwhy: w.\npatterns:\n  - phrase: "kindly note"\nexamples:\n  bad: [{ text: "Kindly note this." }]\n  good: ["ok"]\n';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30000,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.notEqual(r.signal, 'SIGTERM', `warmly ${args.join(' ')} did not finish in 30 s`);
  return r;
}

const fifo = (file: string) => execFileSync('mkfifo', [file]);

describe('bounded reads (issue 15: 10, 13)', function () {
  this.timeout(120000);

  it('a FIFO or /dev/zero as .warmlyrc.yaml is refused at once, not read', () => {
    for (const make of [(f: string) => fifo(f), (f: string) => fs.symlinkSync('/dev/zero', f)]) {
      const dir = tempDir({ 'a.md': 'Kindly note this.\n' });
      make(path.join(dir, '.warmlyrc.yaml'));
      const r = run(['a.md'], dir);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /\.warmlyrc\.yaml:1:1: cannot read the config: it is not a regular file/);
    }
  });

  it('a FIFO or /dev/zero named as a rule file, in a rule folder or as .warmlyignore is refused', () => {
    const dir = tempDir({ 'a.md': 'Kindly note this.\n', 'r/en/team.yaml': RULE });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    fifo(path.join(dir, 'r', 'en', 'pipe.yaml'));
    let r = run(['--rules', 'zero.yaml', '--rules', 'r', 'a.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /zero\.yaml:1:1: cannot read the file: it is not a regular file/);
    assert.match(r.stderr, /pipe\.yaml:1:1: cannot read the file: it is not a regular file/);
    fifo(path.join(dir, '.warmlyignore'));
    r = run(['a.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read the ignore file \(it is not a regular file/);
  });

  it('a FIFO or /dev/zero as the cache is ignored, and the run goes on', () => {
    const dir = tempDir({ 'a.md': 'Thanks, it is on its way.\n' });
    fs.symlinkSync('/dev/zero', path.join(dir, '.warmlycache'));
    assert.equal(run(['--cache', 'a.md'], dir).status, 0);
    fs.rmSync(path.join(dir, '.warmlycache'));
    fifo(path.join(dir, '.warmlycache'));
    assert.equal(run(['--cache', 'a.md'], dir).status, 0);
  });

  it('a FIFO named as a file to lint is skipped with a note', () => {
    const dir = tempDir({ 'a.md': 'Thanks, it is on its way.\n' });
    fifo(path.join(dir, 'pipe.md'));
    const r = run(['--format', 'json', 'pipe.md', 'a.md'], dir);
    assert.match(r.stderr, /pipe\.md: skipped \(it is not a regular file/);
    assert.deepEqual(
      JSON.parse(r.stdout).map((f: { filePath: string }) => path.basename(f.filePath)),
      ['a.md'],
    );
  });

  it('eight symbolic links looping inside a rule folder: each real folder read once, one finding', () => {
    const dir = tempDir({ 'a.md': 'Kindly note this.\n', 'r/en/team.yaml': RULE });
    for (let i = 0; i < 8; i++) fs.symlinkSync('..', path.join(dir, 'r', 'en', `loop${i}`));
    fs.symlinkSync('self', path.join(dir, 'r', 'en', 'self'));
    const r = run(['--no-config', '--rules', 'r', '--format', 'json', 'a.md'], dir);
    assert.equal(r.stderr, '');
    const messages = JSON.parse(r.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'team');
    assert.equal(messages.length, 1);
  });
});
