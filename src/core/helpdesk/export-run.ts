// One helpdesk export's way through the engine (engine.openExport): the export is detected once
// and its settings resolved once; each reply is a DocumentRun of its own format under them, so
// its lint is shared by the findings, the report and the first round of --fix. Fixing returns
// the findings left in the fixed file too, placed from the fix itself rather than a new detection.
import type { ChunkMemo } from '../chunk-memo';
import { DocumentRun, type EngineCounts, type Resolution } from '../document-run';
import { applyEdits, fixAll } from '../fix';
import { LineIndex } from '../positions';
import type { Finding, Suggestion } from '../types';
import { encodeCsvField } from './csv';
import { detectExport } from './detect';
import { decodeRaw, describe, encodeRaw, mostCommon, toExportFinding } from './lint-export';
import type { Detection, ExportFinding, HelpdeskFormat, Reply } from './types';

export interface OpenExportOptions {
  fileName: string;
  text: string;
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

export interface ExportFix {
  output: string;
  applied: number;
  /** Titles (or locations) of replies whose rewrites did not settle: two rules rewriting each other. */
  unsettled: string[];
  /** The findings left in `output`. */
  result: ExportLint;
}

export class ExportRun {
  private detected?: { detection: Detection; replies: Array<{ reply: Reply; run: DocumentRun }> };
  private linted?: ExportLint;

  constructor(
    private readonly resolution: Resolution,
    private readonly options: OpenExportOptions,
    private readonly counts: EngineCounts,
    /** The engine's paragraph memo, when it serves an editor. */
    private readonly memo?: ChunkMemo,
  ) {}

  /** What the export is (detected once, when first asked: a cached file is never detected). */
  get detection(): Detection {
    return this.detect().detection;
  }

  /** Each reply with its own run, in the order of the file. */
  get replies(): Array<{ reply: Reply; run: DocumentRun }> {
    return this.detect().replies;
  }

  private detect() {
    if (this.detected) return this.detected;
    this.counts.detect++;
    const { text, fileName, csvColumn } = this.options;
    const detection = detectExport(text, fileName, { csvColumn });
    const language = this.options.language && this.options.language !== 'auto' ? this.options.language : undefined;
    // The export's own name carries the folder and `*.sv.json` language conventions to each reply.
    const replies = (detection.kind === 'export' ? detection.replies : []).map((reply) => ({
      reply,
      run: new DocumentRun(this.resolution, reply.text, fileName, reply.format, language, this.counts, this.memo),
    }));
    this.detected = { detection, replies };
    return this.detected;
  }

  get ruleSet() {
    return this.resolution.ruleSet;
  }

  get ignored(): boolean {
    return this.resolution.ignored;
  }

  get problems() {
    return this.resolution.problems;
  }

  /** The findings of every reply, placed in the export file. */
  lint(): ExportLint {
    const detection = this.detection;
    if (detection.kind !== 'export') return detection;
    this.linted ??= collect(
      detection.format,
      this.options.text,
      this.replies.map(({ reply, run }) => ({ reply, language: run.lint().language, findings: run.lint().findings })),
    );
    return this.linted;
  }

  /**
   * Applies every fix inside every reply (never a suggestion), and nothing else: each reply's raw text is
   * fixed in place (escapes it already had are kept), and the bytes between replies are untouched.
   */
  fix(): ExportFix | { kind: 'not-export'; reason: string } {
    const detection = this.detection;
    if (detection.kind !== 'export') return detection;
    const source = this.options.text;
    const edits: Suggestion[] = [];
    const unsettled: string[] = [];
    const left: ReplyResult[] = [];
    let applied = 0;
    let shift = 0;
    for (const { reply, run } of this.replies) {
      const fixed = fixReply(reply, run, source);
      applied += fixed.applied;
      if (!fixed.settled) unsettled.push(reply.title ?? describe(reply));
      if (fixed.raw !== source.slice(reply.rawStart, reply.rawEnd)) {
        edits.push({ start: reply.rawStart, end: reply.rawEnd, text: fixed.raw });
      }
      const moved = movedReply(reply, fixed.raw, reply.rawStart + shift);
      left.push({ reply: moved, language: run.lint().language, findings: fixed.findings });
      shift += fixed.raw.length - (reply.rawEnd - reply.rawStart);
    }
    const output = applyEdits(source, edits).output;
    return { output, applied, unsettled, result: collect(detection.format, output, left) };
  }
}

function collect(format: HelpdeskFormat, source: string, replies: ReplyResult[]): ExportLint {
  const lines = new LineIndex(source);
  const findings = replies.flatMap((r) => r.findings.map((f) => toExportFinding(f, r.reply, lines)));
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const language = mostCommon(replies.map((r) => r.language)) ?? 'en';
  return { kind: 'export', format, language, findings, replies };
}

// One reply's fix: its new raw text, and the findings (in decoded coordinates) left in it.
function fixReply(reply: Reply, run: DocumentRun, source: string) {
  let left: Finding[] = [];
  const lintDecoded = (text: string) => (left = run.lintRevision(text).findings);
  const original = source.slice(reply.rawStart, reply.rawEnd);
  if (reply.encoding === 'csv-bare') {
    // A bare field is its own text; quote it afterwards only if a rewrite brought a comma or quote.
    const result = fixAll(reply.text, lintDecoded);
    const raw = result.output === reply.text ? original : encodeCsvField(result.output);
    return { ...result, raw, findings: left };
  }
  // Fix the escaped text directly, so the escapes the file already had stay as they were.
  const result = fixAll(original, (rawText) => {
    const { text, offsets } = decodeRaw(reply.encoding, rawText);
    return lintDecoded(text).map((f) => ({
      ...f,
      suggestions: f.suggestions.map((s) => ({
        ...s,
        text: encodeRaw(reply.encoding, s.text),
        start: offsets[s.start],
        end: offsets[s.end],
      })),
    }));
  });
  return { ...result, raw: result.output, findings: left };
}

// The reply as it sits in the fixed file: its raw text now starts at `at`.
function movedReply(reply: Reply, raw: string, at: number): Reply {
  // A bare CSV field that a rewrite made quoted is a quoted field now.
  const requoted = reply.encoding === 'csv-bare' && raw.startsWith('"');
  const encoding = requoted ? 'csv-quoted' : reply.encoding;
  const inner = requoted ? raw.slice(1, -1) : raw;
  const rawStart = requoted ? at + 1 : at;
  const { text, offsets } = decodeRaw(encoding, inner);
  return {
    ...reply,
    text,
    encoding,
    rawStart,
    rawEnd: rawStart + inner.length,
    rawOffsets: offsets.map((o) => o + rawStart),
  };
}
