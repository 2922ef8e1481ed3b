// Linting and fixing the replies inside a helpdesk export. Each reply is linted on its own
// (its own language, HTML or template), and every finding is moved back into the export file:
// its range and its rewrites become offsets in the file, with the rewrite escaped the way the
// file writes text, so editors, SARIF and --fix all point at and change the right bytes.
import type { Engine } from '../engine';
import { applyEdits, fixAll } from '../fix';
import { LineIndex } from '../positions';
import type { Finding, SourceFormat, Suggestion } from '../types';
import { encodeCsvField } from './csv';
import { detectExport } from './detect';
import { decodeJsonString, encodeJsonString } from './json-strings';
import type { Encoding, ExportFinding, ExportLocation, HelpdeskFormat, Reply } from './types';

export interface ExportOptions {
  language?: string;
  csvColumn?: string;
}

export interface ReplyResult {
  reply: Reply;
  language: string;
  /** Findings in the reply's own coordinates (what a report shows next to the reply). */
  findings: Finding[];
}

export type ExportLint =
  | { kind: 'export'; format: HelpdeskFormat; language: string; findings: ExportFinding[]; replies: ReplyResult[] }
  | { kind: 'not-export'; reason: string };

const EXTENSION: Record<SourceFormat, string> = { html: 'html', template: 'tmpl', markdown: 'md', text: 'txt' };

/**
 * The name a reply is linted under: the export's own path with the reply's format as extension.
 * The engine reads the format from the extension, and the folder and `*.sv.json` language
 * conventions and the config that governs the export still apply.
 */
export function replyFileName(exportFile: string, format: SourceFormat): string {
  return exportFile.replace(/\.[^./\\]*$/, '') + '.' + EXTENSION[format];
}

export function lintExport(engine: Engine, source: string, fileName: string, options: ExportOptions = {}): ExportLint {
  const detection = detectExport(source, fileName, { csvColumn: options.csvColumn });
  if (detection.kind !== 'export') return detection;
  const lines = new LineIndex(source);
  const findings: ExportFinding[] = [];
  const replies: ReplyResult[] = [];
  for (const reply of detection.replies) {
    const r = engine.lintText(reply.text, replyFileName(fileName, reply.format), { language: options.language });
    replies.push({ reply, language: r.language, findings: r.findings });
    for (const f of r.findings) findings.push(toExportFinding(f, reply, lines));
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { kind: 'export', format: detection.format, language: mostCommon(replies.map((r) => r.language)) ?? 'en', findings, replies };
}

function toExportFinding(f: Finding, reply: Reply, lines: LineIndex): ExportFinding {
  return {
    ...f,
    ...lines.range(reply.rawOffsets[f.start], reply.rawOffsets[f.end]),
    suggestions: f.suggestions.map((s) => toFileEdit(s, reply)),
    location: reply.location,
    ...(reply.title !== undefined ? { title: reply.title } : {}),
    inReply: { line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
  };
}

// A rewrite as an edit of the export file: escaped for a JSON string or a quoted CSV field;
// in a bare CSV field that would need quotes, the whole field is rewritten and quoted.
function toFileEdit(s: Suggestion, reply: Reply): Suggestion {
  if (reply.encoding === 'csv-bare' && encode('csv-bare', s.text) !== s.text) {
    return { text: encodeCsvField(applyEdits(reply.text, [s]).output), start: reply.rawStart, end: reply.rawEnd };
  }
  return { text: encode(reply.encoding, s.text), start: reply.rawOffsets[s.start], end: reply.rawOffsets[s.end] };
}

function encode(encoding: Encoding, text: string): string {
  if (encoding === 'json') return encodeJsonString(text);
  if (encoding === 'csv-quoted') return text.replace(/"/g, '""');
  return encodeCsvField(text);
}

function decode(encoding: Encoding, raw: string): { text: string; offsets: number[] } {
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

export interface ExportFix {
  output: string;
  applied: number;
  /** Titles (or locations) of replies whose rewrites did not settle: two rules rewriting each other. */
  unsettled: string[];
}

/**
 * Applies every preferred rewrite inside every reply, and nothing else: each reply's raw text is
 * fixed in place (escapes it already had are kept), and the bytes between replies are untouched.
 */
export function fixExport(engine: Engine, source: string, fileName: string, options: ExportOptions = {}): ExportFix | { kind: 'not-export'; reason: string } {
  const detection = detectExport(source, fileName, { csvColumn: options.csvColumn });
  if (detection.kind !== 'export') return detection;
  const edits: Suggestion[] = [];
  const unsettled: string[] = [];
  let applied = 0;
  for (const reply of detection.replies) {
    const name = replyFileName(fileName, reply.format);
    // The language is fixed from the original text: a rewrite must not flip detection. That
    // first lint is also the first round's, so it is not run twice.
    const first = engine.lintText(reply.text, name, { language: options.language });
    const lintDecoded = (text: string) => (text === reply.text ? first.findings : engine.lintText(text, name, { language: first.language }).findings);
    let raw: string;
    let result;
    if (reply.encoding === 'csv-bare') {
      // A bare field is its own text; quote it afterwards only if a rewrite brought a comma or quote.
      result = fixAll(reply.text, lintDecoded);
      raw = result.output === reply.text ? source.slice(reply.rawStart, reply.rawEnd) : encodeCsvField(result.output);
    } else {
      // Fix the escaped text directly, so the escapes the file already had stay as they were.
      const lintRaw = (rawText: string) => {
        const { text, offsets } = decode(reply.encoding, rawText);
        return lintDecoded(text).map((f) => ({ ...f, suggestions: f.suggestions.map((s) => ({ text: encode(reply.encoding, s.text), start: offsets[s.start], end: offsets[s.end] })) }));
      };
      result = fixAll(source.slice(reply.rawStart, reply.rawEnd), lintRaw);
      raw = result.output;
    }
    applied += result.applied;
    if (!result.settled) unsettled.push(reply.title ?? describe(reply));
    if (raw !== source.slice(reply.rawStart, reply.rawEnd)) edits.push({ start: reply.rawStart, end: reply.rawEnd, text: raw });
  }
  return { output: applyEdits(source, edits).output, applied, unsettled };
}

export function describe(reply: Reply): string {
  return describeLocation(reply.location);
}

/** Where a reply sits in its export: a JSON pointer, or a CSV row and column. */
export function describeLocation(location: ExportLocation): string {
  return 'pointer' in location ? location.pointer : `row ${location.row}, column ${location.column}`;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
