// In an untrusted workspace (restricted mode) only the built-in rules run: the workspace's
// .warmlyrc.yaml and rule files are not read. This file runs in a second code-server session
// started with workspace trust enabled, so the folder opens untrusted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clickButton, closeAll, diagnosticsWhere, open, ruleId, sleep, warmly } from './helpers';

describe('untrusted workspace', () => {
  after(closeAll);

  it('the workspace really is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('built-in rules still run', async () => {
    const editor = await open('reply.md');
    const [diagnostic] = await diagnosticsWhere(editor.document.uri, 'the built-in finding', (d) => d.length === 1);
    assert.equal(ruleId(diagnostic), 'not-my-table');
  });

  it('workspace rule files are not loaded', async () => {
    const editor = await open('custom.md');
    // Lint through the extension's own API so "no findings" cannot mean "never linted".
    const extension = vscode.extensions.all.find(
      (e) => e.packageJSON?.name === 'warmly' && e.packageJSON?.publisher === 'warmly',
    );
    const api = (await extension!.activate()) as {
      lint(d: vscode.TextDocument): { findings: { ruleId: string }[] } | undefined;
    };
    const result = api.lint(editor.document);
    assert.ok(result, 'custom.md is linted');
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      [],
    );
    await sleep(300);
    assert.deepEqual(warmly(editor.document.uri).map(ruleId), []);
  });

  it('warmly.rules in the workspace settings is not read', async () => {
    const editor = await open('extra.md');
    await vscode.workspace
      .getConfiguration('warmly')
      .update('rules', ['extra-rules'], vscode.ConfigurationTarget.Workspace);
    try {
      // The same setting adds a finding in the trusted session (settings.ts); here the lint
      // runs (a result comes back) and has none.
      await sleep(500);
      const extension = vscode.extensions.all.find(
        (e) => e.packageJSON?.name === 'warmly' && e.packageJSON?.publisher === 'warmly',
      );
      const api = (await extension!.activate()) as {
        lint(d: vscode.TextDocument): { findings: { ruleId: string }[] } | undefined;
      };
      const result = api.lint(editor.document);
      assert.ok(result, 'extra.md is linted');
      assert.deepEqual(
        result.findings.map((f) => f.ruleId),
        [],
      );
      assert.deepEqual(warmly(editor.document.uri).map(ruleId), []);
    } finally {
      await vscode.workspace
        .getConfiguration('warmly')
        .update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a workspace .warmlyrc.yaml is not read (its disable: does not apply)', async () => {
    const editor = await open('configured/partner.md');
    const [diagnostic] = await diagnosticsWhere(
      editor.document.uri,
      'the finding the config would disable',
      (d) => d.length === 1,
    );
    assert.equal(ruleId(diagnostic), 'not-my-table');
  });

  it('trusting the folder loads the workspace rules at once, without a reload', async () => {
    const editor = await open('custom.md');
    assert.deepEqual(warmly(editor.document.uri).map(ruleId), []);
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(resolve));
    // The writer opens "Manage Workspace Trust" and clicks Trust.
    await vscode.commands.executeCommand('workbench.trust.manage');
    await clickButton('Trust');
    await granted;
    assert.equal(vscode.workspace.isTrusted, true);
    await open('custom.md');
    const [diagnostic] = await diagnosticsWhere(
      editor.document.uri,
      'the team rule once trusted',
      (d) => d.length === 1,
    );
    assert.equal(ruleId(diagnostic), 'no-internal-jargon');
  });

  it('quick fixes still work', async () => {
    const editor = await open('reply.md');
    // The hand-off's own diagnostic (a problem in a governing file would be one on line 1 too).
    const shown = await diagnosticsWhere(editor.document.uri, 'the hand-off', (d) =>
      d.some((x) => ruleId(x) === 'not-my-table'),
    );
    const diagnostic = shown.find((x) => ruleId(x) === 'not-my-table')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      diagnostic.range,
      'quickfix',
    );
    assert.ok(
      actions.some((a) => /^(Replace with|Rewrite as) '/.test(a.title) && a.title.includes('{{ bank_name }}')),
      actions.map((a) => a.title).join(' | '),
    );
  });
});
