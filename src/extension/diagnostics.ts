// Turns the engine's findings for an open document into diagnostics. Linting is debounced while
// typing, results are kept per document version so code actions and hovers read the same
// findings the writer sees, and config/rule-file problems are shown in those files.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileProblem, Finding } from '../core';
import type { Engines } from './engines';
import { readSettings } from './settings';

export interface DocumentResult {
  version: number;
  language: string;
  languageSource: string;
  findings: Finding[];
  /** Wall time of the lint in ms, engine and conversion included. */
  ms: number;
}

const TYPING_DELAY_MS = 250;

export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('warmly');
  /** Problems in .warmlyrc.yaml and rule files live in their own collection: other owners. */
  private readonly fileProblems = vscode.languages.createDiagnosticCollection('warmly-rules');
  private readonly results = new Map<string, DocumentResult>();
  private readonly problemsByDocument = new Map<string, FileProblem[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Documents whose last tab was closed. VS Code keeps them open (and may still change them, e.g.
   * a revert on close) for a while; they stay unlinted until shown again.
   */
  private readonly closedTabs = new Set<string>();
  /** Languages picked from the status bar, per document, for this session. */
  readonly languageOverrides = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were replaced. */
  readonly onDidLint = this.changed.event;

  constructor(private readonly engines: Engines, private readonly log?: vscode.LogOutputChannel) {}

  shouldLint(document: vscode.TextDocument, settings = readSettings(document.uri)): boolean {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
    return settings.enable && settings.fileTypes.includes(document.languageId);
  }

  /** Lints now and publishes; returns the result, or undefined when the document is not linted. */
  lint(document: vscode.TextDocument): DocumentResult | undefined {
    this.cancel(document);
    const settings = readSettings(document.uri);
    const key = document.uri.toString();
    if (this.closedTabs.has(key)) return undefined;
    if (!this.shouldLint(document, settings)) {
      this.forget(document);
      return undefined;
    }
    const version = document.version;
    const started = performance.now();
    let result;
    try {
      result = this.engines.lint(settings, document.getText(), fileName(document), this.languageFor(document, settings));
    } catch (error) {
      // An engine bug must not take the editor's other features down; the last findings stay.
      this.log?.error(`lint of ${document.uri.toString(true)} failed`, error);
      return undefined;
    }
    const diagnostics = result.findings.map((finding) => toDiagnostic(document, finding));
    const ms = performance.now() - started;
    // Linting is synchronous, but keep the guard: a result must describe the text it is shown on.
    if (document.version !== version) return undefined;

    const entry: DocumentResult = { version, language: result.language, languageSource: result.languageSource, findings: result.findings, ms };
    this.results.set(key, entry);
    this.collection.set(document.uri, diagnostics);
    this.setProblems(key, result.problems);
    this.changed.fire(document);
    return entry;
  }

  /** Lint after the writer pauses typing. */
  schedule(document: vscode.TextDocument, delay = TYPING_DELAY_MS): void {
    this.cancel(document);
    const key = document.uri.toString();
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) this.lint(document);
    }, delay));
  }

  /**
   * Findings that describe the document as it is now. Stale ones are refreshed when linting on
   * type (the writer would see them a moment later anyway); on save, what is shown is what counts.
   */
  findings(document: vscode.TextDocument): Finding[] {
    const stored = this.results.get(document.uri.toString());
    if (stored && stored.version === document.version) return stored.findings;
    if (readSettings(document.uri).run === 'onSave') return [];
    return this.lint(document)?.findings ?? [];
  }

  /** Lints documents that became visible and have no result (e.g. a reopened tab whose problems were dropped). */
  lintVisible(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) {
      this.closedTabs.delete(editor.document.uri.toString());
      if (!this.results.has(editor.document.uri.toString()) && this.shouldLint(editor.document)) this.lint(editor.document);
    }
  }

  result(document: vscode.TextDocument): DocumentResult | undefined {
    const stored = this.results.get(document.uri.toString());
    return stored && stored.version === document.version ? stored : undefined;
  }

  languageFor(document: vscode.TextDocument, settings = readSettings(document.uri)): string | undefined {
    const picked = this.languageOverrides.get(document.uri.toString());
    if (picked) return picked;
    return settings.engine.language && settings.engine.language !== 'auto' ? settings.engine.language : undefined;
  }

  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.shouldLint(document)) this.lint(document);
      else this.forget(document);
    }
  }

  /** The writer closed the document's last tab: its problems leave the Problems panel with it. */
  tabClosed(document: vscode.TextDocument): void {
    this.forget(document);
    this.closedTabs.add(document.uri.toString());
  }

  closed(document: vscode.TextDocument): void {
    this.forget(document);
    this.closedTabs.delete(document.uri.toString());
  }

  /** The document was opened (again): lint it as usual. */
  opened(document: vscode.TextDocument): void {
    this.closedTabs.delete(document.uri.toString());
    this.lint(document);
  }

  forget(document: vscode.TextDocument): void {
    this.cancel(document);
    const key = document.uri.toString();
    this.results.delete(key);
    this.collection.delete(document.uri);
    this.setProblems(key, []);
    this.changed.fire(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.collection.dispose();
    this.fileProblems.dispose();
    this.changed.dispose();
  }

  private cancel(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  /** Every open document may see the same broken rule file; show each problem once, in that file. */
  private setProblems(documentKey: string, problems: FileProblem[]): void {
    if (problems.length) this.problemsByDocument.set(documentKey, problems);
    else if (!this.problemsByDocument.delete(documentKey)) return;
    const byFile = new Map<string, Map<string, vscode.Diagnostic>>();
    for (const problem of [...this.problemsByDocument.values()].flat()) {
      const diagnostic = problemDiagnostic(problem);
      const seen = byFile.get(problem.file) ?? new Map<string, vscode.Diagnostic>();
      seen.set(`${problem.line}:${problem.column}:${problem.message}`, diagnostic);
      byFile.set(problem.file, seen);
    }
    this.fileProblems.clear();
    for (const [file, diagnostics] of byFile) this.fileProblems.set(vscode.Uri.file(file), [...diagnostics.values()]);
  }
}

/**
 * The file name the engine sees. An untitled document is named as if it were saved in the
 * first workspace folder with its language's extension, so it is read as Markdown/HTML/template
 * and the workspace's .warmlyrc.yaml applies to it as it will once saved.
 */
export function fileName(document: vscode.TextDocument): string | undefined {
  if (document.uri.scheme === 'file') return document.uri.fsPath;
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  const name = `${path.basename(document.uri.path) || 'Untitled'}.${EXTENSIONS[document.languageId] ?? 'txt'}`;
  return folder ? path.join(folder.uri.fsPath, name) : undefined;
}

const EXTENSIONS: Record<string, string> = {
  markdown: 'md', html: 'html', plaintext: 'txt', handlebars: 'hbs', 'reply-template': 'reply',
  liquid: 'liquid', jinja: 'j2', 'jinja-html': 'j2', 'django-html': 'j2', twig: 'twig', nunjucks: 'njk',
};

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function findingRange(document: vscode.TextDocument, finding: Finding): vscode.Range {
  return new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
}

function toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(findingRange(document, finding), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'warmly';
  // The id links to the rule's page, and is how code actions find the finding again.
  diagnostic.code = finding.url ? { value: finding.ruleId, target: vscode.Uri.parse(finding.url) } : finding.ruleId;
  return diagnostic;
}

function problemDiagnostic(problem: FileProblem): vscode.Diagnostic {
  const line = Math.max(problem.line - 1, 0), column = Math.max(problem.column - 1, 0);
  const end = problem.endLine && problem.endColumn
    ? new vscode.Position(problem.endLine - 1, problem.endColumn - 1)
    : new vscode.Position(line, column + 1);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, end.line, end.character), problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'warmly';
  return diagnostic;
}

/** The rule id a Warmly diagnostic carries, or undefined for others' diagnostics. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'warmly') return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object') return String(code.value);
  return undefined;
}
