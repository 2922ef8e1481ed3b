// Screenshots of what a writer sees, taken by the runner's browser during the run: the Problems
// panel with findings, and the quick-fix menu on a finding (for the README; see docs/extension.md).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, screenshot, sleep } from './helpers';

/** A PNG of the 1280×800 workbench: the signature, and more bytes than a blank page compresses to. */
function assertScreenshot(file: string): void {
  assert.ok(file, 'the runner took the screenshot');
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(bytes.length > 20_000, `${file} is only ${bytes.length} bytes`);
}

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
    assertScreenshot(await screenshot('problems-panel.png'));
  });

  it('the quick-fix menu offers the warmer rewrites', async () => {
    const editor = await open('fix-all.md');
    const [diagnostic] = await diagnosticsWhere(editor.document.uri, 'findings', (d) => d.length > 0);
    editor.selection = new vscode.Selection(
      diagnostic.range.start.translate(0, 2),
      diagnostic.range.start.translate(0, 2),
    );
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1500);
    assertScreenshot(await screenshot('quick-fix.png'));
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });

  it('the hover explains a finding', async () => {
    const editor = await open('fix-all.md');
    const [diagnostic] = await diagnosticsWhere(editor.document.uri, 'findings', (d) => d.length > 0);
    editor.selection = new vscode.Selection(
      diagnostic.range.start.translate(0, 4),
      diagnostic.range.start.translate(0, 4),
    );
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
    assertScreenshot(await screenshot('hover.png'));
    await vscode.commands.executeCommand('editor.action.hideHover');
  });
});
