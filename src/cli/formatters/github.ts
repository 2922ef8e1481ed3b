// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// Property values escape , and : as well, or GitHub cuts the file name or title short.
import * as path from 'node:path';
import type { FileResult, FormatContext } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: FileResult[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = path.isAbsolute(r.filePath) ? path.relative(ctx.cwd, r.filePath).split(path.sep).join('/') : r.filePath;
    for (const f of r.findings) {
      const fix = f.suggestions.length > 0 ? ` Try: ${f.suggestions[0].text === '' ? `remove "${f.actual}"` : `"${f.suggestions[0].text}"`}.` : '';
      lines.push(
        `::${LEVEL[f.severity]} file=${escapeProperty(file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`Warmly (${f.ruleId})`)}::${escapeData(f.message + fix)}`,
      );
    }
  }
  return lines.join('\n');
}
