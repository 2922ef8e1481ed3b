// The built-in rules' wording is content and keeps changing, so tests on built-in rules take
// their expected rewrites from the core engine itself (linting the same text, same file name)
// and check that the extension shows exactly those — plus a few invariants that never change:
// the rule id, the words flagged, and that placeholders survive the rewrite.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Engine, type Finding } from '../../../src/core';
import { extensionRoot, wsPath } from './helpers';

const engines = new Map<boolean, Engine>();

/**
 * The core engine as the extension would see this workspace. One per trust state, from the
 * build's rules snapshot: a fresh engine per call read every rule file again, which took
 * seconds once the rules grew, and it blocked the extension host these tests run in (code
 * action requests made meanwhile were cancelled). Configs are read afresh on every call, as
 * tests change them.
 */
export function engine(): Engine {
  const trusted = vscode.workspace.isTrusted;
  const kept = engines.get(trusted);
  if (kept) {
    kept.reload();
    return kept;
  }
  const made = new Engine({
    builtinRulesDir: path.join(extensionRoot(), 'rules'),
    builtinSnapshot: path.join(extensionRoot(), 'dist', 'rules.snapshot.json'),
    trusted,
  });
  engines.set(trusted, made);
  return made;
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
