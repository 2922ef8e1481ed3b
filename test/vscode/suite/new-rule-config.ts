// "New rule file" goes where the CLI would read it (issue 14.5, checked further): a team whose
// config is .warmlyrc.yml gets its rule in that config's rules: folder, not a second
// .warmlyrc.yaml that would take over; a document under a nested config gets that config's folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, open, wsPath } from './helpers';

describe('"New rule file" follows the config that governs the document', () => {
  afterEach(closeAll);

  it('a .warmlyrc.yml: the rule goes into its rules: folder, and no .warmlyrc.yaml is written', async () => {
    const yaml = wsPath('.warmlyrc.yaml');
    const original = fs.readFileSync(yaml, 'utf8');
    fs.rmSync(yaml);
    fs.writeFileSync(wsPath('.warmlyrc.yml'), 'rules:\n  - ./yml-rules\n');
    try {
      await open('reply.md');
      const uri = await vscode.commands.executeCommand<vscode.Uri>('warmly.newRuleFile', 'from-yml', 'en');
      assert.equal(uri.fsPath, wsPath('yml-rules/en/from-yml.yaml'));
      assert.ok(fs.existsSync(uri.fsPath));
      assert.equal(fs.existsSync(yaml), false, 'no second config that would win over .warmlyrc.yml');
    } finally {
      fs.rmSync(wsPath('.warmlyrc.yml'), { force: true });
      fs.rmSync(wsPath('yml-rules'), { recursive: true, force: true });
      fs.writeFileSync(yaml, original);
    }
  });

  it("a document under a nested config: that config's rules: folder", async () => {
    const nested = wsPath('configured/.warmlyrc.yaml');
    const original = fs.readFileSync(nested, 'utf8');
    fs.writeFileSync(nested, `${original}rules:\n  - ./partner-rules\n`);
    try {
      await open('configured/partner.md');
      const uri = await vscode.commands.executeCommand<vscode.Uri>('warmly.newRuleFile', 'for-partners', 'en');
      assert.equal(uri.fsPath, wsPath('configured/partner-rules/en/for-partners.yaml'));
    } finally {
      fs.writeFileSync(nested, original);
      fs.rmSync(wsPath('configured/partner-rules'), { recursive: true, force: true });
    }
  });
});
