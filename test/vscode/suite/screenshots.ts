// Screenshots of what a writer sees, taken by the runner's browser during the run: the Problems
// panel with findings, and the quick-fix menu on a finding. They go to docs/ for the README.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, screenshot, sleep } from './helpers';

describe('screenshots', () => {
  after(closeAll);

  it('the Problems panel lists the findings', async () => {
    await closeAll();
    const custom = await open('custom.md');
    await diagnosticsWhere(custom.document.uri, 'a finding', (d) => d.length > 0);
    const editor = await open('fix-all.md');
    await diagnosticsWhere(editor.document.uri, 'findings', (d) => d.length > 0);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await sleep(1500);
    await screenshot('docs/problems-panel.png');
  });

  it('the quick-fix menu offers the warmer rewrites', async () => {
    const editor = await open('fix-all.md');
    const [diagnostic] = await diagnosticsWhere(editor.document.uri, 'findings', (d) => d.length > 0);
    editor.selection = new vscode.Selection(diagnostic.range.start.translate(0, 2), diagnostic.range.start.translate(0, 2));
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1500);
    await screenshot('docs/quick-fix.png');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    assert.ok(diagnostic);
  });
});
