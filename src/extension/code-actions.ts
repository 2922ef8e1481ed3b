// Quick fixes for findings: each rewrite, titled by what it does (the fix preferred; a
// suggestion with a slot as a snippet), fix-all for the rule and for the document (fixes only,
// never suggestions), silencing one line where the format has a comment, or the rule in
// .warmlyrc.yaml, and `source.fixAll.warmly` so `editor.codeActionsOnSave` applies the fixes.
import * as vscode from 'vscode';
import { changedSpan, type Finding, type Suggestion } from '../core';
import { disableActions } from './disable-in-config';
import { findingRange, ruleIdOf } from './diagnostics';
import type { Documents } from './documents';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('warmly');

/** Fix-all actions carry what they will fix; the edit is computed only when one is chosen. */
class FixAllAction extends vscode.CodeAction {
  constructor(
    title: string,
    kind: vscode.CodeActionKind,
    readonly document: vscode.TextDocument,
    readonly ruleId?: string,
  ) {
    super(title, kind);
  }
}

export class CodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly documents: Documents) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (!this.documents.shouldLint(document)) return [];
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) {
      // Asked for source actions only (e.g. on save): offer the document-wide fix, nothing else.
      // It is offered even when the shown findings are stale (typing, then saving at once): its
      // edit is computed from the current text when it is applied.
      if (!context.only.intersects(FIX_ALL_KIND)) return [];
      return [new FixAllAction('Fix all Warmly findings', FIX_ALL_KIND, document)];
    }

    const findings = this.documents.findings(document);
    const actions: vscode.CodeAction[] = [];
    const here = findings.filter((finding) => findingRange(document, finding).intersection(range) !== undefined);
    // Rule-wide actions once per rule, and one "for this line" per rule and line, even when
    // several findings overlap the selection.
    const ruleActionsFor = new Set<string>();
    for (const finding of here) {
      const diagnostic = context.diagnostics.find(
        (d) => ruleIdOf(d) === finding.ruleId && d.range.isEqual(findingRange(document, finding)),
      );
      const attach = (action: vscode.CodeAction) => {
        if (diagnostic) action.diagnostics = [diagnostic];
        actions.push(action);
      };
      for (const suggestion of finding.suggestions) attach(rewriteAction(document, suggestion));
      const firstOfRule = !ruleActionsFor.has(finding.ruleId);
      ruleActionsFor.add(finding.ruleId);
      const sameRule = findings.filter((other) => other.ruleId === finding.ruleId && fixable(other));
      if (firstOfRule && sameRule.length > 1) {
        attach(
          new FixAllAction(
            `Fix all ${finding.ruleId} findings`,
            vscode.CodeActionKind.QuickFix,
            document,
            finding.ruleId,
          ),
        );
      }
      const lineKey = `${finding.ruleId}@${findingRange(document, finding).start.line}`;
      const disableLine = ruleActionsFor.has(lineKey) ? undefined : this.disableLine(document, finding);
      if (disableLine) attach(disableLine);
      ruleActionsFor.add(lineKey);
      if (firstOfRule) for (const action of this.disableRuleActions(document, finding.ruleId)) attach(action);
    }
    if (here.length && findings.filter(fixable).length > 1) {
      actions.push(new FixAllAction('Fix all Warmly findings', vscode.CodeActionKind.QuickFix, document));
    }
    return actions;
  }

  /** Once per rule: turn it off in .warmlyrc.yaml (where CI reads it too) or in the writer's user settings. */
  private disableRuleActions(document: vscode.TextDocument, ruleId: string): vscode.CodeAction[] {
    // Formats without a safe comment also get "for this file" and "for this folder".
    const hasComment = this.documents.suppressionComment(document, ruleId) !== undefined;
    const personal = new vscode.CodeAction(`Disable ${ruleId} in my user settings`, vscode.CodeActionKind.QuickFix);
    personal.command = { title: personal.title, command: 'warmly.disableRule', arguments: [ruleId, document.uri] };
    return [...disableActions(ruleId, document.uri, hasComment), personal];
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof FixAllAction && !action.edit) {
      const edit = this.fixAllEdit(action.document, action.ruleId);
      if (edit) action.edit = edit;
    }
    return action;
  }

  /** One minimal edit that turns the document into the engine's fixed text, or undefined if nothing changes. */
  fixAllEdit(document: vscode.TextDocument, ruleId?: string): vscode.WorkspaceEdit | undefined {
    const text = document.getText();
    // The run of the text as it is now: its lint (the one the squiggles show) is the fix's first round.
    const output = this.documents.fixed(document, ruleId);
    const span = changedSpan(text, output);
    if (!span) return undefined;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)),
      span.text,
    );
    return edit;
  }

  /** "Disable for this line", where the document's format has a comment that is safe to add. */
  private disableLine(document: vscode.TextDocument, finding: Finding): vscode.CodeAction | undefined {
    const comment = this.documents.suppressionComment(document, finding.ruleId);
    if (!comment) return undefined;
    const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
    const line = document.lineAt(findingRange(document, finding).start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, line.range.start, `${indent}${comment}${eol}`);
    return action;
  }
}

function fixable(finding: Finding): boolean {
  return finding.suggestions.some((s) => s.kind === 'fix');
}

/**
 * One rewrite as a quick fix, titled by what it does. The fix is the preferred action; a
 * suggestion with a slot is a snippet, so the cursor lands where the writer fills in the time.
 */
function rewriteAction(document: vscode.TextDocument, suggestion: Suggestion): vscode.CodeAction {
  const title = suggestion.title ?? `Replace with '${suggestion.text}'`;
  const action = new vscode.CodeAction(
    suggestion.kind === 'fix' ? title : `${title} — suggestion`,
    vscode.CodeActionKind.QuickFix,
  );
  const range = new vscode.Range(document.positionAt(suggestion.start), document.positionAt(suggestion.end));
  action.edit = new vscode.WorkspaceEdit();
  if (suggestion.snippet)
    action.edit.set(document.uri, [new vscode.SnippetTextEdit(range, new vscode.SnippetString(suggestion.snippet))]);
  else action.edit.replace(document.uri, range, suggestion.text);
  action.isPreferred = suggestion.kind === 'fix';
  return action;
}
