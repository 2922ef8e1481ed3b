// The quick-fix menu: each rewrite titled by what it does (the fix preferred, a suggestion
// with a slot as a snippet that puts the cursor in it), silencing one line with the comment
// syntax of the file type (a Liquid comment in Liquid), and switching a rule off where CI
// reads it — .warmlyrc.yaml — or in the writer's own settings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Suggestion } from '../../../src/core';
import { closeAll, diagnosticsWhere, onDisk, open, ruleId, warmly, wsPath } from './helpers';
import { applied, expectedFindings } from './oracle';

/** The title the menu shows for a rewrite: what it does, and "— suggestion" when it needs the writer. */
export function titleOf(s: Suggestion): string {
  return s.kind === 'fix' ? s.title! : `${s.title} — suggestion`;
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
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
    assert.ok(
      finding.suggestions.length >= 1 && finding.suggestions.every((s) => s.text.includes('{{ bank_name }}')),
      'rewrites keep the placeholder',
    );
    const actions = await quickFixes(uri, diagnostic.range);
    const titles = new Set(finding.suggestions.map(titleOf));
    const rewrites = actions.filter((a) => titles.has(a.title));
    assert.deepEqual(
      rewrites.map((a) => a.title),
      finding.suggestions.map(titleOf),
      'one quick fix per rewrite, in order',
    );
    assert.ok(
      rewrites.every((a) => /^(Replace with|Remove|Rewrite as) '/.test(a.title)),
      'titles say what happens',
    );
    assert.deepEqual(
      rewrites.map((a) => a.isPreferred === true),
      finding.suggestions.map((s) => s.kind === 'fix'),
      'only the fix is preferred',
    );
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

  it('"Disable … in my user settings" adds the rule to warmly.disable and the finding goes away', async () => {
    const editor = await open('settings.md');
    const uri = editor.document.uri;
    const [diagnostic] = await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const action = byTitle(await quickFixes(uri, diagnostic.range), 'Disable not-my-table in my user settings');
    try {
      await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
      assert.deepEqual(vscode.workspace.getConfiguration('warmly', uri).get('disable'), ['not-my-table']);
      await diagnosticsWhere(uri, 'the rule off', (d) => d.length === 0);
    } finally {
      await vscode.workspace
        .getConfiguration('warmly', uri)
        .update('disable', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
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
    assert.equal(count('Disable not-my-table in my user settings'), 1);
    assert.equal(count('Disable not-my-table everywhere in .warmlyrc.yaml'), 1);
    assert.equal(count('Disable not-my-table for this file in .warmlyrc.yaml'), 0, 'Markdown has a comment for that');
    const handoffs = expectedFindings('fix-all.md', editor.document.getText()).filter(
      (f) => f.ruleId === 'not-my-table',
    );
    const fixes = handoffs.filter((f) => f.suggestions.some((x) => x.kind === 'fix')).length;
    assert.equal(
      count('Fix all not-my-table findings'),
      fixes > 1 ? 1 : 0,
      'offered only when two hand-offs have a fix',
    );
    assert.equal(count('Fix all Warmly findings'), 1);
    assert.ok(
      titles.filter((t) => /^(Replace with|Remove|Rewrite as) '/.test(t)).length >= 2,
      'rewrites for both findings',
    );
  });

  it('offers nothing where there is no finding', async () => {
    const editor = await open('reply.md');
    await diagnosticsWhere(editor.document.uri, 'linted', () => true);
    const actions = await quickFixes(editor.document.uri, new vscode.Range(0, 0, 0, 2));
    assert.deepEqual(
      actions.filter((a) => /^(Replace with|Remove|Rewrite as|Disable|Fix all)/.test(a.title)).map((a) => a.title),
      [],
    );
    assert.equal(warmly(editor.document.uri).length, 0, 'reply.md was fixed by the first test');
  });

  it('a suggestion with a slot is a snippet: the cursor lands in the time to fill in', async () => {
    const editor = await open('promise.md');
    const uri = editor.document.uri;
    const text = editor.document.getText();
    const finding = expectedFindings('promise.md', text).find((f) => f.ruleId === 'keep-promises');
    assert.ok(finding, 'the fixture holds a vague promise');
    const withSlot = finding.suggestions.find((s) => s.slots && s.kind === 'suggestion');
    assert.ok(withSlot, `keep-promises offers a rewrite with a slot: ${JSON.stringify(finding.suggestions)}`);
    const diagnostic = (
      await diagnosticsWhere(uri, 'the promise', (d) => d.some((x) => ruleId(x) === 'keep-promises'))
    ).find((d) => ruleId(d) === 'keep-promises')!;
    const action = byTitle(await quickFixes(uri, diagnostic.range), titleOf(withSlot));
    assert.match(action.title, /fill in the time/);
    assert.notEqual(action.isPreferred, true, 'a suggestion is never the preferred fix');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(
      editor.document.getText(editor.selection),
      withSlot.slots![0],
      'the slot is selected, ready to type over',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Disable … for this line" writes a Liquid comment in a .liquid macro, which renders nothing', async () => {
    const editor = await open('macro.liquid');
    const uri = editor.document.uri;
    const [diagnostic] = await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const line = diagnostic.range.start.line;
    const action = byTitle(await quickFixes(uri, diagnostic.range), 'Disable not-my-table for this line');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(
      editor.document.lineAt(line).text,
      '{% comment %} warmly-disable-next-line not-my-table {% endcomment %}',
    );
    await diagnosticsWhere(uri, 'the finding silenced', (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('plain text has no safe comment: the rule goes off for this file in .warmlyrc.yaml, as CI reads it', async () => {
    const editor = await open('plain.txt');
    const uri = editor.document.uri;
    const config = wsPath('.warmlyrc.yaml');
    const before = fs.readFileSync(config, 'utf8');
    const [diagnostic] = await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const rule = ruleId(diagnostic)!;
    const actions = await quickFixes(uri, diagnostic.range);
    assert.ok(!actions.some((a) => a.title.endsWith('for this line')), 'no comment is written into plain text');
    const action = byTitle(actions, `Disable ${rule} for this file in .warmlyrc.yaml`);
    try {
      await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
      assert.match(
        fs.readFileSync(config, 'utf8'),
        new RegExp(`files:\\n\\s+- plain\\.txt\\n\\s+disable:\\n\\s+- ${rule}`),
      );
      assert.ok(
        fs.readFileSync(config, 'utf8').startsWith(before.trimEnd().split('\n')[0]),
        'the rest of the config is kept',
      );
      await diagnosticsWhere(uri, 'the rule off for this file', (d) => d.length === 0);
    } finally {
      fs.writeFileSync(config, before);
    }
    await diagnosticsWhere(uri, 'the rule back on', (d) => d.length === 1);
  });
});
