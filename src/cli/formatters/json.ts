// The JSON contract in DESIGN.md: one entry per file, 1-based lines and columns, end exclusive.
import type { Finding } from '../../core/index';
import { buffered, collect, type Write } from './sink';
import type { FileResult } from './types';

export function formatJson(results: FileResult[]): string {
  return collect((write) => writeJson(results, write));
}

/** The same JSON, written one message at a time: no one string holds the whole output. */
export function writeJson(results: FileResult[], sink: Write): void {
  const out = buffered(sink);
  out.write('[');
  results.forEach((r, i) => {
    out.write(
      `${i > 0 ? ',' : ''}{"filePath":${JSON.stringify(r.filePath)},"language":${JSON.stringify(r.language)},"messages":[`,
    );
    r.findings.forEach((f, j) => out.write((j > 0 ? ',' : '') + JSON.stringify(message(f))));
    out.write(']}');
  });
  out.write(']\n');
  out.end();
}

function message(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    // kind: 'fix' (what --fix applies) or 'suggestion' (offered only); slots are for the writer.
    suggestions: f.suggestions.map((s) => ({
      text: s.text,
      kind: s.kind ?? 'suggestion',
      ...(s.title ? { title: s.title } : {}),
      ...(s.slots ? { slots: s.slots } : {}),
    })),
    // Helpdesk exports: where the reply sits (JSON pointer or CSV row/column); additive to the contract.
    ...('location' in f ? { location: (f as { location: unknown }).location } : {}),
  };
}
