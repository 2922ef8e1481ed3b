// The end of a lint run: the results in the chosen format, and the exit code they earn. SARIF's
// rule table is taken from the findings themselves, so it describes the rules that were reported
// (a team rule from its own folder's config) whichever file came first.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../core/index';
import { writeResults } from './formatters/write';
import type { FileResult, FormatContext, RuleMeta } from './formatters/types';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, type CliIo } from './io';
import type { Format } from './options';
import { packageVersion } from './paths';
import { rootRelative } from './root';

export interface PrintOptions {
  format: Format;
  color: boolean;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  /** Something went wrong along the way (an unreadable file): exit 2 whatever the findings. */
  trouble: boolean;
  /** What SARIF and annotation paths are relative to (root.ts); the working folder when unset. */
  root?: string;
}

export function printResults(io: CliIo, results: FileResult[], o: PrintOptions): number {
  const shown = o.quiet
    ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }))
    : results;
  const root = o.root ?? io.cwd;
  // Humans read paths from where they stand; code scanning and annotations from the repository root.
  const cwd = o.format === 'sarif' || o.format === 'github' ? root : io.cwd;
  const ctx: FormatContext = { cwd, version: packageVersion(), rules: ruleMetadata(results, root), color: o.color };
  // Streamed: any number of findings, never one giant string (formatters/sink.ts).
  writeResults(o.format, shown, ctx, (chunk) => io.stdout.write(chunk));
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  // --quiet hides warnings, not their weight: a gate that fails on them says what it counted.
  if (o.quiet && all.length > errors) io.stderr.write(quietSummary(all, errors, warnings, o.maxWarnings));
  if (o.trouble) return EXIT_TROUBLE;
  if (errors > 0) return EXIT_FINDINGS;
  if (o.maxWarnings >= 0 && warnings > o.maxWarnings) {
    io.stderr.write(`warmly: ${warnings} warnings, more than --max-warnings ${o.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function quietSummary(all: Finding[], errors: number, warnings: number, maxWarnings: number): string {
  const byRule = new Map<string, number>();
  for (const f of all) if (f.severity !== 'error') byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...byRule].map(([id, n]) => `${id} ${n}`).join(', ');
  const infos = all.length - errors - warnings;
  const gate = maxWarnings >= 0 ? `; --max-warnings ${maxWarnings} counts the warnings` : '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const hidden = `${plural(warnings, 'warning')} and ${infos} info hidden by --quiet`;
  return `warmly: ${plural(errors, 'error')} shown; ${hidden} (${rules})${gate}\n`;
}

/** Each reported rule's description, from its first finding (files in the order they were named). */
export function ruleMetadata(results: FileResult[], root: string): Map<string, RuleMeta> {
  const rules = new Map<string, RuleMeta>();
  for (const r of results) for (const f of r.findings) if (!rules.has(f.ruleId)) rules.set(f.ruleId, meta(f, root));
  return rules;
}

function meta(f: Finding, root: string): RuleMeta {
  return { principle: f.principle, why: f.why, url: helpUri(f.url, root), severity: f.severity, source: f.source };
}

// A team rule links to its own file: inside the repository that is a path from its root (the
// runner's absolute file:// path means nothing on the pull request page).
function helpUri(url: string, root: string): string {
  if (!url.startsWith('file:')) return url;
  const rel = rootRelative(root, fileURLToPath(url));
  return rel.startsWith('..') || path.isAbsolute(rel) ? url : rel;
}
