// The human report, shaped like ESLint's "stylish": a block per file, one line per finding
// with its fix (or a suggestion, marked as one) under it, and totals at the end. Written line by line (see
// sink.ts), and everything taken from the files is cleaned of control characters first.
import * as path from 'node:path';
import { describeLocation } from '../../core/helpdesk/index';
import type { ExportLocation } from '../../core/helpdesk/types';
import { buffered, clean, collect, type Write } from './sink';
import type { FileResult, FormatContext } from './types';

export function formatStylish(results: FileResult[], ctx: FormatContext): string {
  return collect((write) => writeStylish(results, ctx, write));
}

export function writeStylish(results: FileResult[], ctx: FormatContext, sink: Write): void {
  const paint = (code: number, s: string) => (ctx.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out = buffered(sink);
  const totals = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.write(
      `${paint(4, clean(path.isAbsolute(r.filePath) ? path.relative(ctx.cwd, r.filePath) || r.filePath : r.filePath))}\n`,
    );
    let width = 0;
    for (const f of r.findings) width = Math.max(width, `${f.line}:${f.column}`.length);
    for (const f of r.findings) {
      totals[f.severity]++;
      const fix = f.suggestions.find((s) => s.kind === 'fix');
      if (fix) fixable++;
      const level =
        f.severity === 'error'
          ? paint(31, 'error  ')
          : f.severity === 'warning'
            ? paint(33, 'warning')
            : paint(36, 'info   ');
      out.write(
        `  ${`${f.line}:${f.column}`.padEnd(width)}  ${level}  ${clean(f.message + whereInExport(f))}  ${paint(2, clean(f.ruleId))}\n`,
      );
      // The fix is what --fix writes; a suggestion needs the writer, so it reads as one.
      const shown = fix ?? f.suggestions[0];
      if (shown) {
        const what = clean(describeRewrite(shown.text, f.actual, shown.title));
        out.write(`  ${' '.repeat(width)}  ${paint(32, shown === fix ? `→ ${what}` : `suggestion: ${what}`)}\n`);
      }
    }
    out.write('\n');
  }
  const total = totals.error + totals.warning + totals.info;
  if (total > 0) {
    const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    out.write(
      `${paint(totals.error > 0 ? 31 : 33, `✖ ${s(total, 'finding')} (${s(totals.error, 'error')}, ${s(totals.warning, 'warning')}, ${totals.info} info)`)}\n`,
    );
    if (fixable > 0) out.write(`  ${fixable} can be rewritten with --fix\n`);
  }
  out.end();
}

/** A deletion reads as what goes, not as an empty arrow. */
/** A deletion reads as what goes, also when it recases the next word ("Due to … it" → "It"). */
export function describeRewrite(text: string, actual: string, title?: string): string {
  const removed = title?.startsWith('Remove ') ? /^Remove '(.*)'$/.exec(title)?.[1] : undefined;
  return text === '' ? `remove “${actual}”` : removed !== undefined ? `remove “${removed}”` : text;
}

// A finding inside a helpdesk export also names the reply it sits in (title, JSON pointer or CSV row).
function whereInExport(f: object): string {
  const { location, title } = f as { location?: ExportLocation; title?: string };
  return location ? ` (in ${title ? `"${title}", ` : ''}${describeLocation(location)})` : '';
}
