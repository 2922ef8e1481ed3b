// The status bar shows how many findings the active document has and which language its rules
// come from; clicking it lets the writer pick the language when detection got it wrong. When a
// config or rule file that governs the document is broken, it turns to a warning instead, and
// clicking it opens that file at the problem.
import * as vscode from 'vscode';
import { LANGUAGES, type FileProblem } from '../core';
import { governingProblems } from './diagnostics';
import type { Documents } from './documents';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('warmly.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** What the status bar shows now, or undefined when hidden (read by the integration tests). */
  shown: string | undefined;

  /** @param held whether a broken config's last good version is in force (ConfigHealth.isHeld). */
  constructor(
    private readonly documents: Documents,
    private readonly held: (file: string) => boolean = () => false,
  ) {
    this.item.name = 'Warmly';
    this.item.command = 'warmly.selectLanguage';
    this.subscriptions.push(
      documents.onDidLint((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && this.documents.result(document);
    // A .json or .csv file that is no helpdesk export is not Warmly's business.
    if (!document || !result || result.notExport !== undefined) {
      this.item.hide();
      this.shown = undefined;
      return;
    }
    if (result.ignored) {
      this.item.text = '$(circle-slash) Warmly · ignored';
      this.item.tooltip = 'Warmly: this file is left out by "ignore:" in .warmlyrc.yaml, as the CLI leaves it out.';
      this.item.show();
      this.shown = this.item.text;
      return;
    }
    const count = result.findings.length;
    const how =
      result.languageSource === 'export'
        ? 'detected in each reply of this helpdesk export'
        : result.languageSource === 'detected' || result.languageSource === 'default'
          ? result.languageSource
          : 'set';
    this.item.text = `${count ? '$(warning)' : '$(check)'} Warmly ${count} · ${result.language}`;
    const findings = `${count} finding${count === 1 ? '' : 's'}`;
    this.item.tooltip = `Warmly: ${findings}; rules in ${result.language} (${how}). Click to pick the language.`;
    this.item.command = 'warmly.selectLanguage';
    this.item.backgroundColor = undefined;
    const governing = governingProblems(document, result.problems);
    if (governing.length) this.showProblem(governing, findings);
    this.item.show();
    this.shown = this.item.text;
  }

  // A broken config or rule file: warning colours, what is wrong and where, a click away from it.
  private showProblem(problems: FileProblem[], findings: string): void {
    const [first] = problems;
    const file = vscode.workspace.asRelativePath(first.file);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    const keeping = problems.some((p) => this.held(p.file))
      ? 'its last good version applies until it is fixed'
      : 'what it would add is not applied until it is fixed';
    this.item.text = `$(warning) Warmly: ${file} problem`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.tooltip =
      `Warmly: ${file}:${first.line}:${first.column}: ${first.message}${more}. ` +
      `This document has ${findings}; ${keeping}. Click to open ${file} at the problem.`;
    this.item.command = {
      title: `Open ${file} at the problem`,
      command: 'warmly.openProblem',
      arguments: [first.file, first.line, first.column],
    };
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Opens a config or rule file with the cursor on a problem (1-based line and column). */
export async function openProblem(file: string, line: number, column: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const at = new vscode.Position(Math.max(line - 1, 0), Math.max(column - 1, 0));
  return vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), preview: false });
}

/** Lets the writer fix the language of one document; "auto" goes back to settings/detection. */
export async function selectLanguage(documents: Documents, picked?: string): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return;
  let code = picked;
  if (code === undefined) {
    const current = documents.result(document)?.language;
    const items = [
      { label: 'Auto', description: 'settings, file name, front matter, then detection', code: 'auto' },
      ...LANGUAGES.map((l) => ({
        label: l.name,
        description: l.code + (l.code === current ? ' (current)' : ''),
        code: l.code,
      })),
    ];
    code = (await vscode.window.showQuickPick(items, { title: 'Warmly: language of this document' }))?.code;
    if (code === undefined) return;
  }
  documents.pickLanguage(document, code);
}
