// The headless runner. Everything it needs from the outside world comes in as arguments (io.ts),
// so tests call it in-process with fake streams and a temporary folder, and get the exit code.
// This file only dispatches: options.ts parses, collect-files.ts finds and opens the files,
// lint-files.ts lints or fixes them, print.ts prints and picks the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../core/index';
import { collectFiles } from './collect-files';
import { runExplain } from './explain';
import { EXIT_OK, EXIT_TROUBLE, printNotes, printProblems, problemsSummary, UsageError, type CliIo } from './io';
import { lintFiles } from './lint-files';
import { checkLintOptions, parseOptions, type CliOptions } from './options';
import { builtinRulesDir, builtinSnapshot, packageVersion } from './paths';
import { printResults } from './print';
import { runReport } from './report/run-report';
import { runStdin } from './run-stdin';
import { runTestRules } from './test-rules';
import { USAGE } from './usage';

export type { CliIo, Writable } from './io';
export { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE } from './io';

export async function runCli(io: CliIo): Promise<number> {
  try {
    return await run(io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`warmly: ${e.message}\nRun "warmly --help" for the options.\n`);
      return EXIT_TROUBLE;
    }
    io.stderr.write(`warmly: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_TROUBLE;
  }
}

async function run(io: CliIo): Promise<number> {
  const o = parseOptions(io.argv, io.cwd, io.env, !!io.stdout.isTTY);
  if (o.help) {
    io.stdout.write(USAGE + '\n');
    return EXIT_OK;
  }
  if (o.version) {
    io.stdout.write(packageVersion() + '\n');
    return EXIT_OK;
  }
  const engine = new Engine({
    builtinRulesDir: builtinRulesDir(),
    builtinSnapshot: builtinSnapshot(),
    settings: o.run.settings,
  });
  if (o.command === 'test-rules') {
    const paths = o.args.map((p) => path.resolve(io.cwd, p));
    return runTestRules({ io, settings: o.run.settings, paths, format: o.format });
  }
  if (o.command === 'explain') return runExplain({ io, engine, text: o.args.join(' '), lang: o.run.settings.language });
  if (o.command === 'report') {
    return runReport({
      io,
      engine,
      paths: o.args,
      out: o.out,
      lang: o.run.settings.language,
      csvColumn: o.run.csvColumn,
    });
  }
  checkLintOptions(o);
  if (o.stdin) return runStdin(io, engine, o);
  return lintPaths(io, engine, o);
}

async function lintPaths(io: CliIo, engine: Engine, o: CliOptions): Promise<number> {
  const paths = [...o.args, ...(o.filesFrom ? await readFileList(io, o.filesFrom) : [])];
  const found = await collectFiles(io.cwd, engine, paths, o.run);
  const problems = printProblems(io, found.problems);
  if (problems > 0) {
    io.stderr.write(problemsSummary(problems));
    return EXIT_TROUBLE;
  }
  if (found.fatal) {
    io.stderr.write(`warmly: ${found.fatal}\n`);
    return EXIT_TROUBLE;
  }
  const linted = lintFiles(engine, found.files, {
    fix: o.fix,
    cache: o.cache ? o.cacheLocation : undefined,
    root: found.root,
    run: o.run,
  });
  const skipped = found.skipped + linted.skipped;
  const failSkipped = o.failOnSkipped && skipped > 0;
  if (failSkipped)
    linted.notes.push(`${skipped} file${skipped === 1 ? '' : 's'} skipped, and --fail-on-skipped is set`);
  printNotes(io, [...found.notes, ...linted.notes]);
  const print = { format: o.format, color: o.color, maxWarnings: o.maxWarnings, quiet: o.quiet, root: found.root };
  return printResults(io, linted.results, { ...print, trouble: found.trouble || linted.trouble || failSkipped });
}

/** --files-from: one path a line, from a file or ('-') standard input; blank lines are skipped. */
async function readFileList(io: CliIo, from: string): Promise<string[]> {
  let text: string;
  if (from === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin ?? []) chunks.push(Buffer.from(chunk));
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    try {
      text = fs.readFileSync(path.resolve(io.cwd, from), 'utf8');
    } catch (e) {
      throw new UsageError(`--files-from ${from}: cannot read it (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
  }
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}
