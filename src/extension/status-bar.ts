// The status bar shows how many findings the active document has and which language its rules
// come from; clicking it lets the writer pick the language when detection got it wrong.
import * as vscode from 'vscode';
import { LANGUAGES } from '../core';
import type { Documents } from './documents';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('warmly.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** What the status bar shows now, or undefined when hidden (read by the integration tests). */
  shown: string | undefined;

  constructor(private readonly documents: Documents) {
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
    if (!document || !result) {
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
      result.languageSource === 'detected' ? 'detected' : result.languageSource === 'default' ? 'default' : 'set';
    this.item.text = `${count ? '$(warning)' : '$(check)'} Warmly ${count} · ${result.language}`;
    const findings = `${count} finding${count === 1 ? '' : 's'}`;
    this.item.tooltip = `Warmly: ${findings}; rules in ${result.language} (${how}). Click to pick the language.`;
    this.item.show();
    this.shown = this.item.text;
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
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
