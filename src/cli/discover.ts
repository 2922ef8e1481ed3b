// Which files a run lints: explicit files, folders (every file of a known template type under
// them) and globs, minus .warmlyignore (gitignore syntax, next to where warmly runs) and the
// usual vendored folders. Symbolic links are not followed, so a link loop cannot hang a run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isExportFileName, isKnownExtension, lintedExtensions } from '../core/formats';
import { readBoundedText } from '../core/read-bounded';

export const IGNORE_FILE = '.warmlyignore';
const MAX_IGNORE_BYTES = 1024 * 1024;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'];
const EXTENSIONS = lintedExtensions().join(',');

export interface Discovery {
  files: string[];
  /** Arguments that named nothing: a missing path, or a glob that matched no file. */
  unmatched: string[];
  /** Files named explicitly but ignored. */
  ignored: string[];
}

export function loadIgnoreFile(cwd: string): { ig: Ignore; error?: string } {
  const ig = ignore();
  const file = path.join(cwd, IGNORE_FILE);
  if (!fs.existsSync(file)) return { ig };
  const read = readBoundedText(file, MAX_IGNORE_BYTES);
  if (!read.ok) return { ig, error: `${file}: cannot read the ignore file (${read.reason})` };
  ig.add(read.text);
  return { ig };
}

export async function discover(args: string[], cwd: string, ig: Ignore): Promise<Discovery> {
  const out: Discovery = { files: [], unmatched: [], ignored: [] };
  const seen = new Set<string>();
  const isIgnored = (abs: string) => {
    const rel = path.relative(cwd, abs).split(path.sep).join('/');
    return rel !== '' && !rel.startsWith('..') && ig.ignores(rel);
  };
  const add = (abs: string, explicit: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    if (isIgnored(abs)) {
      if (explicit) out.ignored.push(abs);
      return;
    }
    out.files.push(abs);
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    // A FIFO or device named outright is taken too: reading it skips it with a note (read-input.ts).
    if (stat && !stat.isDirectory()) {
      add(abs, true);
      continue;
    }
    const pattern = stat?.isDirectory()
      ? `${path.relative(cwd, abs).split(path.sep).join('/') || '.'}/**/*.{${EXTENSIONS}}`
      : arg;
    if (!stat && !isDynamicPattern(arg)) {
      out.unmatched.push(arg);
      continue;
    }
    const matches = await glob(pattern, {
      cwd,
      absolute: true,
      dot: false,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: ALWAYS_IGNORED,
      expandDirectories: false,
    });
    const files = matches
      .map((m) => path.normalize(m))
      .filter((m) => (stat?.isDirectory() ? isKnownExtension(m) || isExportFileName(m) : true))
      .sort();
    if (files.length === 0) out.unmatched.push(arg);
    for (const f of files) add(f, false);
  }
  return out;
}
