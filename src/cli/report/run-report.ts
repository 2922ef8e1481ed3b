// `warmly report <paths> --out report.html`: lint every template and helpdesk export under the
// paths, and write the warmth report. Same discovery and ignore rules as a lint run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../../core/index';
import { isExportFileName } from '../../core/helpdesk/index';
import { discover, loadIgnoreFile } from '../discover';
import { readInput } from '../read-input';
import type { CliIo } from '../run-cli';
import { chartJsSource } from './chart-library';
import { summarise, templatesOfFile, type Template } from './collect';
import { renderReport } from './html';

export async function runReport(args: { io: CliIo; engine: Engine; paths: string[]; out?: string; lang?: string; csvColumn?: string; now?: Date }): Promise<number> {
  const { io, engine } = args;
  if (!args.out) {
    io.stderr.write('warmly: report needs --out <file.html> (e.g. "warmly report templates/ --out report.html")\n');
    return 2;
  }
  if (args.paths.length === 0) {
    io.stderr.write('warmly: name the files, folders or globs to report on (e.g. "warmly report templates/ --out report.html")\n');
    return 2;
  }
  const { ig, error } = loadIgnoreFile(io.cwd);
  if (error) {
    io.stderr.write(`warmly: ${error}\n`);
    return 2;
  }
  const found = await discover(args.paths, io.cwd, ig);
  const files = found.files.filter((f) => !engine.isIgnored(f));
  const problems = files.flatMap((f) => engine.problems(f));
  if (problems.length > 0) {
    for (const p of new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}:${p.message}`, p])).values()) io.stderr.write(`${path.relative(io.cwd, p.file) || p.file}:${p.line}:${p.column}: ${p.message}\n`);
    return 2;
  }
  for (const u of found.unmatched) io.stderr.write(`warmly: no files match "${u}"\n`);
  const templates: Template[] = [];
  for (const file of files) {
    const rel = path.relative(io.cwd, file).split(path.sep).join('/');
    const input = readInput(file);
    if (input.kind !== 'text') {
      io.stderr.write(`warmly: ${rel}: skipped (${input.reason})\n`);
      continue;
    }
    const r = templatesOfFile(engine, { file, rel, text: input.text, export: isExportFileName(file), lang: args.lang, csvColumn: args.csvColumn });
    if (r.skipped) io.stderr.write(`warmly: ${rel}: skipped (${r.skipped})\n`);
    templates.push(...r.templates);
  }
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
  const out = path.resolve(io.cwd, args.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, html);
  fs.renameSync(tmp, out);
  io.stdout.write(`warmly: wrote ${path.relative(io.cwd, out) || out}: ${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.templates} template${summary.templates === 1 ? '' : 's'}\n`);
  return 0;
}
