// Between the engine's shapes and LSP's: where the engine sees a document URI,
// findings as diagnostics (rule id as code, a link to the rule's page), ranges from offsets.
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatForLanguageId, isKnownExtension, type FileProblem, type Finding } from '../core/index';
import type { DocumentPlace } from './engines';

// Language ids some editors use that the file-type table (VS Code's ids) does not know.
const OTHER_LANGUAGE_IDS: Record<string, string> = {
  text: 'text',
  htmldjango: 'jinja',
  jinja2: 'jinja',
  mustache: 'mustache',
  tt2: 'template-toolkit',
  tt2html: 'template-toolkit',
};

/**
 * Where the engine sees a document: its path (config upward, `ignore:`, overrides, a language
 * from the name) and, when the extension does not tell, the format from the editor's language
 * id. An unsaved buffer has no path; the first workspace folder's config applies to it.
 */
export function placeOf(uri: string, languageId: string, folders: string[]): DocumentPlace {
  const fileName = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  const format =
    fileName && isKnownExtension(fileName)
      ? undefined
      : (formatForLanguageId(languageId) ?? OTHER_LANGUAGE_IDS[languageId]);
  return { fileName, format, dir: fileName ? undefined : folders[0] };
}

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(document, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: 'warmly',
    code: finding.ruleId,
    message: finding.message,
  };
  // The link must be a URI; a team rule's url may be a file path, which editors cannot open as one.
  if (/^[a-z][a-z0-9+.-]*:/i.test(finding.url)) diagnostic.codeDescription = { href: finding.url };
  return diagnostic;
}

export function problemDiagnostic(problem: FileProblem): Diagnostic {
  const line = Math.max(problem.line - 1, 0),
    character = Math.max(problem.column - 1, 0);
  const end =
    problem.endLine && problem.endColumn
      ? { line: problem.endLine - 1, character: problem.endColumn - 1 }
      : { line, character: character + 1 };
  return {
    range: { start: { line, character }, end },
    severity: DiagnosticSeverity.Error,
    source: 'warmly',
    message: problem.message,
  };
}

/** Does a finding's range touch an LSP range (an empty range at the cursor counts)? */
export function touches(document: TextDocument, finding: Finding, range: Range): boolean {
  const from = document.offsetAt(range.start),
    to = document.offsetAt(range.end);
  return finding.start <= to && finding.end >= from;
}
