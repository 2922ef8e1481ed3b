// The human report, shaped like ESLint's "stylish": a block per file, one line per finding
// with the preferred rewrite under it, and totals at the end.
import * as path from 'node:path';
import { describeLocation } from '../../core/helpdesk/index';
import type { ExportLocation } from '../../core/helpdesk/types';
import type { FileResult, FormatContext } from './types';

export function formatStylish(results: FileResult[], ctx: FormatContext): string {
  const paint = (code: number, s: string) => (ctx.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.push(paint(4, path.isAbsolute(r.filePath) ? path.relative(ctx.cwd, r.filePath) || r.filePath : r.filePath));
    const width = Math.max(...r.findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of r.findings) {
      totals[f.severity]++;
      const fix = f.suggestions.find((s) => s.kind === 'fix');
      if (fix) fixable++;
      const level = f.severity === 'error' ? paint(31, 'error  ') : f.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info   ');
      out.push(`  ${`${f.line}:${f.column}`.padEnd(width)}  ${level}  ${f.message}${whereInExport(f)}  ${paint(2, f.ruleId)}`);
      // The fix is what --fix writes; a suggestion needs the writer, so it reads as one.
      const shown = fix ?? f.suggestions[0];
      if (shown) {
        const what = describeRewrite(shown.text, f.actual);
        out.push(`  ${' '.repeat(width)}  ${paint(32, shown === fix ? `→ ${what}` : `suggestion: ${what}`)}`);
      }
    }
    out.push('');
  }
  const total = totals.error + totals.warning + totals.info;
  if (total === 0) return '';
  out.push(paint(totals.error > 0 ? 31 : 33, `✖ ${total} finding${total === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info)`));
  if (fixable > 0) out.push(`  ${fixable} can be rewritten with --fix`);
  return out.join('\n');
}

/** A deletion reads as what goes, not as an empty arrow. */
export function describeRewrite(text: string, actual: string): string {
  return text === '' ? `remove “${actual}”` : text;
}

// A finding inside a helpdesk export also names the reply it sits in (title, JSON pointer or CSV row).
function whereInExport(f: object): string {
  const { location, title } = f as { location?: ExportLocation; title?: string };
  return location ? ` (in ${title ? `"${title}", ` : ''}${describeLocation(location)})` : '';
}
