// Parsing and checking the command line. Everything that changes a file's findings goes into one
// RunOptions object, which the cache fingerprints whole: an option added here cannot be left out
// of the cache key.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { UserSettings } from '../core/index';
import { UsageError } from './io';

/** The file's name inside a folder named by --cache-location. */
export const CACHE_NAME = '.warmlycache';

/** --cache-location may name a file or a folder (an existing one, or any path ending in a slash). */
export function cacheFile(location: string, given: string): string {
  const folder = /[\\/]$/.test(given) || (fs.existsSync(location) && fs.statSync(location).isDirectory());
  return folder ? path.join(location, CACHE_NAME) : location;
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Every per-run option that decides findings. */
export interface RunOptions {
  settings: UserSettings;
  csvColumn?: string;
}

export interface CliOptions {
  command?: 'test-rules' | 'explain' | 'report';
  /** Positional arguments after the command (paths, globs, or explain's words). */
  args: string[];
  run: RunOptions;
  format: Format;
  fix: boolean;
  quiet: boolean;
  /** Skipped files (binary, not UTF-8, not an export) make the run fail. */
  failOnSkipped: boolean;
  /** A file of paths, one a line ('-': standard input). */
  filesFrom?: string;
  /** -1: no limit. */
  maxWarnings: number;
  out?: string;
  stdin: boolean;
  stdinFilename?: string;
  cache: boolean;
  cacheLocation: string;
  color: boolean;
  help: boolean;
  version: boolean;
}

const SPEC = {
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
  'fail-on-skipped': { type: 'boolean' },
  'files-from': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = ['test-rules', 'explain', 'report'] as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: SPEC });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function parseOptions(
  argv: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  isTTY = false,
): CliOptions {
  const { values: o, positionals } = parse(argv);
  const format = (o.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown --format "${o.format}" — use one of ${FORMATS.join(', ')}`);
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    maxWarnings = Number(o['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
      throw new UsageError(`--max-warnings takes a whole number, not "${o['max-warnings']}"`);
    }
  }
  if (o.config && o['no-config']) throw new UsageError('--config and --no-config contradict each other — keep one');
  const settings: UserSettings = {
    language: o.lang,
    config: o.config ? path.resolve(cwd, o.config) : undefined,
    useConfigFiles: !o['no-config'],
    rules: (o.rules ?? []).map((r) => path.resolve(cwd, r)),
  };
  const first = positionals[0] as (typeof COMMANDS)[number];
  const command = COMMANDS.includes(first) ? first : undefined;
  return {
    command,
    args: command ? positionals.slice(1) : positionals,
    run: { settings, csvColumn: o['csv-column'] },
    format,
    fix: !!o.fix,
    quiet: !!o.quiet,
    failOnSkipped: !!o['fail-on-skipped'],
    filesFrom: o['files-from'],
    maxWarnings,
    out: o.out,
    stdin: !!o.stdin,
    stdinFilename: o['stdin-filename'],
    cache: !!o.cache,
    cacheLocation: cacheFile(path.resolve(cwd, o['cache-location'] ?? CACHE_NAME), o['cache-location'] ?? CACHE_NAME),
    color: o['no-color'] ? false : o.color ? true : isTTY && !env.NO_COLOR,
    help: !!o.help,
    version: !!o.version,
  };
}

/** The checks that only make sense for a lint run (not for test-rules, explain or report). */
export function checkLintOptions(o: CliOptions): void {
  if (o.stdin && (o.args.length > 0 || o.filesFrom))
    throw new UsageError('--stdin lints standard input only — drop the file arguments, or drop --stdin');
  if (!o.stdin && o.args.length === 0 && !o.filesFrom) {
    throw new UsageError('name the files, folders or globs to lint (e.g. "warmly templates/"), or use --stdin');
  }
  if (o.stdinFilename && !o.stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (o.args.length > 0 && o.args.every((a) => a.startsWith('!')) && !o.filesFrom) {
    throw new UsageError(
      'a "!" pattern only takes files out — name what to lint too (e.g. "templates/" "!templates/legal/**")',
    );
  }
}
