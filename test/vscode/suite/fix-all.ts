// Fixing everything at once: the "Fix all" quick fix, the source.fixAll.warmly action, and the
// same action run by editor.codeActionsOnSave when the writer saves.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, onDisk, open, setting } from './helpers';
import { expectedFindings, expectedFix } from './oracle';

/** What the core's fixer makes of the file, checked to be a real change first. */
function fixedText(relative: string, text: string): string {
  const fixed = expectedFix(relative, text);
  assert.notEqual(fixed, text);
  assert.doesNotMatch(fixed, /You'll need to contact|Please contact the seller/);
  assert.match(fixed, /\{\{ bank_name \}\}/, 'the placeholder survives');
  return fixed;
}

describe('fix all', () => {
  afterEach(closeAll);

  it('"Fix all Warmly findings" rewrites every finding in the document', async () => {
    const editor = await open('fix-all.md');
    const uri = editor.document.uri;
    const diagnostics = await diagnosticsWhere(uri, 'all the engine\'s findings', (d) => d.length >= 3 && d.length === expectedFindings(path.basename(uri.fsPath), editor.document.getText()).length);
    const FIXED = fixedText('fix-all.md', editor.document.getText());
    // Resolve the first 20 actions: fix-all edits are computed only when an action is chosen.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value, 20);
    const fixAll = actions.find((a) => a.title === 'Fix all Warmly findings');
    assert.ok(fixAll?.edit, `no resolved fix-all among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Fix all not-my-table findings'));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(editor.document.getText(), FIXED);
    await diagnosticsWhere(uri, 'no findings left', (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('source.fixAll.warmly is offered as a source action', async () => {
    const editor = await open('fix-all.md');
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, 'all the engine\'s findings', (d) => d.length >= 3 && d.length === expectedFindings(path.basename(uri.fsPath), editor.document.getText()).length);
    const FIXED = fixedText('fix-all.md', editor.document.getText());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.warmly', 5);
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
      await diagnosticsWhere(uri, 'all the engine\'s findings', (d) => d.length >= 3 && d.length === expectedFindings(path.basename(uri.fsPath), editor.document.getText()).length);
      const FIXED = fixedText('on-save.md', editor.document.getText());
      // A writer's save: the file must be dirty, and saved with the save command (Ctrl+S).
      await editor.edit((edit) => edit.insert(editor.document.lineAt(0).range.end, ' '));
      await vscode.commands.executeCommand('workbench.action.files.save');
      assert.equal(onDisk(uri), FIXED.replace('{{ first_name }},', '{{ first_name }}, '));
      await diagnosticsWhere(uri, 'no findings after saving', (d) => d.length === 0);
    } finally {
      await restore();
    }
  });
});
