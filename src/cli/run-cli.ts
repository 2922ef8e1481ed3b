// The headless runner. Everything it needs from the outside world comes in as arguments, so
// tests call it in-process with fake streams and a temporary folder, and get the exit code.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalLanguage, Engine, type FileProblem, type Rule, type UserSettings } from '../core/index';
import { isExportFileName } from '../core/helpdesk/index';
import { discover, loadIgnoreFile } from './discover';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FileResult, FormatContext } from './formatters/types';
import { builtinRulesDir, builtinSnapshot, packageVersion } from './paths';
import { decode, readInput } from './read-input';
import { runExplain } from './explain';
import { runTestRules } from './test-rules';
import { USAGE } from './usage';
import { writeAtomic } from './write-atomic';
import { openCache } from './cache';
import { lintExportFile } from './export-file';
import { runReport } from './report/run-report';

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  argv: string[];
  cwd: string;
  stdin?: AsyncIterable<Uint8Array | string>;
  stdout: Writable;
  stderr: Writable;
  env?: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

export async function runCli(io: CliIo): Promise<number> {
  try {
    return await run(io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`warmly: ${e.message}\nRun "warmly --help" for the options.\n`);
      return EXIT_TROUBLE;
    }
    io.stderr.write(`warmly: unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return EXIT_TROUBLE;
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        lang: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        rules: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        'csv-column': { type: 'string' },
        out: { type: 'string', short: 'o' },
        quiet: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

async function run(io: CliIo): Promise<number> {
  const { values: o, positionals } = parse(io.argv);
  if (o.help) {
    io.stdout.write(USAGE + '\n');
    return EXIT_OK;
  }
  if (o.version) {
    io.stdout.write(packageVersion() + '\n');
    return EXIT_OK;
  }
  const format = (o.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${o.format}" — use one of ${FORMATS.join(', ')}`);
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    maxWarnings = Number(o['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${o['max-warnings']}"`);
  }
  if (o.config && o['no-config']) throw new UsageError('--config and --no-config contradict each other — keep one');
  const settings: UserSettings = {
    language: o.lang,
    config: o.config ? path.resolve(io.cwd, o.config) : undefined,
    useConfigFiles: !o['no-config'],
    rules: (o.rules ?? []).map((r) => path.resolve(io.cwd, r)),
  };
  const engine = new Engine({ builtinRulesDir: builtinRulesDir(), builtinSnapshot: builtinSnapshot(), settings });

  const [command, ...rest] = positionals;
  if (command === 'test-rules') return runTestRules({ io, settings, paths: rest.map((p) => path.resolve(io.cwd, p)), format });
  if (command === 'explain') return runExplain({ io, engine, text: rest.join(' '), lang: o.lang });
  if (command === 'report') return runReport({ io, engine, paths: rest, out: o.out, lang: o.lang, csvColumn: o['csv-column'] });

  if (o.lang && o.lang !== 'auto' && !canonicalLanguage(o.lang, engine.ruleSet().languages.keys())) {
    throw new UsageError(`unknown --lang "${o.lang}" — use auto or one of ${[...engine.ruleSet().languages.keys()].join(', ')} (no is accepted for nb)`);
  }
  if (o.stdin && positionals.length > 0) throw new UsageError('--stdin lints standard input only — drop the file arguments, or drop --stdin');
  if (!o.stdin && positionals.length === 0) throw new UsageError('name the files, folders or globs to lint (e.g. "warmly templates/"), or use --stdin');
  if (o['stdin-filename'] && !o.stdin) throw new UsageError('--stdin-filename goes with --stdin');

  const color = o['no-color'] ? false : o.color ? true : !!io.stdout.isTTY && !io.env?.NO_COLOR;
  const results: FileResult[] = [];
  const problems = new Map<string, FileProblem>();
  const notes: string[] = [];
  let trouble = false;

  if (o.stdin) {
    const name = o['stdin-filename'] ? path.resolve(io.cwd, o['stdin-filename']) : undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin ?? []) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    const input = decode(Buffer.concat(chunks));
    for (const p of engine.problems(name)) problems.set(key(p), p);
    if (problems.size > 0) return reportProblems(io, problems);
    if (input.kind !== 'text') {
      io.stderr.write(`warmly: standard input skipped: ${input.reason}\n`);
      return EXIT_TROUBLE;
    }
    if (o.fix) {
      const fixed = engine.fixText(input.text, name);
      io.stdout.write((input.bom ? '\uFEFF' : '') + fixed.output);
      results.push({ filePath: o['stdin-filename'] ?? '<stdin>', language: fixed.language, findings: fixed.findings });
      // The fixed text went to stdout; the report of what is left goes to stderr.
      return finish({ ...io, stdout: io.stderr }, engine, results, format, color, maxWarnings, !!o.quiet, false);
    }
    const r = engine.lintText(input.text, name);
    results.push({ filePath: o['stdin-filename'] ?? '<stdin>', language: r.language, findings: r.findings });
    return finish(io, engine, results, format, color, maxWarnings, !!o.quiet, false);
  }

  const { ig, error } = loadIgnoreFile(io.cwd);
  if (error) {
    io.stderr.write(`warmly: ${error}\n`);
    return EXIT_TROUBLE;
  }
  const found = await discover(positionals, io.cwd, ig);
  for (const u of found.unmatched) notes.push(`no files match "${u}"`);
  for (const f of found.ignored) notes.push(`${path.relative(io.cwd, f)}: ignored by ${'.warmlyignore'} (remove it there to lint it)`);
  const files = found.files.filter((f) => !engine.isIgnored(f));
  for (const f of files) for (const p of engine.problems(f)) problems.set(key(p), p);
  if (problems.size > 0) return reportProblems(io, problems);
  if (found.unmatched.length > 0 && files.length === 0 && found.ignored.length === 0) {
    for (const n of notes) io.stderr.write(`warmly: ${n}\n`);
    return EXIT_TROUBLE;
  }

  const cache = o.cache && !o.fix ? openCache(path.resolve(io.cwd, o['cache-location'] ?? '.warmlycache'), engine, settings) : undefined;
  for (const file of files) {
    const rel = path.relative(io.cwd, file);
    const cached = cache?.get(file);
    if (cached) {
      results.push(cached);
      continue;
    }
    const input = readInput(file);
    if (input.kind === 'error') {
      notes.push(`${rel}: cannot read (${input.reason}); the other files were still linted`);
      trouble = true;
      continue;
    }
    if (input.kind === 'skipped') {
      notes.push(`${rel}: skipped (${input.reason})`);
      continue;
    }
    // .json and .csv files are helpdesk exports (or skipped with a note when they are not one).
    if (isExportFileName(file)) {
      const r = lintExportFile({ engine, file, rel, input, fix: !!o.fix, lang: o.lang, csvColumn: o['csv-column'] });
      notes.push(...r.notes);
      trouble ||= r.trouble;
      if (r.result) results.push(r.result);
      if (r.result && !o.fix) cache?.set(file, input, r.result);
      continue;
    }
    if (o.fix) {
      const fixed = engine.fixText(input.text, file);
      if (fixed.output !== input.text) {
        const outcome = writeAtomic(file, fixed.output, input);
        if (outcome === 'changed-on-disk') {
          notes.push(`${rel}: changed on disk while warmly was fixing it — not written; run --fix again`);
          trouble = true;
        }
      }
      if (!fixed.settled) notes.push(`${rel}: the rewrites did not settle after ${fixed.rounds} rounds — two rules keep rewriting each other; run "warmly test-rules" to find them`);
      results.push({ filePath: file, language: fixed.language, findings: fixed.findings });
      continue;
    }
    const r = engine.lintText(input.text, file);
    const result = { filePath: file, language: r.language, findings: r.findings };
    cache?.set(file, input, result);
    results.push(result);
  }
  cache?.save();
  for (const n of notes) io.stderr.write(`warmly: ${n}\n`);
  return finish(io, engine, results, format, color, maxWarnings, !!o.quiet, trouble);
}

