// The editor does what the CLI does (issue 14.5): "New rule file" writes where the config's
// rules: say (in any YAML form), a broken rule file is said on the documents it governs, and a
// document with more findings than VS Code shows says so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, ruleId, wsPath } from './helpers';

describe('the editor matches the CLI', () => {
  afterEach(closeAll);

  it('"New rule file" writes into the folder of rules: [./team-rules] (flow style)', async () => {
    const config = wsPath('.warmlyrc.yaml');
    const original = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, 'rules: [./team-rules, warmly-rules]\n');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('warmly.newRuleFile', 'no-waiting-blame', 'en');
      assert.equal(uri.fsPath, wsPath('team-rules/en/no-waiting-blame.yaml'));
      assert.ok(fs.existsSync(uri.fsPath));
    } finally {
      fs.writeFileSync(config, original);
      fs.rmSync(wsPath('team-rules'), { recursive: true, force: true });
    }
  });

  it('a broken rule file shows a warning on the document it governs, gone once fixed', async () => {
    const broken = wsPath('warmly-rules/en/adopt-broken.yaml');
    fs.writeFileSync(broken, 'patterns:\n  - phrase: "a\n');
    try {
      const editor = await open('reply.md');
      const uri = editor.document.uri;
      const [note] = await diagnosticsWhere(
        uri,
        'the config-problem warning',
        (d) => d.some((x) => ruleId(x) === 'config-problem'),
        20_000,
      ).then((d) => d.filter((x) => ruleId(x) === 'config-problem'));
      assert.equal(note.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(note.message, /warmly-rules\/en\/adopt-broken\.yaml:2:13: this " opens a quoted value/);
      assert.equal(note.range.start.line, 0);
    } finally {
      fs.rmSync(broken, { force: true });
    }
    const editor = await open('reply.md');
    await diagnosticsWhere(
      editor.document.uri,
      'no warning',
      (d) => !d.some((x) => ruleId(x) === 'config-problem'),
      20_000,
    );
  });

  it('more findings than VS Code shows: 999 of them and a first line that says how many', async () => {
    const content = "You'll need to contact your bank.\n".repeat(1200);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    const shown = await diagnosticsWhere(document.uri, 'the capped findings', (d) => d.length > 0, 30_000);
    assert.equal(shown.length, 1000);
    assert.equal(ruleId(shown[0]), 'too-many-findings');
    assert.match(
      shown[0].message,
      /^Warmly found 1200 findings in this file; VS Code shows 1000, so 201 are not shown/,
    );
  });
});
