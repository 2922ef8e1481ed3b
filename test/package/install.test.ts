// Warmly as another repo gets it: `npm pack` the project, install the tarball into an empty
// folder, run `npx warmly` there. Offline on purpose: the package has no runtime dependencies,
// so an install that needs the network (or a dev dependency, or a build step) fails here.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

describe('the npm package', function () {
  this.timeout(180000);
  let tmp: string;
  let tarball: string;
  let project: string;

  before(() => {
    // Reuse dist/ when it is built (others use it too); build only on a fresh clone.
    if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) npm(['run', 'build'], ROOT);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-pack-'));
    const name = npm(['pack', '--ignore-scripts', '--pack-destination', tmp], ROOT).trim().split('\n').pop() ?? '';
    tarball = path.join(tmp, name);
    project = path.join(tmp, 'team-repo');
    fs.mkdirSync(project);
    npm(['install', '--offline', tarball], project);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('installs alone: no dependency is fetched, no source, test or dev file is shipped', () => {
    assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules')).sort(), [
      '.bin',
      '.package-lock.json',
      'warmly',
    ]);
    const installed = path.join(project, 'node_modules/warmly');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.dependencies, undefined);
    const top = fs.readdirSync(installed).sort();
    assert.deepEqual(top, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist',
      'docs',
      'package.json',
      'rules',
      'src',
      'syntaxes',
    ]);
    assert.deepEqual(fs.readdirSync(path.join(installed, 'src')), ['retext']);
    assert.ok(!fs.readdirSync(path.join(installed, 'dist')).some((f) => f.endsWith('.map')), 'no source maps');
  });

  it('`npx warmly reply.md` runs in the installed folder and finds the hand-off', () => {
    fs.writeFileSync(path.join(project, 'reply.md'), "Hi Sam,\n\nYou'll need to contact your bank about the refund.\n");
    const run = spawnSync('npx', ['--offline', 'warmly', '--format', 'json', 'reply.md'], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.equal(run.stderr, '');
    const [file] = JSON.parse(run.stdout);
    assert.equal(file.filePath.endsWith('reply.md'), true);
    assert.ok(
      file.messages.some((m: { ruleId: string }) => m.ruleId === 'not-my-table'),
      run.stdout,
    );
  });

  it('`warmly report` finds Chart.js inside the package', () => {
    fs.writeFileSync(path.join(project, 'reply.md'), "You'll need to contact your bank.\n");
    const run = spawnSync('npx', ['--offline', 'warmly', 'report', 'reply.md', '--out', 'report.html'], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(fs.readFileSync(path.join(project, 'report.html'), 'utf8'), /Chart\.js v4/);
  });
});
