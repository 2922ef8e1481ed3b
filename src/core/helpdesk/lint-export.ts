// Placing a reply's findings in its helpdesk export: every range and every rewrite becomes
// offsets in the file, with the rewrite escaped the way the file writes text, so editors, SARIF
// and --fix all point at and change the right bytes. The runs themselves are in export-run.ts.
import { applyEdits } from '../fix';
import type { LineIndex } from '../positions';
import type { Finding, Suggestion } from '../types';
import { encodeCsvField } from './csv';
import { decodeJsonString, encodeJsonString } from './json-strings';
import type { Encoding, ExportFinding, ExportLocation, Reply } from './types';

export function toExportFinding(f: Finding, reply: Reply, lines: LineIndex): ExportFinding {
  return {
    ...f,
    ...lines.range(reply.rawOffsets[f.start], reply.rawOffsets[f.end]),
    suggestions: f.suggestions.map((s) => toFileEdit(s, reply)),
    location: reply.location,
    ...(reply.title !== undefined ? { title: reply.title } : {}),
    inReply: { line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
  };
}

// A rewrite as an edit of the export file (its kind, title and slots kept): escaped for a JSON
// string or a quoted CSV field;
// in a bare CSV field that would need quotes, the whole field is rewritten and quoted.
function toFileEdit(s: Suggestion, reply: Reply): Suggestion {
  if (reply.encoding === 'csv-bare' && encodeRaw('csv-bare', s.text) !== s.text) {
    return { ...s, text: encodeCsvField(applyEdits(reply.text, [s]).output), start: reply.rawStart, end: reply.rawEnd };
  }
  return {
    ...s,
    text: encodeRaw(reply.encoding, s.text),
    start: reply.rawOffsets[s.start],
    end: reply.rawOffsets[s.end],
  };
}

/** Text as the file writes it inside a reply of this encoding. */
export function encodeRaw(encoding: Encoding, text: string): string {
  if (encoding === 'json') return encodeJsonString(text);
  if (encoding === 'csv-quoted') return text.replace(/"/g, '""');
  return encodeCsvField(text);
}

/** A reply's raw text decoded, with the raw offset of each decoded unit (and one past the end). */
export function decodeRaw(encoding: Encoding, raw: string): { text: string; offsets: number[] } {
  if (encoding === 'json') return decodeJsonString(raw, 0, raw.length);
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    offsets.push(i);
    text += raw[i];
    if (encoding === 'csv-quoted' && raw[i] === '"' && raw[i + 1] === '"') i++;
  }
  offsets.push(raw.length);
  return { text, offsets };
}

export function describe(reply: Reply): string {
  return describeLocation(reply.location);
}

/** Where a reply sits in its export: a JSON pointer, or a CSV row and column. */
export function describeLocation(location: ExportLocation): string {
  return 'pointer' in location ? location.pointer : `row ${location.row}, column ${location.column}`;
}

export function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
