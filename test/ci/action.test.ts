// The GitHub Action (action.yml) run locally: its steps' scripts with the inputs as env, in a
// git repository with two commits, the second being the "pull request".
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintedExtensions } from '../../src/core/formats';
import { loadAction, ROOT, runAction } from './run-action';

const HAND_OFF = "Hi Sam,\n\nYou'll need to contact your bank about the refund.\n";

function git(cwd: string, ...args: string[]) {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

function write(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

describe('GitHub Action (action.yml)', function () {
  this.timeout(120000);
  let repo: string;
  let base: string;

  before(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT });
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-action-'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.email', 'ci@example.com');
    git(repo, 'config', 'user.name', 'CI');
    write(repo, { 'templates/old.md': HAND_OFF, 'templates/legal/terms.md': HAND_OFF, 'notes.txt': 'Fine.\n' });
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'first');
    base = git(repo, 'rev-parse', 'HEAD');
    write(repo, { 'templates/new.md': HAND_OFF, 'templates/legal/new-terms.md': HAND_OFF, 'src/app.ts': 'x\n' });
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'the pull request');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('by default checks every path and writes annotations; warnings pass without max-warnings', () => {
    const run = runAction(repo, {}, base);
    assert.equal(run.outputs['exit-code'], '0', run.log);
    for (const f of ['templates/old.md', 'templates/new.md', 'templates/legal/terms.md'])
      assert.match(run.log, new RegExp(`^::warning file=${f},line=3,.*title=Warmly \\(not-my-table\\)::`, 'm'));
    assert.equal(run.steps.at(-1)?.skipped, true, 'no SARIF upload unless asked');
  });

  it('max-warnings: 0 fails the step and the action', () => {
    const run = runAction(repo, { 'max-warnings': '0' }, base);
    assert.equal(run.outputs['exit-code'], '1');
    assert.equal(run.steps.find((s) => s.name === 'Check service tone')?.status, 1);
  });

  it('only-changed checks the files the pull request adds or changes, and negated paths stay out', () => {
    const run = runAction(repo, { 'only-changed': 'true', paths: 'templates !templates/legal/**' }, base);
    assert.match(run.log, /checking 1 changed file\(s\)/);
    assert.match(run.log, /^::warning file=templates\/new\.md,/m);
    assert.doesNotMatch(run.log, /old\.md|legal|app\.ts/);
  });

  it('only-changed with nothing changed passes without running Warmly', () => {
    const run = runAction(repo, { 'only-changed': 'true' }, git(repo, 'rev-parse', 'HEAD'));
    assert.equal(run.outputs['exit-code'], '0');
    assert.match(run.log, /no changed files to check/);
  });

  it('only-changed outside a pull request checks everything, with a notice', () => {
    const run = runAction(repo, { 'only-changed': 'true', paths: 'templates' }, '');
    assert.match(run.log, /^::notice title=Warmly::no base commit/m);
    assert.match(run.log, /file=templates\/old\.md/);
  });

  it('sarif-file writes SARIF even when the gate fails, and hands it to upload-sarif', () => {
    const run = runAction(repo, { 'sarif-file': 'warmly.sarif', 'max-warnings': '0', config: '' }, base);
    assert.equal(run.outputs['exit-code'], '1');
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'warmly.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, 4);
    const upload = run.steps.at(-1);
    assert.equal(upload?.skipped, false);
    assert.match(upload?.uses ?? '', /^github\/codeql-action\/upload-sarif@/);
    assert.equal(upload?.with?.sarif_file, 'warmly.sarif');
    fs.rmSync(path.join(repo, 'warmly.sarif'));
  });

  it('config names the .warmlyrc.yaml to use', () => {
    write(repo, { 'ci/warmly.yaml': 'disable: [not-my-table]\n' });
    const run = runAction(repo, { config: 'ci/warmly.yaml', 'max-warnings': '0' }, base);
    assert.equal(run.outputs['exit-code'], '0', run.log);
    assert.doesNotMatch(run.log, /::warning/);
    fs.rmSync(path.join(repo, 'ci'), { recursive: true });
  });

  it('a path with shell characters is passed as data, not run', () => {
    const run = runAction(repo, { paths: 'templates/$(touch${IFS}pwned).md' }, base);
    assert.equal(fs.existsSync(path.join(repo, 'pwned')), false);
    assert.equal(run.outputs['exit-code'], '2', 'a missing path is exit 2');
  });

  it("only-changed's file types are the ones Warmly reads", () => {
    const script = loadAction().runs.steps.find((s: { id?: string }) => s.id === 'lint').run as string;
    const exts = [...script.matchAll(/exts\+?='\|?([^']+)'/g)].flatMap((m) => m[1].split('|'));
    assert.deepEqual([...exts].sort(), [...lintedExtensions()].sort());
  });
});
