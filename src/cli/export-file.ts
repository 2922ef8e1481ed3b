// The CLI's side of helpdesk exports: lint (or --fix, written atomically) one .json or .csv file
// and say plainly when it is not an export. The work itself is in src/core/helpdesk.
import type { Engine } from '../core/index';
import { fixExport, lintExport } from '../core/helpdesk/index';
import type { FileResult } from './formatters/types';
import { writeAtomic } from './write-atomic';

export interface ExportFileRun {
  result?: FileResult;
  notes: string[];
  trouble: boolean;
}

export function lintExportFile(args: {
  engine: Engine;
  file: string;
  rel: string;
  input: { text: string; bom: boolean; mtimeMs: number; size: number; mode: number };
  fix: boolean;
  lang?: string;
  csvColumn?: string;
}): ExportFileRun {
  const { engine, file, rel, input } = args;
  const options = { language: args.lang, csvColumn: args.csvColumn };
  const notes: string[] = [];
  let trouble = false;
  let text = input.text;
  if (args.fix) {
    const fixed = fixExport(engine, text, file, options);
    if ('output' in fixed) {
      if (fixed.output !== text && writeAtomic(file, fixed.output, input) === 'changed-on-disk') {
        notes.push(`${rel}: changed on disk while warmly was fixing it — not written; run --fix again`);
        trouble = true;
      } else {
        text = fixed.output;
      }
      for (const u of fixed.unsettled) notes.push(`${rel}: the rewrites of "${u}" did not settle — two rules keep rewriting each other; run "warmly test-rules" to find them`);
    }
  }
  const r = lintExport(engine, text, file, options);
  if (r.kind !== 'export') {
    notes.push(`${rel}: skipped (${r.reason})`);
    return { notes, trouble };
  }
  return { result: { filePath: file, language: r.language, findings: r.findings }, notes, trouble };
}