function key(p: FileProblem): string {
  return `${p.file}:${p.line}:${p.column}:${p.message}`;
}

function reportProblems(io: CliIo, problems: Map<string, FileProblem>): number {
  for (const p of problems.values()) io.stderr.write(`${path.relative(io.cwd, p.file) || p.file}:${p.line}:${p.column}: ${p.message}\n`);
  io.stderr.write(`warmly: ${problems.size} problem${problems.size === 1 ? '' : 's'} in config or rule files — fix ${problems.size === 1 ? 'it' : 'them'} and run again\n`);
  return EXIT_TROUBLE;
}

function finish(io: CliIo, engine: Engine, results: FileResult[], format: Format, color: boolean, maxWarnings: number, quiet: boolean, trouble: boolean): number {
  const shown = quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  // Rule metadata (for SARIF) in the language each rule was first reported in.
  const reportedIn = new Map<string, string>();
  for (const r of results) for (const f of r.findings) if (!reportedIn.has(f.ruleId)) reportedIn.set(f.ruleId, r.language);
  const rules = new Map<string, Rule>();
  for (const rule of engine.ruleSet(results[0]?.filePath).rules) {
    if (!rules.has(rule.id) || rule.language === reportedIn.get(rule.id)) rules.set(rule.id, rule);
  }
  const ctx: FormatContext = { cwd: io.cwd, version: packageVersion(), rules, color };
  const text = format === 'json' ? formatJson(shown) : format === 'sarif' ? formatSarif(shown, ctx) : format === 'github' ? formatGithub(shown, ctx) : formatStylish(shown, ctx);
  if (text) io.stdout.write(text + '\n');
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (trouble) return EXIT_TROUBLE;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`warmly: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
