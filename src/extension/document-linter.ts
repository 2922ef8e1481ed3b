// The extension's core, with nothing from vscode: each open document's DocumentRun (or, for a
// .json or .csv file, the ExportRun the CLI opens for it: a helpdesk export is recognised by its
// content and linted reply by reply), kept per version (and picked language), so diagnostics,
// hovers, quick fixes, fix-all and disable-line all read the one run of the text the writer sees.
// The integration-free tests drive this class with the same documents as the CLI and compare the
// findings exactly.
import { applyEdits, preferredEdits, type DocumentRun, type Engine, type FileProblem, type Finding } from '../core';
import { ExportRun } from '../core/helpdesk';

/** What the linter needs to know of an editor document. */
export interface DocumentSnapshot {
  /** A stable key (the URI). */
  key: string;
  version: number;
  text: string;
  /** The file's path; undefined for an unsaved document. */
  fileName?: string;
  /** For an unsaved document: the folder whose config applies. */
  dir?: string;
  /** The file type id from the VS Code language id (formats.ts); decides what is prose. */
  format?: string;
  /** A .json or .csv file: opened as a helpdesk export (whether it is one is read from its content). */
  export?: boolean;
}

export type Run = DocumentRun | ExportRun;

export interface DocumentResult {
  version: number;
  language: string;
  languageSource: string;
  /** Empty when the config's `ignore:` leaves the file out, as the CLI skips it. */
  findings: Finding[];
  /** Problems in config and rule files, reported against those files. */
  problems: FileProblem[];
  ignored: boolean;
  /** A .json or .csv file that is no helpdesk export: why not (it has no findings). */
  notExport?: string;
}

interface Entry {
  version: number;
  engine: Engine;
  language: string | undefined;
  run: Run;
}

export class DocumentLinter {
  private readonly runs = new Map<string, Entry>();

  /** The document's run for this version, engine and language; opened once for each. */
  run(document: DocumentSnapshot, engine: Engine, language?: string): Run {
    const held = this.runs.get(document.key);
    if (held && held.version === document.version && held.engine === engine && held.language === language)
      return held.run;
    const { text, fileName, format, dir } = document;
    const run =
      document.export && fileName
        ? engine.openExport({ fileName, text, language })
        : engine.open({ text, fileName, format, dir, language });
    this.runs.set(document.key, { version: document.version, engine, language, run });
    return run;
  }

  /** What the editor shows for the document: its run's findings, or none where the config ignores it. */
  result(document: DocumentSnapshot, engine: Engine, language?: string): DocumentResult {
    const run = this.run(document, engine, language);
    const base = { version: document.version, problems: run.problems, ignored: run.ignored };
    if (run.ignored) return { ...base, language: language ?? 'auto', languageSource: 'ignored', findings: [] };
    if (run instanceof ExportRun) {
      const r = run.lint();
      if (r.kind === 'not-export')
        return { ...base, language: language ?? 'auto', languageSource: 'none', findings: [], notExport: r.reason };
      // A snippet is the rewrite unescaped; in a JSON string or CSV field only the escaped text is safe.
      const findings = r.findings.map((f) => ({
        ...f,
        suggestions: f.suggestions.map((s) => ({ ...s, snippet: undefined })),
      }));
      return { ...base, language: r.language, languageSource: 'export', findings };
    }
    const r = run.lint();
    return { ...base, language: r.language, languageSource: r.languageSource, findings: r.findings };
  }

  /**
   * The text with every fix applied (or one rule's). An export is fixed reply by reply, inside
   * its strings; one rule's fixes there are applied in one round, each escaped as the file writes.
   */
  fixed(document: DocumentSnapshot, engine: Engine, language?: string, ruleId?: string): string {
    const run = this.run(document, engine, language);
    if (!(run instanceof ExportRun)) return run.fix(ruleId ? { ruleId } : {}).output;
    if (!ruleId) {
      const fix = run.fix();
      return 'output' in fix ? fix.output : document.text;
    }
    const findings = this.result(document, engine, language).findings.filter((f) => f.ruleId === ruleId);
    return applyEdits(document.text, preferredEdits(findings)).output;
  }

  /** The comment that silences a rule on the next line; none in an export (it would reach the customer). */
  suppressionComment(
    document: DocumentSnapshot,
    engine: Engine,
    ruleId: string,
    language?: string,
  ): string | undefined {
    const run = this.run(document, engine, language);
    return run instanceof ExportRun ? undefined : run.suppressionComment(ruleId);
  }

  forget(key: string): void {
    this.runs.delete(key);
  }

  /** A rule or config file changed: no run may be reused. */
  clear(): void {
    this.runs.clear();
  }
}
