// Between the engine's shapes and LSP's: the file name the engine sees for a document URI,
// findings as diagnostics (rule id as code, a link to the rule's page), ranges from offsets.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isKnownExtension, type FileProblem, type Finding } from '../core/index';

// Editors name languages differently (Neovim: text, htmldjango; VS Code: plaintext, django-html).
const EXTENSIONS: Record<string, string> = {
  markdown: 'md', html: 'html', plaintext: 'txt', text: 'txt', handlebars: 'hbs', mustache: 'mustache',
  'reply-template': 'reply', liquid: 'liquid', jinja: 'j2', jinja2: 'j2', 'jinja-html': 'j2', htmldjango: 'j2',
  'django-html': 'j2', twig: 'twig', nunjucks: 'njk',
};

/**
 * The file name the engine sees: it decides the format, the config found upward and a language
 * from the name. A file without a known extension, or an unsaved buffer, is named after its
 * language id (in the first workspace folder, so that folder's .warmlyrc.yaml applies).
 */
export function fileNameOf(uri: string, languageId: string, folders: string[]): string | undefined {
  const extension = EXTENSIONS[languageId];
  if (uri.startsWith('file:')) {
    const file = fileURLToPath(uri);
    return isKnownExtension(file) || !extension ? file : `${file}.${extension}`;
  }
  const name = `${path.basename(decodeURIComponent(uri.replace(/[?#].*$/, ''))) || 'untitled'}.${extension ?? 'txt'}`;
  return folders[0] ? path.join(folders[0], name) : undefined;
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
  const line = Math.max(problem.line - 1, 0), character = Math.max(problem.column - 1, 0);
  const end = problem.endLine && problem.endColumn
    ? { line: problem.endLine - 1, character: problem.endColumn - 1 }
    : { line, character: character + 1 };
  return { range: { start: { line, character }, end }, severity: DiagnosticSeverity.Error, source: 'warmly', message: problem.message };
}

/** Does a finding's range touch an LSP range (an empty range at the cursor counts)? */
export function touches(document: TextDocument, finding: Finding, range: Range): boolean {
  const from = document.offsetAt(range.start), to = document.offsetAt(range.end);
  return finding.start <= to && finding.end >= from;
}
