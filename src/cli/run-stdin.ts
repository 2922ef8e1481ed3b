// `warmly --stdin [--stdin-filename name]`: one document from standard input, through the same
// run as a file. With --fix the fixed text goes to stdout and the report of what is left to stderr.
import * as path from 'node:path';
import { canonicalLanguage, type Engine } from '../core/index';
import { EXIT_TROUBLE, printProblems, problemsSummary, UsageError, type CliIo } from './io';
import type { CliOptions } from './options';
import { printResults } from './print';
import { decode } from './read-input';

export async function runStdin(io: CliIo, engine: Engine, o: CliOptions): Promise<number> {
  const name = o.stdinFilename ? path.resolve(io.cwd, o.stdinFilename) : undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin ?? []) chunks.push(Buffer.from(chunk));
  const input = decode(Buffer.concat(chunks));
  const run = engine.open({ fileName: name, text: input.kind === 'text' ? input.text : '' });
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
  if (o.fix) {
    const fixed = run.fix();
    io.stdout.write((input.bom ? '\uFEFF' : '') + fixed.output);
    if (fixed.loop) io.stderr.write(`warmly: not fixed — ${fixed.loop.message}\n`);
    if (fixed.loop) print.trouble = true;
    const results = [{ filePath, language: fixed.language, findings: fixed.findings }];
    // The fixed text went to stdout; the report of what is left goes to stderr.
    return printResults({ ...io, stdout: io.stderr }, results, print);
  }
  const r = run.lint();
  return printResults(io, [{ filePath, language: r.language, findings: r.findings }], print);
}
