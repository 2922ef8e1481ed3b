// Which documents are linted and when: warmly.fileTypes and warmly.enable, the pause after
// typing, closed tabs, and the language a writer picked. It turns an editor document into a
// DocumentSnapshot (format from the VS Code language id, never from an invented file name), asks
// the DocumentLinter for its run, and hands the result to the views (diagnostics, file problems).
import * as vscode from 'vscode';
import type { Log } from './log';
import { formatForLanguageId, isExportFileName, type Finding } from '../core';
import { DocumentLinter, type DocumentResult, type DocumentSnapshot, type Run } from './document-linter';
import type { DiagnosticsView } from './diagnostics';
import type { Engines } from './engines';
import type { FileProblemsView } from './file-problems';
import { readSettings, type WarmlySettings } from './settings';

/** A lint as the extension shows it: the core's result and the wall time it took (engine and conversion). */
export interface ShownResult extends DocumentResult {
  ms: number;
}

const TYPING_DELAY_MS = 250;

export class Documents implements vscode.Disposable {
  private readonly linter = new DocumentLinter();
  private readonly shown = new Map<string, ShownResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose last tab was closed: VS Code keeps them open a while; unlinted until shown again. */
  private readonly closedTabs = new Set<string>();
  /** Languages picked from the status bar, per document, for this session. */
  private readonly picked = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were replaced. */
  readonly onDidLint = this.changed.event;

  constructor(
    private readonly engines: Engines,
    private readonly diagnostics: DiagnosticsView,
    private readonly problems: FileProblemsView,
    private readonly log?: Log,
  ) {}

  shouldLint(document: vscode.TextDocument, settings = readSettings(document.uri)): boolean {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
    // A .json or .csv file may be a helpdesk export whatever its language id: its content decides.
    return settings.enable && (settings.fileTypes.includes(document.languageId) || isExport(document));
  }

  /** The document's run for its current text (what quick fixes, fix-all and disable-line use). */
  run(document: vscode.TextDocument, settings = readSettings(document.uri)): Run {
    return this.linter.run(snapshot(document), this.engines.engineFor(settings), this.languageFor(document, settings));
  }

  /** The document's text with every fix applied, or one rule's (fix-all). */
  fixed(document: vscode.TextDocument, ruleId?: string): string {
    const settings = readSettings(document.uri);
    const engine = this.engines.engineFor(settings);
    return this.linter.fixed(snapshot(document), engine, this.languageFor(document, settings), ruleId);
  }

  /** The comment that silences a rule on the next line, where the document's format has a safe one. */
  suppressionComment(document: vscode.TextDocument, ruleId: string): string | undefined {
    const settings = readSettings(document.uri);
    const engine = this.engines.engineFor(settings);
    return this.linter.suppressionComment(snapshot(document), engine, ruleId, this.languageFor(document, settings));
  }

  /** Lints now (`fresh`: even when this version was linted) and publishes; undefined when not linted. */
  refresh(document: vscode.TextDocument, fresh = false): ShownResult | undefined {
    this.cancel(document);
    const settings = readSettings(document.uri);
    const key = document.uri.toString();
    if (this.closedTabs.has(key)) return undefined;
    if (!this.shouldLint(document, settings)) {
      this.forget(document);
      return undefined;
    }
    if (fresh) this.linter.forget(key);
    const started = performance.now();
    let result: DocumentResult;
    try {
      result = this.linter.result(
        snapshot(document),
        this.engines.engineFor(settings),
        this.languageFor(document, settings),
      );
    } catch (error) {
      // An engine bug must not take the editor's other features down; the last findings stay.
      this.log?.error(`lint of ${document.uri.toString(true)} failed`, error);
      return undefined;
    }
    this.diagnostics.show(document, result.findings, result.problems);
    const entry = { ...result, ms: performance.now() - started };
    this.shown.set(key, entry);
    this.problems.set(key, result.problems);
    this.changed.fire(document);
    return entry;
  }

  /** Lint after the writer pauses typing. */
  schedule(document: vscode.TextDocument, delay = TYPING_DELAY_MS): void {
    this.cancel(document);
    const key = document.uri.toString();
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) this.refresh(document);
    }, delay);
    this.timers.set(key, timer);
  }

  /**
   * Findings that describe the document as it is now. Stale ones are refreshed when linting on
   * type (the writer would see them a moment later anyway); on save, what is shown is what counts.
   */
  findings(document: vscode.TextDocument): Finding[] {
    const stored = this.result(document);
    if (stored) return stored.findings;
    if (readSettings(document.uri).run === 'onSave') return [];
    return this.refresh(document)?.findings ?? [];
  }

  /** The shown result, if it describes the document's current version. */
  result(document: vscode.TextDocument): ShownResult | undefined {
    const stored = this.shown.get(document.uri.toString());
    return stored && stored.version === document.version ? stored : undefined;
  }

  /** The writer picked a language for this document ('auto': back to settings and detection). */
  pickLanguage(document: vscode.TextDocument, code: string): void {
    if (code === 'auto') this.picked.delete(document.uri.toString());
    else this.picked.set(document.uri.toString(), code);
    this.refresh(document);
  }

  /** Lints documents that became visible and have no result (e.g. a reopened tab whose problems were dropped). */
  lintVisible(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) {
      const key = editor.document.uri.toString();
      this.closedTabs.delete(key);
      if (!this.shown.has(key) && this.shouldLint(editor.document)) this.refresh(editor.document);
    }
  }

  /** Rules, config or settings changed: every open document is linted afresh. */
  lintOpenDocuments(): void {
    this.linter.clear();
    for (const document of vscode.workspace.textDocuments) {
      if (this.shouldLint(document)) this.refresh(document);
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
    this.refresh(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.changed.dispose();
  }

  private forget(document: vscode.TextDocument): void {
    this.cancel(document);
    const key = document.uri.toString();
    this.linter.forget(key);
    this.shown.delete(key);
    this.diagnostics.clear(document);
    this.problems.set(key, []);
    this.changed.fire(document);
  }

  private languageFor(document: vscode.TextDocument, settings: WarmlySettings): string | undefined {
    const picked = this.picked.get(document.uri.toString());
    if (picked) return picked;
    return settings.engine.language && settings.engine.language !== 'auto' ? settings.engine.language : undefined;
  }

  private cancel(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}

/**
 * What the core sees of an editor document. The format comes from the language id; an unsaved
 * document has no file name, and the first workspace folder's config applies to it, as it will
 * once it is saved there.
 */
export function snapshot(document: vscode.TextDocument): DocumentSnapshot {
  const base = {
    key: document.uri.toString(),
    version: document.version,
    text: document.getText(),
    format: formatForLanguageId(document.languageId, document.uri.path),
  };
  if (document.uri.scheme === 'file') return { ...base, fileName: document.uri.fsPath, export: isExport(document) };
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return { ...base, dir: folder?.uri.fsPath };
}

/** A saved .json or .csv file: linted as a helpdesk export when its content is one (never as prose). */
function isExport(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && isExportFileName(document.uri.fsPath);
}
