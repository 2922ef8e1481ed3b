// The CLI as a real process: the bundled dist/cli.js through npx, as a pipeline would run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function warmly(args: string[], options: { cwd?: string; input?: string; npx?: boolean } = {}) {
  const [cmd, argv] = options.npx ? ['npx', ['--no-install', 'warmly', ...args]] : [process.execPath, [CLI, ...args]];
  return spawnSync(cmd, argv, {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('warmly as a process', function () {
  this.timeout(60000);

  before(() => {
    if (!fs.existsSync(CLI))
      spawnSync(process.execPath, [path.join(ROOT, 'esbuild.config.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });

  it('`npx warmly --format json examples/` prints the JSON contract for the bundled examples', () => {
    const r = warmly(['--format', 'json', 'examples/'], { npx: true });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const json = JSON.parse(r.stdout) as Array<{
      filePath: string;
      language: string;
      messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }>;
    }>;
    const refund = json.find((f) => f.filePath.endsWith(path.join('en', 'refund-delay.md')));
    assert.ok(refund, 'examples/en/refund-delay.md is linted');
    assert.equal(refund.language, 'en');
    const source = fs.readFileSync(refund.filePath, 'utf8').split('\n');
    const handoff = refund.messages.find((m) => m.ruleId === 'not-my-table');
    assert.ok(handoff);
    assert.equal(
      source[handoff.line - 1].slice(handoff.column - 1, handoff.endColumn - 1),
      "you'll need to contact {{ bank_name }}",
    );
    assert.ok(
      json.some((f) => f.language === 'sv'),
      'the Swedish example is read as Swedish',
    );
  });

  it('reads standard input and exits 1 on an error-level finding', () => {
    const dir = tempDir({ '.warmlyrc.yaml': 'severity:\n  not-my-table: error\n' });
    const r = warmly(['--stdin', '--stdin-filename', 'reply.md'], {
      cwd: dir,
      input: 'You will need to contact the seller.',
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /reply\.md\n\s+1:1\s+error/);
  });

  it('exits 2 on bad usage and prints --version', () => {
    assert.equal(warmly(['--no-such-flag', 'x']).status, 2);
    const v = warmly(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('does not follow symbolic link loops', () => {
    const dir = tempDir({ 'a/reply.md': 'Hello there.' });
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'a', 'loop'));
    const r = warmly(['--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).length, 1);
  });
});
