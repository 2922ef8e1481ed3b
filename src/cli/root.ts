// The folder a run's output paths are relative to: the repository's root (the nearest folder
// above the working folder with a .git), else the working folder. CI runs from anywhere in the
// checkout; annotations, SARIF's %SRCROOT%, the cache's keys and the .warmlyignore search all
// take the same root, so a run from a subfolder names files as code scanning does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import { IGNORE_FILE, loadIgnoreFile } from './discover';

export function findRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/** A path relative to the root, with forward slashes (as SARIF, annotations and the cache write it). */
export function rootRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * The nearest .warmlyignore from the working folder up to the root, as the config is found. Its
 * patterns are relative to its own folder; discovery asks with paths relative to the working
 * folder, so they are translated.
 */
export function loadIgnoreUpward(cwd: string, root: string): { ig: Ignore; error?: string } {
  let dir = path.resolve(cwd);
  while (!fs.existsSync(path.join(dir, IGNORE_FILE)) && dir !== root && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  const loaded = loadIgnoreFile(dir);
  if (dir === path.resolve(cwd) || loaded.error) return loaded;
  const base = dir;
  const ig = {
    ignores: (rel: string) => loaded.ig.ignores(rootRelative(base, path.resolve(cwd, rel))),
  } as unknown as Ignore;
  return { ig };
}
