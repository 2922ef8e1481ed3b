// What the CLI's parts share with the outside world: the streams and arguments a run is given,
// the exit codes, and the one way problems and notes are printed. Every command imports this
// file, and it imports none of them, so the runner and its commands form no cycle.
import * as path from 'node:path';
import type { FileProblem } from '../core/index';

export { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE } from '../core/exit-codes';

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

/** What a note about rewrites that never settle tells the writer to do. */
export const UNSETTLED = 'two rules keep rewriting each other; run "warmly test-rules" to find them';

/** Bad usage: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {}

/** A path as the person who ran warmly would type it: relative to where they are. */
export function shownPath(cwd: string, file: string): string {
  return path.relative(cwd, file) || file;
}

/** Config and rule-file problems, each once, as file:line:col: message. Returns how many. */
export function printProblems(io: CliIo, problems: Iterable<FileProblem>): number {
  const unique = new Map<string, FileProblem>();
  for (const p of problems) unique.set(`${p.file}:${p.line}:${p.column}:${p.message}`, p);
  for (const p of unique.values())
    io.stderr.write(`${shownPath(io.cwd, p.file)}:${p.line}:${p.column}: ${p.message}\n`);
  return unique.size;
}

/** The closing line after printProblems: what stops the run and what to do. */
export function problemsSummary(count: number): string {
  const them = count === 1 ? 'it' : 'them';
  return `warmly: ${count} problem${count === 1 ? '' : 's'} in config or rule files — fix ${them} and run again\n`;
}

export function printNotes(io: CliIo, notes: string[]): void {
  for (const n of notes) io.stderr.write(`warmly: ${n}\n`);
}
