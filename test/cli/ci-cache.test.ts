// Issue 14: a cache CI can keep. Keys are content hashes and paths from the repository root,
// so a fresh checkout elsewhere (new paths, new modification times) with the cache restored
// lints no unchanged file; --cache-location may name a folder; a cache that cannot be written
// is reported. Each failed before.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles } from '../../src/cli/collect-files';
import { lintFiles } from '../../src/cli/lint-files';
import { Engine } from '../../src/core/index';
import { RULES_DIR, tempDir } from '../helpers';
import { cli } from '../cli-capture';

const HANDOFF = "You'll need to contact your bank.\n";

function checkout(): string {
  const dir = tempDir({
    '.warmlyrc.yaml': 'disable: [greet-like-a-friend]\n',
    'templates/a.md': HANDOFF,
    'templates/b.md': 'Thanks for writing.\n',
    'templates/c.md': HANDOFF,
  });
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

async function lintsIn(dir: string, cache: string): Promise<{ lints: number; findings: number }> {
  const engine = new Engine({ builtinRulesDir: RULES_DIR });
  const run = { settings: {} };
  const found = await collectFiles(dir, engine, ['templates'], run);
  const linted = lintFiles(engine, found.files, { fix: false, cache, run, root: found.root });
  assert.deepEqual(linted.notes, []);
  return { lints: engine.counts.lint, findings: linted.results.reduce((n, r) => n + r.findings.length, 0) };
}

describe('a cache CI can restore', () => {
  it('a fresh checkout at another path, with new modification times, lints no unchanged file', async () => {
    const first = checkout();
    const cache = path.join(tempDir(), 'warmly.cache');
    const cold = await lintsIn(first, cache);
    assert.equal(cold.lints, 3);
    const fresh = checkout();
    const later = new Date(Date.now() + 60_000);
    for (const f of ['a.md', 'b.md', 'c.md']) fs.utimesSync(path.join(fresh, 'templates', f), later, later);
    const warm = await lintsIn(fresh, cache);
    assert.deepEqual(warm, { lints: 0, findings: cold.findings });
    // An edit is a miss, for that file only; so is an edit of the config.
    fs.writeFileSync(path.join(fresh, 'templates', 'b.md'), HANDOFF);
    assert.equal((await lintsIn(fresh, cache)).lints, 1);
    fs.writeFileSync(path.join(fresh, '.warmlyrc.yaml'), 'disable: [not-my-table]\n');
    assert.equal((await lintsIn(fresh, cache)).lints, 3);
  });

  it('--cache-location may name a folder (existing, or ending in a slash) or a file in a missing folder', async () => {
    const dir = checkout();
    fs.mkdirSync(path.join(dir, 'existing'));
    for (const [location, file] of [
      ['existing', 'existing/.warmlycache'],
      ['new-folder/', 'new-folder/.warmlycache'],
      ['deep/er/cache.json', 'deep/er/cache.json'],
    ]) {
      const r = await cli(['--cache', '--cache-location', location, 'templates'], dir);
      assert.equal(r.code, 0, r.err);
      assert.ok(fs.statSync(path.join(dir, file)).isFile(), file);
    }
  });

  it('a cache that cannot be written is reported, and the run still passes', async () => {
    const dir = checkout();
    fs.writeFileSync(path.join(dir, 'blocker'), 'a file where a folder should be');
    const r = await cli(['--cache', '--cache-location', 'blocker/sub/cache', 'templates'], dir);
    assert.equal(r.code, 0);
    assert.match(r.err, /cannot write the cache .*blocker\/sub\/cache \((ENOTDIR|EEXIST)\)/);
  });
});
