// The Node.js floor is stated once for npm (package.json engines.node) and enforced by the CLI
// itself (src/cli/node-version.ts), because npm only warns about engines.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENGINES_NODE, nodeTooOld } from '../../src/cli/node-version';

const ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('engines.node', () => {
  before(function () {
    this.timeout(120000);
    if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT });
  });

  it('package.json states the floor the CLI checks, and this Node.js meets it', () => {
    assert.equal(manifest.engines.node, ENGINES_NODE);
    assert.equal(nodeTooOld(process.version), undefined);
    assert.equal(nodeTooOld('v20.19.0'), undefined);
    assert.equal(nodeTooOld('v22.1.0'), undefined);
    assert.match(nodeTooOld('v20.18.3') ?? '', /needs Node\.js 20\.19 or newer; this is Node\.js v20\.18\.3/);
  });

  it('the built CLI refuses an older Node.js in words, with exit 2', () => {
    // process.version is what Node reports about itself; a preload makes this Node say 18.
    const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-node-')), 'old.cjs');
    fs.writeFileSync(preload, "Object.defineProperty(process, 'version', { value: 'v18.19.0' });\n");
    const run = spawnSync(process.execPath, ['-r', preload, path.join(ROOT, 'dist/cli.js'), '--version'], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^warmly: needs Node\.js 20\.19 or newer; this is Node\.js v18\.19\.0\./);
  });
});
