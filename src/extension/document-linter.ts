// The extension's core, with nothing from vscode: each open document's DocumentRun, kept per
// version (and picked language), so diagnostics, hovers, quick fixes, fix-all and disable-line
// all read the one run of the text the writer sees. The integration-free tests drive this class
// with the same documents as the CLI and compare the findings exactly.
import type { DocumentRun, Engine, FileProblem, Finding } from '../core';

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
}

export interface DocumentResult {
  version: number;
  language: string;
  languageSource: string;
  /** Empty when the config's `ignore:` leaves the file out, as the CLI skips it. */
  findings: Finding[];
  /** Problems in config and rule files, reported against those files. */
  problems: FileProblem[];
  ignored: boolean;
}

interface Entry {
  version: number;
  engine: Engine;
  language: string | undefined;
  run: DocumentRun;
}

export class DocumentLinter {
  private readonly runs = new Map<string, Entry>();

  /** The document's run for this version, engine and language; opened once for each. */
  run(document: DocumentSnapshot, engine: Engine, language?: string): DocumentRun {
    const held = this.runs.get(document.key);
    if (held && held.version === document.version && held.engine === engine && held.language === language)
      return held.run;
    const { text, fileName, format, dir } = document;
    const run = engine.open({ text, fileName, format, dir, language });
    this.runs.set(document.key, { version: document.version, engine, language, run });
    return run;
  }

  /** What the editor shows for the document: its run's findings, or none where the config ignores it. */
  result(document: DocumentSnapshot, engine: Engine, language?: string): DocumentResult {
    const run = this.run(document, engine, language);
    const base = { version: document.version, problems: run.problems, ignored: run.ignored };
    if (run.ignored) return { ...base, language: language ?? 'auto', languageSource: 'ignored', findings: [] };
    const r = run.lint();
    return { ...base, language: r.language, languageSource: r.languageSource, findings: r.findings };
  }

  forget(key: string): void {
    this.runs.delete(key);
  }

  /** A rule or config file changed: no run may be reused. */
  clear(): void {
    this.runs.clear();
  }
}
