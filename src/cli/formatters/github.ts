// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// Property values escape , and : as well, or GitHub cuts the file name or title short. Control
// characters from the files are shown, not passed on (a CI log is a terminal too), and the
// output is written line by line (see sink.ts).
import * as path from 'node:path';
import { buffered, clean, collect, type Write } from './sink';
import type { FileResult, FormatContext } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return clean(s, true).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: FileResult[], ctx: FormatContext): string {
  return collect((write) => writeGithub(results, ctx, write));
}

export function writeGithub(results: FileResult[], ctx: FormatContext, sink: Write): void {
  const out = buffered(sink);
  for (const r of results) {
    const file = path.isAbsolute(r.filePath)
      ? path.relative(ctx.cwd, r.filePath).split(path.sep).join('/')
      : r.filePath;
    for (const f of r.findings) {
      const fix =
        f.suggestions.length > 0
          ? ` Try: ${f.suggestions[0].text === '' ? `remove "${f.actual}"` : `"${f.suggestions[0].text}"`}.`
          : '';
      const where = `file=${escapeProperty(file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn}`;
      out.write(
        `::${LEVEL[f.severity]} ${where},title=${escapeProperty(`Warmly (${f.ruleId})`)}::${escapeData(f.message + fix)}\n`,
      );
    }
  }
  out.end();
}
