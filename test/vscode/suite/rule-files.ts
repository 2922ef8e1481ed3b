// A content lead edits the team's rule files while templates are open: changes apply at once,
// a broken rule file shows its error in that file while the last good rules keep working, and
// "Warmly: New rule file" scaffolds a rule that works as written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, ruleId, wsPath, wsUri } from './helpers';

const RULE = 'warmly-rules/en/no-internal-jargon.yaml';

/** Replaces the whole text of an open document and saves it, as a writer would. */
async function rewrite(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  assert.notEqual(document.getText(), text, 'the rewrite changes the file');
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    document.uri,
    new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
    text,
  );
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
  assert.ok(await document.save(), `saved ${document.uri.fsPath}`);
}

/** Puts a file back as the fixture had it, whatever a failed test left behind. */
async function restore(editor: vscode.TextEditor, text: string): Promise<void> {
  if (editor.document.getText() !== text) await rewrite(editor, text);
}

describe('rule files and .warmlyrc.yaml', () => {
  after(closeAll);

  it('a workspace rule file (from .warmlyrc.yaml) flags its phrase', async () => {
    const editor = await open('custom.md');
    const [diagnostic] = await diagnosticsWhere(editor.document.uri, 'the team rule', (d) => d.length === 1);
    assert.equal(ruleId(diagnostic), 'no-internal-jargon');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(editor.document.getText(diagnostic.range), 'escalated to tier two');
    // A team rule has no page in Warmly's docs: its id links to the rule file itself.
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.scheme, 'file');
    assert.equal(code.target.fsPath, wsPath(RULE));
  });

  it('editing the rule file while the template is open reloads it', async () => {
    const template = await vscode.workspace.openTextDocument(wsUri('custom.md'));
    const ruleEditor = await open(RULE);
    const original = ruleEditor.document.getText();
    // A second phrase: "reply by noon" is in the open template.
    try {
      await rewrite(
        ruleEditor,
        original.replace(
          'patterns:\n',
          'patterns:\n  - phrase: "reply by noon"\n    suggest: ["get back to you by 12:00"]\n',
        ),
      );
      const diagnostics = await diagnosticsWhere(template.uri, 'both phrases flagged', (d) => d.length === 2);
      assert.deepEqual(diagnostics.map((d) => template.getText(d.range)).sort(), [
        'escalated to tier two',
        'reply by noon',
      ]);
    } finally {
      await restore(ruleEditor, original);
    }
    await diagnosticsWhere(template.uri, 'back to one phrase', (d) => d.length === 1);
  });

  it('a broken rule file shows its error in the rule file, and the last good rules keep working', async () => {
    const template = await vscode.workspace.openTextDocument(wsUri('custom.md'));
    const ruleEditor = await open(RULE);
    const ruleUri = ruleEditor.document.uri;
    const original = ruleEditor.document.getText();
    try {
      await rewrite(ruleEditor, original.replace('severity: info', 'severity: [info'));
      const problems = await diagnosticsWhere(ruleUri, 'a problem in the rule file', (d) => d.length > 0);
      assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
      // The template still gets the rule as it was before the edit.
      // Beside a warning on line 1 that names the broken file (issue 14.5).
      const both = await diagnosticsWhere(template.uri, 'the last good rule', (d) => d.length === 2);
      const kept = both.filter((d) => ruleId(d) !== 'config-problem');
      assert.equal(kept.length, 1);
      assert.equal(ruleId(kept[0]), 'no-internal-jargon');

      await rewrite(ruleEditor, original.replace('severity: info', 'sevrity: info'));
      const unknownKey = await diagnosticsWhere(ruleUri, 'the unknown key named', (d) =>
        d.some((p) => /sevrity/.test(p.message)),
      );
      assert.equal(
        unknownKey.find((p) => /sevrity/.test(p.message))!.range.start.line,
        original.split('\n').findIndex((l) => l.startsWith('severity:')),
      );
    } finally {
      await restore(ruleEditor, original);
    }
    await diagnosticsWhere(ruleUri, 'no problems once fixed', (d) => d.length === 0);
    await diagnosticsWhere(template.uri, 'the rule still there', (d) => d.length === 1);
  });

  it('a rule file changed on disk (not in the editor) is picked up by the file watcher', async () => {
    const template = await vscode.workspace.openTextDocument(wsUri('custom.md'));
    await vscode.window.showTextDocument(template);
    const file = wsPath(RULE);
    const original = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, original.replace('severity: info', 'severity: error'));
      await diagnosticsWhere(
        template.uri,
        'the new severity',
        (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error,
        15_000,
      );
    } finally {
      fs.writeFileSync(file, original);
    }
    await diagnosticsWhere(
      template.uri,
      'the old severity',
      (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Information,
      15_000,
    );
  });

  it('editing .warmlyrc.yaml applies at once', async () => {
    const template = await open('hover.md');
    await diagnosticsWhere(template.document.uri, 'a hand-off', (d) => d.length === 1);
    const config = await open('.warmlyrc.yaml');
    const original = config.document.getText();
    try {
      await rewrite(config, `${original}disable:\n  - not-my-table\n`);
      await diagnosticsWhere(template.document.uri, 'rule off by config', (d) => d.length === 0);
    } finally {
      await restore(config, original);
    }
    await diagnosticsWhere(template.document.uri, 'rule on again', (d) => d.length === 1);
  });

  it('a nested .warmlyrc.yaml governs its folder', async () => {
    const editor = await open('configured/partner.md');
    // configured/.warmlyrc.yaml disables not-my-table; the same sentence is flagged elsewhere.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await diagnosticsWhere(editor.document.uri, 'no findings', (d) => d.length === 0);
  });

  it('"Warmly: New rule file" scaffolds a rule that is read at once', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('warmly.newRuleFile', 'no-can-do', 'en');
    assert.equal(uri.fsPath, wsPath('warmly-rules/en/no-can-do.yaml'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath, 'the new file is opened');
    // The scaffold's own bad example is flagged: it is a valid, working rule file.
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'Sorry, we cannot do that.\n',
    });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsWhere(
      document.uri,
      'the scaffolded rule',
      (d) => d.some((x) => ruleId(x) === 'no-can-do'),
      15_000,
    );
    assert.ok(diagnostic);
    assert.equal(vscode.languages.getDiagnostics(uri).length, 0, 'no problems in the scaffold');
  });
});
