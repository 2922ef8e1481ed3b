// Helpdesk exports: detection, linting with findings mapped into the export, and --fix.
export * from './types';
export { detectExport, detectJson, detectCsv, isExportFileName, toPointer, CSV_TEXT_COLUMNS } from './detect';
export { lintExport, fixExport, replyFileName, describe as describeReply, describeLocation, type ExportLint, type ExportFix, type ExportOptions, type ReplyResult } from './lint-export';
export { scanCsv, encodeCsvField, CsvError, type CsvField, type CsvRecord } from './csv';
export { decodeJsonString, encodeJsonString } from './json-strings';
