// The quick-fix menu: the warmer rewrite (preferred) that lands on disk when saved, silencing
// one line with the right comment syntax for the file type, and switching a rule off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, onDisk, open, warmly } from './helpers';
import { applied, expectedFindings } from './oracle';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions ?? [];
}

function byTitle(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

describe('quick fixes', () => {
  afterEach(closeAll);

  it('offers the warmer rewrites, first one preferred; applying and saving changes the file and clears the finding', async () => {
    const editor = await open('reply.md');
    const uri = editor.document.uri;
    const original = editor.document.getText();
    const [diagnostic] = await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const [finding] = expectedFindings('reply.md', original);
    assert.ok(finding.suggestions.length >= 1 && finding.suggestions.every((s) => s.text.includes('{{ bank_name }}')), 'rewrites keep the placeholder');
    const actions = await quickFixes(uri, diagnostic.range);
    const rewrites = actions.filter((a) => a.title.startsWith('Warmer: '));
    assert.deepEqual(rewrites.map((a) => a.title), finding.suggestions.map((s) => `Warmer: ${s.text}`), 'one quick fix per rewrite, in order');
    assert.deepEqual(rewrites.map((a) => a.isPreferred === true), finding.suggestions.map((_, i) => i === 0), 'only the first is preferred');
    assert.equal(rewrites[0].kind?.value, 'quickfix');

    assert.ok(await vscode.workspace.applyEdit(rewrites[0].edit!));
    assert.ok(await editor.document.save());
    assert.equal(onDisk(uri), applied(original, finding.suggestions[0]));
    assert.doesNotMatch(onDisk(uri), /You'll need to contact/);
    await diagnosticsWhere(uri, 'no findings after the fix', (d) => d.length === 0);
  });

  it('"Disable … for this line" puts an HTML comment above the line in Markdown', async () => {
    const editor = await open('suppress.md');
    const uri = editor.document.uri;
    const [diagnostic] = await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const action = byTitle(await quickFixes(uri, diagnostic.range), 'Disable not-my-table for this line');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(editor.document.lineAt(2).text, '<!-- warmly-disable-next-line not-my-table -->');
    assert.equal(editor.document.lineAt(3).text, "You'll need to contact {{ bank_name }} directly.");
    await diagnosticsWhere(uri, 'the finding silenced', (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Disable … for this line" uses a template comment in a .reply file', async () => {
    const editor = await open('refund.reply');
    const uri = editor.document.uri;
    const [diagnostic] = await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const line = diagnostic.range.start.line;
    const action = byTitle(await quickFixes(uri, diagnostic.range), 'Disable not-my-table for this line');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(editor.document.lineAt(line).text, '{# warmly-disable-next-line not-my-table #}');
    await diagnosticsWhere(uri, 'the finding silenced', (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Disable … in settings" adds the rule to warmly.disable and the finding goes away', async () => {
    const editor = await open('settings.md');
    const uri = editor.document.uri;
    const [diagnostic] = await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const action = byTitle(await quickFixes(uri, diagnostic.range), 'Disable not-my-table in settings');
    try {
      await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
      assert.deepEqual(vscode.workspace.getConfiguration('warmly', uri).get('disable'), ['not-my-table']);
      await diagnosticsWhere(uri, 'the rule off', (d) => d.length === 0);
    } finally {
      await vscode.workspace.getConfiguration('warmly', uri).update('disable', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await diagnosticsWhere(uri, 'the rule back on', (d) => d.length === 1);
  });

  it('a selection over two findings of one rule lists each rewrite, but the rule-wide actions once', async () => {
    const editor = await open('fix-all.md');
    const uri = editor.document.uri;
    const diagnostics = await diagnosticsWhere(uri, 'findings', (d) => d.length >= 2);
    const onLine = diagnostics.filter((d) => d.range.start.line === 2);
    assert.equal(onLine.length, 2, 'the fixture has two hand-offs on line 3');
    const titles = (await quickFixes(uri, editor.document.lineAt(2).range)).map((a) => a.title);
    const count = (title: string) => titles.filter((t) => t === title).length;
    assert.equal(count('Disable not-my-table for this line'), 1, titles.join(' | '));
    assert.equal(count('Disable not-my-table in settings'), 1);
    assert.equal(count('Fix all not-my-table findings'), 1);
    assert.equal(count('Fix all Warmly findings'), 1);
    assert.ok(titles.filter((t) => t.startsWith('Warmer: ')).length >= 2, 'rewrites for both findings');
  });

  it('offers nothing where there is no finding', async () => {
    const editor = await open('reply.md');
    await diagnosticsWhere(editor.document.uri, 'linted', () => true);
    const actions = await quickFixes(editor.document.uri, new vscode.Range(0, 0, 0, 2));
    assert.deepEqual(actions.filter((a) => /^(Warmer:|Disable|Fix all)/.test(a.title)).map((a) => a.title), []);
    assert.equal(warmly(editor.document.uri).length, 0, 'reply.md was fixed by the first test');
  });
});
