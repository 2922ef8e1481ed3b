// The JSON contract in DESIGN.md: one entry per file, 1-based lines and columns, end exclusive.
import type { FileResult } from './types';

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      language: r.language,
      messages: r.findings.map((f) => ({
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
      })),
    })),
  );
}
