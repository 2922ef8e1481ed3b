// The pre-commit hook (.pre-commit-hooks.yaml) run the way pre-commit runs a `language: node`
// hook: the package packed and installed globally into its own prefix (so `entry: warmly` is
// that install's bin on PATH), the staged files filtered by `files:`/`exclude:`, then
// `entry args… files…` in the repository. pre-commit itself is not needed (nor its network).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './run-action';

interface Hook {
  id: string;
  entry: string;
  language: string;
  args?: string[];
  files?: string;
  exclude?: string;
  require_serial?: boolean;
}

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

describe('pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(180000);
  const hooks: Hook[] = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  const hook = hooks.find((h) => h.id === 'warmly') as Hook;
  let tmp: string;
  let repo: string;
  let bin: string;

  before(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) npm(['run', 'build'], ROOT);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-precommit-'));
    const name = npm(['pack', '--ignore-scripts', '--pack-destination', tmp], ROOT).trim().split('\n').pop() ?? '';
    const prefix = path.join(tmp, 'env');
    npm(['install', '--global', '--offline', '--prefix', prefix, path.join(tmp, name)], tmp);
    bin = path.join(prefix, 'bin');
    repo = path.join(tmp, 'repo');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q');
    const files: Record<string, string> = {
      'macros/refund.liquid': "Hi {{ name }},\n\nYou'll need to contact your bank about the refund.\n",
      'notes.txt': 'Thanks for waiting, Sam. Your parcel left today.\n',
      'package.json': '{ "name": "x" }\n',
      'src/app.ts': "export const text = 'You will need to contact your bank.';\n",
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), text);
    }
    git(repo, 'add', '.');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** The staged files pre-commit would pass, as it selects them (re.search on the path). */
  function staged(): string[] {
    const files = git(repo, 'diff', '--staged', '--name-only', '-z').split('\0').filter(Boolean);
    const include = new RegExp(hook.files ?? '');
    const exclude = new RegExp(hook.exclude ?? '^$');
    return files.filter((f) => include.test(f) && !exclude.test(f));
  }

  function runHook(args = hook.args ?? []) {
    const [command, ...entryArgs] = hook.entry.split(' ');
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    return spawnSync(command, [...entryArgs, ...args, ...staged()], { cwd: repo, env, encoding: 'utf8' });
  }

  it('is a node hook that takes all staged templates in one run', () => {
    assert.equal(hook.language, 'node');
    assert.equal(hook.require_serial, true);
    assert.deepEqual(staged().sort(), ['macros/refund.liquid', 'notes.txt']);
  });

  it('blocks a commit with a warning and prints it', () => {
    const run = runHook();
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /macros\/refund\.liquid[\s\S]*warning[\s\S]*not-my-table/);
    assert.doesNotMatch(run.stdout, /notes\.txt/);
  });

  it('passes once the reply is fixed, and args: [] lets warnings through', () => {
    assert.equal(runHook([]).status, 0);
    fs.writeFileSync(path.join(repo, 'macros/refund.liquid'), 'Hi {{ name }},\n\nI have asked your bank for you.\n');
    git(repo, 'add', '.');
    const run = runHook();
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
});
