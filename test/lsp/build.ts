// The LSP and retext tests run the bundles (dist/cli.js, dist/retext.mjs), as editors and
// unified users do; this builds them when they are missing or older than their sources.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';

const BUNDLES: Array<[bundle: string, sources: string]> = [
  ['cli.js', 'src/lsp'],
  ['retext.mjs', 'src/retext'],
];

export function ensureBuilt(): void {
  const stale = BUNDLES.some(([bundle, sources]) => {
    const file = path.join(ROOT, 'dist', bundle);
    const dir = path.join(ROOT, sources);
    const newest = Math.max(...fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs));
    return !fs.existsSync(file) || fs.statSync(file).mtimeMs < newest;
  });
  if (!stale) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.config.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the build (node esbuild.config.mjs) failed');
}
