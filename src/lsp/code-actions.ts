// Code actions for findings: each rewrite as a quick fix (the fix preferred, suggestions only
// offered, slots as snippet tab stops where the client takes snippet edits), fix-all for the
// document (also as `source.fixAll.warmly`, for fix-on-save), and a comment that silences the
// rule for one line. Fix-all edits are computed when one is chosen,
// if the client can resolve actions, since they re-lint the document until it settles.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { changedSpan, type Finding, type Suggestion } from '../core/index';
import { rangeOf, touches } from './convert';
import type { DocumentResult } from './lint-documents';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.warmly`;
export const ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** What a fix-all action carries until it is resolved. */
interface FixAllData {
  warmlyFixAll: { uri: string; version: number };
}

/** A rewrite is a fix (safe to apply unasked, as fix-all does) or a suggestion (offered only). */
export function isFix(finding: Finding, index: number): boolean {
  return finding.suggestions[index]?.kind === 'fix';
}

/** What the client can take: edits resolved later, snippet edits (a rewrite's slots as tab stops). */
export interface ClientSupport {
  resolvable: boolean;
  snippets: boolean;
}

export function codeActions(
  document: TextDocument,
  result: DocumentResult,
  params: CodeActionParams,
  support: ClientSupport,
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const fixAll = (title: string, kind: string): CodeAction[] => {
    if (support.resolvable)
      return [
        { title, kind, data: { warmlyFixAll: { uri: document.uri, version: document.version } } satisfies FixAllData },
      ];
    const edit = fixAllEdit(document, result);
    return edit ? [{ title, kind, edit }] : [];
  };
  // Asked for source actions only (fix-on-save): the document-wide fix, nothing else.
  if (!wants(CodeActionKind.QuickFix))
    return wants(FIX_ALL_KIND) ? fixAll('Fix all Warmly findings', FIX_ALL_KIND) : [];

  const actions: CodeAction[] = [];
  const here = result.findings.filter((f) => touches(document, f, params.range));
  const silenced = new Set<string>();
  for (const finding of here) {
    const diagnostic = params.context.diagnostics.find((d) => sameFinding(document, d, finding));
    const diagnostics = diagnostic ? [diagnostic] : undefined;
    finding.suggestions.forEach((suggestion, index) => {
      const fix = isFix(finding, index);
      actions.push({
        title: `${fix ? 'Warmer' : 'Suggestion'}: ${suggestion.text || `remove “${finding.actual}”`}`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: fix,
        edit: rewriteEdit(document, suggestion, support.snippets),
      });
    });
    const line = document.positionAt(finding.start).line;
    if (!silenced.has(`${finding.ruleId}@${line}`)) {
      silenced.add(`${finding.ruleId}@${line}`);
      const silence = disableLine(document, finding, line, result);
      if (silence) actions.push({ ...silence, diagnostics });
    }
  }
  const fixable = result.findings.filter((f) => f.suggestions.some((_, i) => isFix(f, i)));
  if (here.length && fixable.length > 1) actions.push(...fixAll('Fix all Warmly findings', CodeActionKind.QuickFix));
  if (wants(FIX_ALL_KIND) && only) actions.push(...fixAll('Fix all Warmly findings', FIX_ALL_KIND));
  return actions;
}

/** Fills in a fix-all action's edit; a document changed since the action was offered gets no edit. */
export function resolveCodeAction(
  action: CodeAction,
  document: TextDocument | undefined,
  result: DocumentResult | undefined,
): CodeAction {
  const data = (action.data as Partial<FixAllData> | undefined)?.warmlyFixAll;
  if (!data || !document || !result || document.version !== data.version) return action;
  const edit = fixAllEdit(document, result);
  return edit ? { ...action, edit } : action;
}

/** A rewrite with slots ("by [time]") is a snippet for clients that take one, so the writer tabs to each slot. */
function rewriteEdit(document: TextDocument, suggestion: Suggestion, snippets: boolean): WorkspaceEdit {
  const range = rangeOf(document, suggestion.start, suggestion.end);
  if (!snippets || !suggestion.snippet) return { changes: { [document.uri]: [{ range, newText: suggestion.text }] } };
  const edit: SnippetTextEdit = { range, snippet: { kind: 'snippet', value: suggestion.snippet } };
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [edit] }] };
}

/** One edit that turns the document into the engine's fixed text, changing only the middle that differs. */
function fixAllEdit(document: TextDocument, result: DocumentResult): CodeAction['edit'] {
  const text = document.getText();
  const span = changedSpan(text, result.run.fix().output);
  if (!span) return undefined;
  const edit: TextEdit = { range: rangeOf(document, span.start, span.end), newText: span.text };
  return { changes: { [document.uri]: [edit] } };
}

/** A suppression comment on its own line above the finding, indented like it, in the format's comment syntax. */
function disableLine(
  document: TextDocument,
  finding: Finding,
  line: number,
  result: DocumentResult,
): CodeAction | undefined {
  const comment = result.run.suppressionComment(finding.ruleId);
  if (!comment) return undefined;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = /\r\n/.test(document.getText()) ? '\r\n' : '\n';
  const at = { line, character: 0 };
  return {
    title: `Disable ${finding.ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: `${indent}${comment}${eol}` }] } },
  };
}

function sameFinding(document: TextDocument, diagnostic: Diagnostic, finding: Finding): boolean {
  const range = rangeOf(document, finding.start, finding.end);
  return (
    diagnostic.source === 'warmly' &&
    diagnostic.code === finding.ruleId &&
    diagnostic.range.start.line === range.start.line &&
    diagnostic.range.start.character === range.start.character &&
    diagnostic.range.end.line === range.end.line &&
    diagnostic.range.end.character === range.end.character
  );
}
