// Fixing everything at once: the "Fix all" quick fix, the source.fixAll.warmly action, and the
// same action run by editor.codeActionsOnSave when the writer saves. Fix-all applies fixes
// only: what needs the writer (a vague promise's time, a hand-off's new promise) stays
// underlined and untouched.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, onDisk, open, ruleId, setting } from './helpers';
import { expectedFindings, expectedFix } from './oracle';

/** What the core's fixer makes of the file, checked to be a real change first. */
function fixedText(relative: string, text: string): string {
  const fixed = expectedFix(relative, text);
  assert.notEqual(fixed, text);
  assert.doesNotMatch(fixed, /Please be advised/);
  assert.match(fixed, /\{\{ bank_name \}\}/, 'the placeholder survives');
  return fixed;
}

/** After fix-all, exactly the findings the engine leaves — none of which has a fix. */
function leftAfterFix(relative: string, fixed: string): (d: vscode.Diagnostic[]) => boolean {
  const left = expectedFindings(relative, fixed);
  assert.ok(
    left.every((f) => !f.suggestions.some((s) => s.kind === 'fix')),
    'nothing fixable is left',
  );
  return (d) => d.length === left.length;
}

describe('fix all', () => {
  afterEach(closeAll);

  it('"Fix all Warmly findings" rewrites every finding in the document', async () => {
    const editor = await open('fix-all.md');
    const uri = editor.document.uri;
    const diagnostics = await diagnosticsWhere(
      uri,
      "all the engine's findings",
      (d) =>
        d.length >= 3 && d.length === expectedFindings(path.basename(uri.fsPath), editor.document.getText()).length,
    );
    const FIXED = fixedText('fix-all.md', editor.document.getText());
    // Resolve the first 20 actions: fix-all edits are computed only when an action is chosen.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostics[0].range,
      vscode.CodeActionKind.QuickFix.value,
      20,
    );
    const fixAll = actions.find((a) => a.title === 'Fix all Warmly findings');
    assert.ok(fixAll?.edit, `no resolved fix-all among ${actions.map((a) => a.title).join(' | ')}`);
    // "Fix all <rule>" is offered for a rule with two fixable findings here (fixes only, never suggestions).
    const fixable = expectedFindings('fix-all.md', editor.document.getText()).filter((f) =>
      f.suggestions.some((x) => x.kind === 'fix'),
    );
    const twice = [...new Set(fixable.map((f) => f.ruleId))].find(
      (id) => fixable.filter((f) => f.ruleId === id).length > 1,
    );
    assert.ok(twice, 'the fixture has a rule with two fixes');
    // Offered where one of that rule's findings is.
    const at = diagnostics.find((d) => ruleId(d) === twice)!;
    const there = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      at.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      there.some((a) => a.title === `Fix all ${twice} findings`),
      there.map((a) => a.title).join(' | '),
    );
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(editor.document.getText(), FIXED);
    await diagnosticsWhere(uri, 'only what needs the writer is left', leftAfterFix('fix-all.md', FIXED));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('source.fixAll.warmly is offered as a source action', async () => {
    const editor = await open('fix-all.md');
    const uri = editor.document.uri;
    await diagnosticsWhere(
      uri,
      "all the engine's findings",
      (d) =>
        d.length >= 3 && d.length === expectedFindings(path.basename(uri.fsPath), editor.document.getText()).length,
    );
    const FIXED = fixedText('fix-all.md', editor.document.getText());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.warmly',
      5,
    );
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(actions[0].kind?.value, 'source.fixAll.warmly');
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.equal(editor.document.getText(), FIXED);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the "Warmly: Fix all findings in this document" command does the same', async () => {
    const editor = await open('fix-all.md');
    const FIXED = fixedText('fix-all.md', editor.document.getText());
    assert.equal(await vscode.commands.executeCommand('warmly.fixAll'), true);
    assert.equal(editor.document.getText(), FIXED);
    assert.equal(await vscode.commands.executeCommand('warmly.fixAll'), false, 'nothing left to fix the second time');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('fixes everything on save with editor.codeActionsOnSave', async () => {
    const restore = await setting('editor', 'codeActionsOnSave', { 'source.fixAll.warmly': 'explicit' });
    try {
      const editor = await open('on-save.md');
      const uri = editor.document.uri;
      await diagnosticsWhere(
        uri,
        "all the engine's findings",
        (d) =>
          d.length >= 3 && d.length === expectedFindings(path.basename(uri.fsPath), editor.document.getText()).length,
      );
      const FIXED = fixedText('on-save.md', editor.document.getText());
      // A writer's save: the file must be dirty, and saved with the save command (Ctrl+S).
      await editor.edit((edit) => edit.insert(editor.document.lineAt(0).range.end, ' '));
      await vscode.commands.executeCommand('workbench.action.files.save');
      assert.equal(onDisk(uri), FIXED.replace('{{ first_name }},', '{{ first_name }}, '));
      // The vague promise needs a time only the writer knows: untouched, and still underlined.
      assert.match(onDisk(uri), /as soon as possible/);
      const left = await diagnosticsWhere(
        uri,
        'what needs the writer is left',
        leftAfterFix('on-save.md', onDisk(uri)),
      );
      assert.ok(
        left.some((d) => ruleId(d) === 'keep-promises'),
        left.map((d) => ruleId(d)).join(', '),
      );
    } finally {
      await restore();
    }
  });
});
