// Helpdesk exports: detection, and the run (engine.openExport) that lints and fixes the replies
// with findings placed in the export file.
export * from './types';
export { detectExport, detectJson, detectCsv, toPointer, CSV_TEXT_COLUMNS } from './detect';
export { isExportFileName } from '../formats';
export { ExportRun, type ExportFix, type ExportLint, type OpenExportOptions, type ReplyResult } from './export-run';
export { describe as describeReply, describeLocation } from './lint-export';
export { scanCsv, encodeCsvField, CsvError, type CsvField, type CsvRecord } from './csv';
export { decodeJsonString, encodeJsonString } from './json-strings';
