// `warmly --stdin [--stdin-filename name]`: one document from standard input, through the same
// run as a file of that name: the same format detection (a .json or .csv name is a helpdesk
// export) and the config's `ignore:`. With --fix the fixed text goes to stdout and the report of
// what is left to stderr.
import * as path from 'node:path';
import { canonicalLanguage, type Engine } from '../core/index';
import { ExportRun } from '../core/helpdesk/index';
import { openFile } from './collect-files';
import { EXIT_TROUBLE, printProblems, problemsSummary, UsageError, type CliIo } from './io';
import type { CliOptions } from './options';
import { printResults, type PrintOptions } from './print';
import { decode } from './read-input';

export async function runStdin(io: CliIo, engine: Engine, o: CliOptions): Promise<number> {
  const name = o.stdinFilename ? path.resolve(io.cwd, o.stdinFilename) : undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin ?? []) chunks.push(Buffer.from(chunk));
  const input = decode(Buffer.concat(chunks));
  const text = input.kind === 'text' ? input.text : '';
  // The same detection as a file of that name: a .json or .csv name is a helpdesk export.
  const run = name ? openFile(engine, name, text, o.run) : engine.open({ text });
  const problems = printProblems(io, run.problems);
  if (problems > 0) {
    io.stderr.write(problemsSummary(problems));
    return EXIT_TROUBLE;
  }
  const lang = o.run.settings.language;
  if (lang && lang !== 'auto' && !canonicalLanguage(lang, run.ruleSet.languages.keys())) {
    throw new UsageError(
      `unknown --lang "${lang}" — use auto or one of ${[...run.ruleSet.languages.keys()].join(', ')}`,
    );
  }
  if (input.kind !== 'text') {
    io.stderr.write(`warmly: standard input skipped: ${input.reason}\n`);
    return EXIT_TROUBLE;
  }
  const filePath = o.stdinFilename ?? '<stdin>';
  const print = { format: o.format, color: o.color, maxWarnings: o.maxWarnings, quiet: o.quiet, trouble: false };
  // The fixed text goes to stdout; the report of what is left then goes to stderr.
  const report = o.fix ? { ...io, stdout: io.stderr } : io;
  if (run.ignored) {
    io.stderr.write(`warmly: ${o.stdinFilename}: ignored by "ignore:" in the config, so not linted\n`);
    if (o.fix) io.stdout.write((input.bom ? '\uFEFF' : '') + text);
    return printResults(report, [], print);
  }
  if (run instanceof ExportRun) return stdinExport(io, run, { ...input, filePath, fix: o.fix }, print);
  if (o.fix) {
    const fixed = run.fix();
    io.stdout.write((input.bom ? '\uFEFF' : '') + fixed.output);
    if (fixed.loop) io.stderr.write(`warmly: not fixed — ${fixed.loop.message}\n`);
    if (fixed.loop) print.trouble = true;
    return printResults(report, [{ filePath, language: fixed.language, findings: fixed.findings }], print);
  }
  const r = run.lint();
  return printResults(io, [{ filePath, language: r.language, findings: r.findings }], print);
}

function stdinExport(
  io: CliIo,
  run: ExportRun,
  input: { text: string; bom: boolean; filePath: string; fix: boolean },
  print: PrintOptions,
): number {
  const fixed = input.fix ? run.fix() : undefined;
  const r = fixed && 'output' in fixed ? fixed.result : run.lint();
  if (input.fix)
    io.stdout.write((input.bom ? '\uFEFF' : '') + (fixed && 'output' in fixed ? fixed.output : input.text));
  const report = input.fix ? { ...io, stdout: io.stderr } : io;
  if (r.kind !== 'export') {
    io.stderr.write(`warmly: standard input skipped (${r.reason})\n`);
    return printResults(report, [], print);
  }
  return printResults(report, [{ filePath: input.filePath, language: r.language, findings: r.findings }], print);
}
