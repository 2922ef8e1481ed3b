// The CLI's side of helpdesk exports: lint (or --fix, written atomically) one .json or .csv file
// through its ExportRun, and say plainly when it is not an export. The work itself is in
// src/core/helpdesk: one detection, and the fix returns the findings left in the fixed file.
import type { ExportLint, ExportRun } from '../core/helpdesk/index';
import type { TextInput } from './collect-files';
import type { FileResult } from './formatters/types';
import { UNSETTLED } from './io';
import { writeAtomic, writeNote } from './write-atomic';

export interface ExportFileRun {
  result?: FileResult;
  notes: string[];
  trouble: boolean;
  /** Not a helpdesk export after all (a note says why). */
  skipped?: boolean;
}

export function lintExportFile(args: {
  run: ExportRun;
  file: string;
  rel: string;
  input: TextInput;
  fix: boolean;
}): ExportFileRun {
  const { run, file, rel, input } = args;
  const notes: string[] = [];
  let trouble = false;
  let r: ExportLint | undefined;
  const fixed = args.fix ? run.fix() : undefined;
  if (fixed && 'output' in fixed) {
    const note = fixed.output !== input.text ? writeNote(rel, writeAtomic(file, fixed.output, input)) : undefined;
    if (note) {
      notes.push(note);
      trouble = true;
    } else {
      r = fixed.result;
    }
    for (const u of fixed.unsettled) {
      notes.push(`${rel}: the rewrites of "${u}" did not settle — ${UNSETTLED}`);
    }
  }
  r ??= run.lint();
  if (r.kind !== 'export') {
    notes.push(`${rel}: skipped (${r.reason})`);
    return { notes, trouble, skipped: true };
  }
  return { result: { filePath: file, language: r.language, findings: r.findings }, notes, trouble };
}
