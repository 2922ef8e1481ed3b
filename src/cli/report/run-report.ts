// `warmly report <paths> --out report.html`: lint every template and helpdesk export under the
// paths, and write the warmth report. Same discovery and ignore rules as a lint run.
import * as path from 'node:path';
import type { Engine } from '../../core/index';
import { collectFiles } from '../collect-files';
import { printNotes, printProblems, type CliIo } from '../io';
import { chartJsSource } from './chart-library';
import { summarise, templatesOfFile, type Template } from './collect';
import { renderReport } from './html';
import { checkTarget, writeReport } from './write-report';

export async function runReport(args: {
  io: CliIo;
  engine: Engine;
  paths: string[];
  out?: string;
  lang?: string;
  csvColumn?: string;
  now?: Date;
}): Promise<number> {
  const { io, engine } = args;
  if (!args.out) {
    io.stderr.write('warmly: report needs --out <file.html> (e.g. "warmly report templates/ --out report.html")\n');
    return 2;
  }
  if (args.paths.length === 0) {
    io.stderr.write(
      'warmly: name the files, folders or globs to report on (e.g. "warmly report templates/ --out report.html")\n',
    );
    return 2;
  }
  // The target is checked before anything is linted: a folder, /proc or a device fails at once.
  const out = path.resolve(io.cwd, args.out);
  const unusable = checkTarget(out);
  if (unusable) {
    io.stderr.write(`warmly: report --out: ${unusable}\n`);
    return 2;
  }
  const templates = await gatherTemplates(io, engine, args);
  if (!templates) return 2;
  if (templates.length === 0) {
    io.stderr.write('warmly: nothing to report on — no templates or helpdesk exports found\n');
    return 2;
  }
  const summary = summarise(templates);
  const html = renderReport({
    title: 'Warmth report',
    generated: (args.now ?? new Date()).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    paths: args.paths,
    summary,
    templates,
    chartJs: chartJsSource(),
  });
  const failed = writeReport(out, html);
  if (failed) {
    io.stderr.write(`warmly: report --out: ${failed}\n`);
    return 2;
  }
  io.stdout.write(
    `warmly: wrote ${path.relative(io.cwd, out) || out}: ${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.templates} template${summary.templates === 1 ? '' : 's'}\n`,
  );
  return 0;
}

/** Every template of the named files (replies of exports included), or undefined after a problem was printed. */
async function gatherTemplates(
  io: CliIo,
  engine: Engine,
  args: { paths: string[]; lang?: string; csvColumn?: string },
): Promise<Template[] | undefined> {
  const found = await collectFiles(io.cwd, engine, args.paths, {
    settings: { language: args.lang },
    csvColumn: args.csvColumn,
  });
  if (printProblems(io, found.problems) > 0 || found.fatal) {
    if (found.fatal) io.stderr.write(`warmly: ${found.fatal}\n`);
    return undefined;
  }
  printNotes(io, found.notes);
  const templates: Template[] = [];
  for (const opened of found.files) {
    const r = templatesOfFile({ rel: opened.rel.split(path.sep).join('/'), run: opened.run });
    if (r.skipped) io.stderr.write(`warmly: ${opened.rel}: skipped (${r.skipped})\n`);
    templates.push(...r.templates);
  }
  return templates;
}
