// Problems in .warmlyrc.yaml and rule files, shown in those files (their own collection: other
// owners than the documents' findings). Every open document may see the same broken rule file;
// each problem is shown once, and leaves when no open document is governed by it any more.
import * as vscode from 'vscode';
import type { Log } from './log';
import type { FileProblem } from '../core';

export class FileProblemsView implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('warmly-rules');
  private readonly byDocument = new Map<string, FileProblem[]>();
  /** Problems already written to the output channel, so a problem is logged once, not per document. */
  private readonly logged = new Set<string>();

  constructor(private readonly log?: Log) {}

  /** The problems that govern one document (by its key); an empty list forgets it. */
  set(documentKey: string, problems: FileProblem[]): void {
    if (problems.length) this.byDocument.set(documentKey, problems);
    else if (!this.byDocument.delete(documentKey)) return;
    const byFile = new Map<string, Map<string, vscode.Diagnostic>>();
    for (const problem of [...this.byDocument.values()].flat()) {
      const seen = byFile.get(problem.file) ?? new Map<string, vscode.Diagnostic>();
      seen.set(`${problem.line}:${problem.column}: ${problem.message}`, problemDiagnostic(problem));
      byFile.set(problem.file, seen);
    }
    const current = new Set(
      [...byFile.entries()].flatMap(([file, d]) =>
        [...d.keys()].map((k) => `${vscode.workspace.asRelativePath(file)}:${k}`),
      ),
    );
    for (const key of current) if (!this.logged.has(key)) this.log?.warn(`problem in ${key}`);
    this.logged.clear();
    for (const key of current) this.logged.add(key);
    this.collection.clear();
    for (const [file, diagnostics] of byFile) this.collection.set(vscode.Uri.file(file), [...diagnostics.values()]);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function problemDiagnostic(problem: FileProblem): vscode.Diagnostic {
  const line = Math.max(problem.line - 1, 0);
  const column = Math.max(problem.column - 1, 0);
  const end =
    problem.endLine && problem.endColumn
      ? new vscode.Position(problem.endLine - 1, problem.endColumn - 1)
      : new vscode.Position(line, column + 1);
  const range = new vscode.Range(line, column, end.line, end.character);
  const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'warmly';
  return diagnostic;
}
