// Which files a lint or report run covers, each read and opened once: discovery and
// .warmlyignore (discover.ts), then every file's run from the engine, which also says whether
// the config's `ignore:` leaves it out and which config or rule-file problems govern it. Files
// named on the command line but left out by either ignore get a note saying which.
import * as path from 'node:path';
import { canonicalLanguage, isExportFileName, type DocumentRun, type Engine, type FileProblem } from '../core/index';
import type { ExportRun } from '../core/helpdesk/index';
import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
import { discover, IGNORE_FILE } from './discover';
import { UsageError } from './io';
import { readInput, type Input } from './read-input';
import { findRoot, loadIgnoreUpward, rootRelative } from './root';
import type { RunOptions } from './options';

export type TextInput = Extract<Input, { kind: 'text' }>;

export interface OpenedFile {
  file: string;
  /** The path as printed (relative to where warmly runs). */
  rel: string;
  input: TextInput;
  run: DocumentRun | ExportRun;
}

export interface Collection {
  files: OpenedFile[];
  notes: string[];
  /** A named path is missing or a file could not be read: the run ends with exit 2 after linting the others. */
  trouble: boolean;
  /** Files left out because they are not text (binary, not UTF-8, too large): --fail-on-skipped counts them. */
  skipped: number;
  /** Problems in the config and rule files that govern the files (the run stops on any). */
  problems: FileProblem[];
  /** The repository root (root.ts): what output paths and the cache are relative to. */
  root: string;
  /** Set when the run cannot go on: nothing matched, or the ignore file is unreadable. */
  fatal?: string;
}

export function openFile(engine: Engine, file: string, text: string, run: RunOptions): DocumentRun | ExportRun {
  return isExportFileName(file)
    ? engine.openExport({ fileName: file, text, csvColumn: run.csvColumn })
    : engine.open({ fileName: file, text });
}

export async function collectFiles(cwd: string, engine: Engine, paths: string[], run: RunOptions): Promise<Collection> {
  const root = findRoot(cwd);
  const out: Collection = { files: [], notes: [], trouble: false, skipped: 0, problems: [], root };
  const { ig, error } = loadIgnoreUpward(cwd, root);
  if (error) return { ...out, fatal: error };
  // '!templates/legal/**' takes files out of what the other arguments name, as in .warmlyignore.
  const negated = paths.filter((p) => p.startsWith('!')).map((p) => picomatch(p.slice(1), { dot: true }));
  paths = paths.filter((p) => !p.startsWith('!'));
  const found = await discover(paths, cwd, ig);
  if (negated.length > 0) found.files = found.files.filter((f) => !negated.some((m) => m(rootRelative(cwd, f))));
  const named = new Set(paths.map((p) => path.resolve(cwd, p)));
  for (const u of found.unmatched) {
    // A path that names nothing is a typo in a CI file list: the run fails, the rest is still linted.
    if (isDynamicPattern(u)) out.notes.push(`no files match "${u}"`);
    else out.notes.push(`${u}: no such file or folder; the other files were still linted`);
    out.trouble ||= !isDynamicPattern(u);
  }
  for (const f of found.ignored)
    out.notes.push(`${path.relative(cwd, f)}: ignored by ${IGNORE_FILE} (remove it there to lint it)`);
  let ignoredByConfig = 0;
  for (const file of found.files) {
    const rel = path.relative(cwd, file);
    const input = readInput(file);
    // An unreadable file is still resolved: one the config ignores is no trouble.
    const opened = openFile(engine, file, input.kind === 'text' ? input.text : '', run);
    if (opened.ignored) {
      ignoredByConfig++;
      if (named.has(file))
        out.notes.push(`${rel}: ignored by "ignore:" in ${configName(engine, file, cwd)} (remove it there to lint it)`);
      continue;
    }
    out.problems.push(...opened.problems);
    if (input.kind === 'error') {
      out.notes.push(`${rel}: cannot read (${input.reason}); the other files were still linted`);
      out.trouble = true;
    } else if (input.kind === 'skipped') {
      out.notes.push(`${rel}: skipped (${input.reason})`);
      out.skipped++;
    } else {
      out.files.push({ file, rel, input, run: opened });
    }
  }
  const lang = run.settings.language;
  const unknown =
    lang && lang !== 'auto' && out.files.find((f) => !canonicalLanguage(lang, f.run.ruleSet.languages.keys()));
  if (unknown) {
    const known = [...unknown.run.ruleSet.languages.keys()].join(', ');
    throw new UsageError(
      `unknown --lang "${lang}" for ${unknown.rel} — use auto or one of ${known} (no is accepted for nb)`,
    );
  }
  if (found.unmatched.length > 0 && found.files.length === 0 && found.ignored.length === 0 && ignoredByConfig === 0) {
    out.fatal = out.notes.join('\nwarmly: ');
  }
  return out;
}

function configName(engine: Engine, file: string, cwd: string): string {
  const config = engine.configFor(file);
  return config ? path.relative(cwd, config.file) || config.file : 'the config';
}
