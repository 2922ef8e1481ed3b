// Hostile inputs to the CLI and the guarantees of --fix: every odd file is handled with a
// clear message, the rest are still linted, and no file is ever half-written or clobbered.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic } from '../../src/cli/write-atomic';
import { ROOT, tempDir } from '../helpers';
import { cli } from '../cli-capture';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const HANDOFF = "You'll need to contact {{ bank_name }} directly.\n";

describe('hostile inputs to the CLI', function () {
  this.timeout(180000);

  it('a 50 MB file is skipped with its size, and the other files are linted', async () => {
    const dir = tempDir({ 'a.md': HANDOFF });
    fs.writeFileSync(path.join(dir, 'huge.md'), Buffer.alloc(50 * 1024 * 1024, 'Thank you. '));
    const r = await cli(['--format', 'json', '.'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.err,
      /huge\.md: skipped \(50 MB is larger than the 16 MB a reply template can be; split it to lint it\)/,
    );
    assert.deepEqual(
      JSON.parse(r.out).map((f: { filePath: string }) => path.basename(f.filePath)),
      ['a.md'],
    );
  });

  it('a BOM, CR-only line endings and invalid UTF-8 in one run', async () => {
    const dir = tempDir({
      'bom.md': '\uFEFF' + HANDOFF,
      'cr.txt': 'Hello.\r' + HANDOFF.replace('\n', '\r'),
      'bad.txt': Buffer.from([0xff, 0xfe, 0x41, 0xc3]),
    });
    const r = await cli(['--format', 'json', '.'], dir);
    const byName = Object.fromEntries(
      JSON.parse(r.out).map((f: { filePath: string; messages: Array<{ line: number; column: number }> }) => [
        path.basename(f.filePath),
        f.messages,
      ]),
    );
    assert.deepEqual([byName['bom.md'][0].line, byName['bom.md'][0].column], [1, 1], 'the BOM does not shift columns');
    assert.deepEqual([byName['cr.txt'][0].line, byName['cr.txt'][0].column], [2, 1], 'a lone CR ends a line');
    assert.match(r.err, /bad\.txt: skipped \(not valid UTF-8/);
  });

  it('lints 10,000 files with only 64 file handles allowed', () => {
    const dir = tempDir();
    for (let i = 0; i < 10000; i++) {
      const sub = path.join(dir, `d${i % 50}`);
      if (i < 50) fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, `r${i}.md`), i % 100 === 0 ? HANDOFF : 'Thanks, it is on its way.\n');
    }
    const r = spawnSync('bash', ['-c', `ulimit -n 64 && exec "${process.execPath}" "${CLI}" --format json .`], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as Array<{ messages: unknown[] }>;
    assert.equal(json.length, 10000);
    assert.equal(json.filter((f) => f.messages.length > 0).length, 100);
  });

  it('makes no network request while linting and fixing', () => {
    const dir = tempDir({ 'a.md': HANDOFF, '.warmlyrc.yaml': 'extends: [warmly:recommended]\n' });
    for (const args of [
      ['--format', 'sarif', '.'],
      ['--fix', '.'],
      ['test-rules', path.join(ROOT, 'docs', 'examples', 'team-pack', 'rules')],
    ]) {
      const r = spawnSync(
        process.execPath,
        ['--require', path.join(ROOT, 'test', 'fixtures', 'no-network', 'block.cjs'), CLI, ...args],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.doesNotMatch(r.stderr, /NETWORK ATTEMPT/);
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: ${r.stderr}`);
    }
  });
});

describe('--fix safety', () => {
  it('does not overwrite a file that changed on disk after it was read', () => {
    const dir = tempDir({ 'a.md': 'old text\n' });
    const file = path.join(dir, 'a.md');
    const seen = fs.statSync(file);
    fs.writeFileSync(file, 'someone else saved this meanwhile\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(
      writeAtomic(file, 'fixed text\n', { mtimeMs: seen.mtimeMs, size: seen.size, mode: seen.mode, bom: false }),
      'changed-on-disk',
    );
    assert.equal(fs.readFileSync(file, 'utf8'), 'someone else saved this meanwhile\n');
  });

  it('leaves the old file whole when the disk refuses the write (a 2 KB file-size limit)', () => {
    // RLIMIT_FSIZE makes the write fail for real, even for root: the fixed text is 8 KB.
    // A fix (not a suggestion) must be there to write: cold formality is deleted.
    const original = 'Please be advised that your refund was issued.\n' + 'Thanks for waiting. '.repeat(400) + '\n';
    const dir = tempDir({ 'a.md': original });
    const r = spawnSync('bash', ['-c', `ulimit -f 2 && exec "${process.execPath}" "${CLI}" --fix a.md`], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.notEqual(r.status, 0, 'the failed write is not reported as success');
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), original);
  });

  it('reports rewrites that never settle instead of looping', async () => {
    const rule = (from: string, to: string) =>
      `severity: warning\nprinciple: p.\nmessage: m.\nwhy: w.\npatterns:\n  - phrase: "${from}"\n    fix: "${to}"\nexamples:\n  bad: [{ text: "${from}" }]\n  good: ["ok"]\n`;
    const dir = tempDir({
      'r/en/one.yaml': rule('sort it out', 'fix it up'),
      'r/en/two.yaml': rule('fix it up', 'sort it out'),
      'a.md': 'We will sort it out.\n',
    });
    const r = await cli(['--rules', 'r', '--fix', 'a.md'], dir);
    // Stopped as soon as the text comes back to an earlier round's: nothing is written, exit 2.
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /a\.md: not fixed — .*the two undo each other — nothing was written/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'We will sort it out.\n');
  });

  it('applies overlapping rewrites in later rounds instead of merging them', async () => {
    const rule = (from: string, to: string) =>
      `severity: warning\nprinciple: p.\nmessage: m.\nwhy: w.\npatterns:\n  - phrase: "${from}"\n    fix: "${to}"\nexamples:\n  bad: [{ text: "${from}" }]\n  good: ["ok"]\n`;
    const dir = tempDir({
      'r/en/aa.yaml': rule('kindly note that', 'note that'),
      'r/en/bb.yaml': rule('note that the parcel', 'the parcel'),
      'a.md': 'Kindly note that the parcel is late.\n',
    });
    const r = await cli(['--rules', 'r', '--fix', 'a.md'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'The parcel is late.\n');
  });
});
