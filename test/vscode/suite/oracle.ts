// The built-in rules' wording is content and keeps changing, so tests on built-in rules take
// their expected rewrites from the core engine itself (linting the same text, same file name)
// and check that the extension shows exactly those — plus a few invariants that never change:
// the rule id, the words flagged, and that placeholders survive the rewrite.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Engine, type Finding } from '../../../src/core';
import { extensionRoot, wsPath } from './helpers';

export function engine(): Engine {
  return new Engine({ builtinRulesDir: path.join(extensionRoot(), 'rules'), trusted: vscode.workspace.isTrusted });
}

export function expectedFindings(relative: string, text: string): Finding[] {
  return engine()
    .open({ fileName: wsPath(relative), text })
    .lint().findings;
}

export function expectedFix(relative: string, text: string): string {
  return engine()
    .open({ fileName: wsPath(relative), text })
    .fix().output;
}

/** The text with one suggestion applied, as the quick fix should leave it. */
export function applied(text: string, suggestion: { text: string; start: number; end: number }): string {
  return text.slice(0, suggestion.start) + suggestion.text + text.slice(suggestion.end);
}
