// The lint run proper: each opened file linted (or fixed and written back) through its run,
// with the cache in front. What comes out is one FileResult per file, and the notes to print.
import * as path from 'node:path';
import type { DocumentRun } from '../core/index';
import { ExportRun } from '../core/helpdesk/index';
import { openCache } from './cache';
import type { OpenedFile } from './collect-files';
import { lintExportFile } from './export-file';
import type { FileResult } from './formatters/types';
import type { Engine } from '../core/index';
import type { RunOptions } from './options';
import { UNSETTLED } from './io';
import { writeAtomic, writeNote } from './write-atomic';

export interface LintRun {
  results: FileResult[];
  notes: string[];
  trouble: boolean;
  /** .json/.csv files that turned out not to be exports. */
  skipped: number;
}

export interface LintFilesOptions {
  fix: boolean;
  /** The cache file, when --cache is on (never with --fix: a fix must read the file). */
  cache?: string;
  run: RunOptions;
  /** The repository root: the cache's keys are relative to it (root.ts); else the cache's folder. */
  root?: string;
}

export function lintFiles(engine: Engine, files: OpenedFile[], options: LintFilesOptions): LintRun {
  const out: LintRun = { results: [], notes: [], trouble: false, skipped: 0 };
  const cache =
    options.cache && !options.fix
      ? openCache(options.cache, engine, options.run, options.root ?? path.dirname(options.cache))
      : undefined;
  for (const opened of files) {
    const cached = cache?.get(opened.file, opened.input.text);
    if (cached) {
      out.results.push(cached);
      continue;
    }
    const { run, file, rel, input } = opened;
    if (run instanceof ExportRun) {
      const r = lintExportFile({ run, file, rel, input, fix: options.fix });
      out.notes.push(...r.notes);
      out.trouble ||= r.trouble;
      if (r.skipped) out.skipped++;
      if (!r.result) continue;
      out.results.push(r.result);
      cache?.set(file, input.text, r.result);
      continue;
    }
    const result = options.fix
      ? fixFile(opened, run, out)
      : { filePath: file, language: run.lint().language, findings: run.lint().findings };
    cache?.set(file, input.text, result);
    out.results.push(result);
  }
  const failed = cache?.save();
  if (failed) out.notes.push(failed);
  return out;
}

function fixFile(opened: OpenedFile, run: DocumentRun, out: LintRun): FileResult {
  const { file, rel, input } = opened;
  const fixed = run.fix();
  const note = fixed.output !== input.text ? writeNote(rel, writeAtomic(file, fixed.output, input)) : undefined;
  if (note) {
    out.notes.push(note);
    out.trouble = true;
  }
  if (fixed.loop) {
    // A fix that its own pattern (or another rule) keeps rewriting: nothing was written.
    out.notes.push(`${rel}: not fixed — ${fixed.loop.message}`);
    out.trouble = true;
  } else if (!fixed.settled) {
    out.notes.push(`${rel}: the rewrites did not settle after ${fixed.rounds} rounds — ${UNSETTLED}`);
    out.trouble = true;
  }
  return { filePath: file, language: fixed.language, findings: fixed.findings };
}
