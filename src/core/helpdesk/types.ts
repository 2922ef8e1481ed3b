// What a helpdesk export is made of, as the linter sees it: reply texts, each with the exact
// span of its raw (still escaped) text in the export file, so findings and fixes can be
// mapped back to the file byte for byte.
import type { Finding, SourceFormat } from '../types';

export type HelpdeskFormat = 'zendesk' | 'freshdesk' | 'helpscout' | 'intercom' | 'csv';

/** Where a reply sits in its export: a JSON pointer, or a CSV row (1-based, header = 1) and column name. */
export type ExportLocation = { pointer: string } | { row: number; column: string };

/** How a reply's text is written in the file: inside a JSON string, a quoted CSV field, or a bare CSV field. */
export type Encoding = 'json' | 'csv-quoted' | 'csv-bare';

export interface Reply {
  location: ExportLocation;
  /** The macro's or saved reply's name, when the export has one. */
  title?: string;
  /** The decoded text the writer sees in the helpdesk. */
  text: string;
  /** How to read the text: HTML values as html, others as templates (placeholders, no Markdown). */
  format: SourceFormat;
  encoding: Encoding;
  /** [rawStart, rawEnd): the escaped text in the file, without its quotes. */
  rawStart: number;
  rawEnd: number;
  /** rawOffsets[i]: file offset of text[i]; rawOffsets[text.length] === rawEnd. */
  rawOffsets: number[];
}

export type Detection =
  | { kind: 'export'; format: HelpdeskFormat; replies: Reply[] }
  | { kind: 'not-export'; reason: string };

/** A finding placed in the export file, which also says where it is inside the reply. */
export interface ExportFinding extends Finding {
  location: ExportLocation;
  title?: string;
  /** 1-based line/column inside the reply text, end exclusive. */
  inReply: { line: number; column: number; endLine: number; endColumn: number };
}
