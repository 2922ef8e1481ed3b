// Lints open documents and publishes their diagnostics. Opening and saving lint at once; typing
// is debounced per document, so a burst of changes costs one lint. A lint awaits the client's
// settings, and a result whose document changed meanwhile is dropped (a newer lint is coming):
// what is published, and what code actions and hovers read, always describes one exact version.
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentRun, FileProblem, Finding } from '../core/index';
import { placeOf, problemDiagnostic, toDiagnostic } from './convert';
import { type Engines, findingsOf, openDocument } from './engines';
import type { ServerSettings, Settings } from './settings';

export interface DocumentResult {
  uri: string;
  version: number;
  /** The engine's run for this version: code actions fix and silence through it. */
  run: DocumentRun;
  findings: Finding[];
  settings: ServerSettings;
}

export class Linter {
  private readonly results = new Map<string, DocumentResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Config and rule-file problems, by the document whose lint found them, shown in those files. */
  private readonly problems = new Map<string, FileProblem[]>();
  private problemFiles = new Set<string>();
  private problemsSent = '';

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: Settings,
    private readonly engines: Engines,
    private readonly folders: () => string[],
    private readonly debounceMs: number,
  ) {}

  /** Lint after the writer pauses typing (or not at all while typing, with run: onSave). */
  changed(document: TextDocument): void {
    this.cancel(document.uri);
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        void this.settings.for(document.uri).then((s) => (s.run === 'onType' ? this.lint(document.uri) : undefined));
      }, this.debounceMs),
    );
  }

  /** Lints the document's current version now; undefined if it changed meanwhile, closed, or is off. */
  async lint(uri: string): Promise<DocumentResult | undefined> {
    this.cancel(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const version = document.version;
    const settings = await this.settings.for(uri);
    const now = this.documents.get(uri);
    if (!now || now.version !== version) return undefined;
    if (!settings.enable) {
      this.forget(uri);
      return undefined;
    }
    let run: DocumentRun;
    let findings: Finding[];
    try {
      run = openDocument(
        this.engines.engineFor(settings.engine),
        document.getText(),
        placeOf(uri, document.languageId, this.folders()),
        settings.engine.language,
      );
      findings = findingsOf(run);
    } catch (error) {
      // An engine bug must not take the server down; the last diagnostics stay.
      this.connection.console.error(
        `warmly: lint of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return undefined;
    }
    const result: DocumentResult = {
      uri,
      version,
      run,
      findings,
      settings,
    };
    this.results.set(uri, result);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(document, f)) });
    this.setProblems(uri, run.problems);
    return result;
  }

  /**
   * The findings of the document as it is now, for code actions and hovers. A stale result is
   * refreshed while typing; with run: onSave what is shown is what counts, so nothing is offered.
   */
  async current(uri: string): Promise<DocumentResult | undefined> {
    const document = this.documents.get(uri);
    const stored = this.results.get(uri);
    if (!document) return undefined;
    if (stored && stored.version === document.version) return stored;
    if ((await this.settings.for(uri)).run === 'onSave') return undefined;
    return this.lint(uri);
  }

  async lintAll(): Promise<void> {
    await Promise.all(this.documents.all().map((d) => this.lint(d.uri)));
  }

  /** The document was closed: its diagnostics go with it. */
  forget(uri: string): void {
    this.cancel(uri);
    this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.setProblems(uri, []);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Every open document may see the same broken rule file; each problem is shown once, in that file. */
  private setProblems(uri: string, problems: FileProblem[]): void {
    if (problems.length) this.problems.set(uri, problems);
    else if (!this.problems.delete(uri)) return;
    const byFile = new Map<string, Map<string, FileProblem>>();
    for (const problem of [...this.problems.values()].flat()) {
      const seen = byFile.get(problem.file) ?? new Map<string, FileProblem>();
      seen.set(`${problem.line}:${problem.column}:${problem.message}`, problem);
      byFile.set(problem.file, seen);
    }
    // Each lint reports them again; the client hears only of a change.
    const sent = JSON.stringify([...byFile].map(([file, seen]) => [file, [...seen.keys()]]));
    if (sent === this.problemsSent) return;
    this.problemsSent = sent;
    for (const file of this.problemFiles) {
      if (!byFile.has(file)) void this.connection.sendDiagnostics({ uri: fileUri(file), diagnostics: [] });
    }
    for (const [file, seen] of byFile) {
      void this.connection.sendDiagnostics({
        uri: fileUri(file),
        diagnostics: [...seen.values()].map(problemDiagnostic),
      });
    }
    this.problemFiles = new Set(byFile.keys());
  }
}

function fileUri(file: string): string {
  return pathToFileURL(file).href;
}
