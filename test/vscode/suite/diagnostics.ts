// What a writer sees on opening and typing in a template: the right finding, at the right
// words, linked to the rule's docs — and nothing in files Warmly should not touch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, rangeOf, ruleId, sleep, warmly, wsUri } from './helpers';
import { expectedFindings } from './oracle';

describe('diagnostics', () => {
  after(closeAll);

  it('flags a hand-off in a Markdown reply, on exactly the hand-off words', async () => {
    const editor = await open('reply.md');
    const [diagnostic] = await diagnosticsWhere(editor.document.uri, 'one finding', (d) => d.length === 1);
    assert.equal(ruleId(diagnostic), 'not-my-table');
    assert.equal(diagnostic.source, 'warmly');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.range, rangeOf(editor.document, "You'll need to contact {{ bank_name }}"));
    assert.match(diagnostic.message, /Hand-off/);
    // The rule id is a link to the rule's documentation.
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /#not-my-table$/);
  });

  it("shows exactly the core engine's findings, at the same places, for every fixture template", async () => {
    for (const file of ['reply.md', 'fix-all.md', 'refund.reply', 'custom.md', 'configured/partner.md', 'typing.md']) {
      const editor = await open(file);
      const expected = expectedFindings(file, editor.document.getText())
        .map((f) => `${f.ruleId} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.message}`)
        .sort();
      const shown = (d: vscode.Diagnostic[]) =>
        d
          .map(
            (x) =>
              `${ruleId(x)} ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.message}`,
          )
          .sort();
      await diagnosticsWhere(
        editor.document.uri,
        `the engine's ${expected.length} findings`,
        (d) => JSON.stringify(shown(d)) === JSON.stringify(expected),
      );
    }
  });

  it('gives .reply files their own language and lints them as templates', async () => {
    const editor = await open('refund.reply');
    assert.equal(editor.document.languageId, 'reply-template');
    const diagnostics = await diagnosticsWhere(editor.document.uri, 'one finding', (d) => d.length === 1);
    assert.equal(ruleId(diagnostics[0]), 'not-my-table');
  });

  it('lints while typing, after a pause, and clears when the words are gone', async () => {
    const editor = await open('typing.md');
    const uri = editor.document.uri;
    await sleep(300);
    assert.equal(warmly(uri).length, 0, 'the clean template starts without findings');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, 'You will need to call the courier.\n'));
    const [diagnostic] = await diagnosticsWhere(uri, 'a finding for the typed sentence', (d) => d.length === 1);
    assert.equal(ruleId(diagnostic), 'not-my-table');
    assert.equal(editor.document.getText(diagnostic.range), 'You will need to call the courier');
    await editor.edit((edit) => edit.delete(diagnostic.range));
    await diagnosticsWhere(uri, 'no findings after deleting the words', (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('leaves files of other languages alone', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: "// You'll need to contact the bank.\n",
    });
    await vscode.window.showTextDocument(document);
    await sleep(500);
    assert.equal(warmly(document.uri).length, 0);
  });

  it('lints untitled Markdown too', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'Please contact the seller directly.\n',
    });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsWhere(document.uri, 'one finding', (d) => d.length === 1);
    assert.equal(ruleId(diagnostic), 'not-my-table');
  });

  it('drops the diagnostics of a document when its tab is closed', async () => {
    const uri = wsUri('hover.md');
    const editor = await open('hover.md');
    await diagnosticsWhere(uri, 'a finding', (d) => d.length === 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(editor.document.uri.toString(), uri.toString());
    await diagnosticsWhere(uri, 'none once closed', (d) => d.length === 0);
  });
});
