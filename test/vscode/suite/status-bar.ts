// The status bar tells the writer how many findings the document has and in which language's
// rules; picking another language there re-lints the document with that language's rules.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, waitFor } from './helpers';

interface WarmlyApi {
  statusText(): string | undefined;
}

async function api(): Promise<WarmlyApi> {
  const extension = vscode.extensions.all.find(
    (e) => e.packageJSON?.name === 'warmly' && e.packageJSON?.publisher === 'warmly',
  );
  assert.ok(extension);
  return (await extension.activate()) as WarmlyApi;
}

describe('status bar', () => {
  after(closeAll);

  it('shows the finding count and the language of the active template', async () => {
    const warmly = await api();
    const editor = await open('hover.md');
    await diagnosticsWhere(editor.document.uri, 'one finding', (d) => d.length === 1);
    await waitFor('the status "1 · en"', () => warmly.statusText()?.endsWith('Warmly 1 · en'));
  });

  it('picking a language re-lints the document with that language', async () => {
    const warmly = await api();
    const editor = await open('hover.md');
    await diagnosticsWhere(editor.document.uri, 'one finding', (d) => d.length === 1);
    await vscode.commands.executeCommand('warmly.selectLanguage', 'nb');
    await diagnosticsWhere(editor.document.uri, 'no English finding under Norwegian rules', (d) => d.length === 0);
    await waitFor('the status "0 · nb"', () => warmly.statusText()?.endsWith('Warmly 0 · nb'));
    await vscode.commands.executeCommand('warmly.selectLanguage', 'auto');
    await diagnosticsWhere(editor.document.uri, 'English again', (d) => d.length === 1);
    assert.match(warmly.statusText() ?? '', /Warmly 1 · en$/);
  });

  it('hides for files Warmly does not check', async () => {
    const warmly = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'const x = 1;\n' });
    await vscode.window.showTextDocument(document);
    await waitFor('the status hidden', () => warmly.statusText() === undefined);
  });
});
