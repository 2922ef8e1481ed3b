// A broken .warmlyrc.yaml (issue 14.5): every document it governs says so (a first-line warning
// and the status bar, which opens the config at the problem), the last good version keeps the
// team's rules, disables and severities in force until it is fixed, and the output channel says
// when it broke and when it was fixed (and, for a broken rule file, the reload and the problem).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, ruleId, setting, waitFor, wsPath } from './helpers';

interface WarmlyApi {
  statusItem(): vscode.StatusBarItem | undefined;
  logLines(): string[];
}

async function api(): Promise<WarmlyApi> {
  const extension = vscode.extensions.getExtension('warmly.warmly');
  assert.ok(extension);
  return (await extension.activate()) as WarmlyApi;
}

const GOOD = 'rules:\n  - ../warmly-rules\ndisable:\n  - not-my-table\nseverity:\n  no-internal-jargon: error\n';
const TEXT = "Your case was escalated to tier two. You'll need to contact your bank.\n";

// Each way a content lead breaks it, and where the problem is (line, and a word of the message).
const BROKEN = [
  { what: 'a YAML syntax error', text: GOOD.replace('  - not-my-table\n', '  - [not-my-table\n'), line: 4 },
  { what: 'a schema error', text: `${GOOD}colour: blue\n`, line: 7 },
  { what: 'an unknown rule id', text: GOOD.replace('not-my-table', 'not-my-tabel'), line: 4, says: /did you mean/ },
];

/** The team's setup is in force: its rule at its severity, its disabled rule silent. */
function teamSetup(diagnostics: vscode.Diagnostic[]): boolean {
  const jargon = diagnostics.find((d) => ruleId(d) === 'no-internal-jargon');
  return jargon?.severity === vscode.DiagnosticSeverity.Error && !diagnostics.some((d) => ruleId(d) === 'not-my-table');
}

describe('a broken .warmlyrc.yaml', () => {
  const config = () => wsPath('health/.warmlyrc.yaml');

  beforeEach(() => {
    fs.mkdirSync(wsPath('health'), { recursive: true });
    fs.writeFileSync(config(), GOOD);
    fs.writeFileSync(wsPath('health/a.md'), TEXT);
    fs.writeFileSync(wsPath('health/b.md'), `Hello.\n\n${TEXT}`);
  });
  afterEach(async () => {
    await closeAll();
    fs.rmSync(wsPath('health'), { recursive: true, force: true });
  });

  for (const broken of BROKEN) {
    it(`${broken.what}: warned on every document and the status bar, the last good config stays in force`, async () => {
      const warmly = await api();
      const b = (await open('health/b.md')).document.uri;
      const a = (await open('health/a.md')).document.uri;
      const settled = (d: vscode.Diagnostic[]) => teamSetup(d) && !d.some(aboutConfig);
      for (const uri of [a, b]) await diagnosticsWhere(uri, 'the team setup', settled, 20_000);

      fs.writeFileSync(config(), broken.text);
      const place = new RegExp(`health/\\.warmlyrc\\.yaml:${broken.line}:\\d+: `);
      for (const uri of [a, b]) {
        const shown = await diagnosticsWhere(uri, 'the config warning', (d) => d.some(aboutConfig), 20_000);
        const note = shown.find(aboutConfig)!;
        assert.equal(note.range.start.line, 0);
        assert.equal(note.severity, vscode.DiagnosticSeverity.Warning);
        assert.match(note.message, place);
        if (broken.says) assert.match(note.message, broken.says);
        assert.match(note.message, /last good version of health\/\.warmlyrc\.yaml/);
        assert.ok(teamSetup(shown), `the team's rules, disables and severities still apply in ${uri.path}`);
      }

      const item = await waitFor('the status bar warning', () => {
        const shown = warmly.statusItem();
        return shown?.text.includes('health/.warmlyrc.yaml') ? shown : undefined;
      });
      assert.ok(item.backgroundColor instanceof vscode.ThemeColor);
      assert.equal((item.backgroundColor as unknown as { id: string }).id, 'statusBarItem.warningBackground');
      assert.match(String(item.tooltip), place);
      const command = item.command as vscode.Command;
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const editor = await waitFor('the config opened', () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.fsPath === config() ? active : undefined;
      });
      assert.equal(editor.selection.active.line, broken.line - 1);
      assert.ok(warmly.logLines().some((l) => /^warning: health\/\.warmlyrc\.yaml is broken .*last good/.test(l)));
      assert.ok(
        warmly.logLines().some((l) => /^info: reloading the config and rules: .*health\/\.warmlyrc\.yaml/.test(l)),
      );

      fs.writeFileSync(config(), GOOD);
      for (const uri of [a, b]) await diagnosticsWhere(uri, 'no warning, the team setup', settled, 20_000);
      assert.ok(warmly.logLines().some((l) => /^info: health\/\.warmlyrc\.yaml is fixed/.test(l)));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(a));
      // (Back to the count, unless a built-in rule file being edited in the same tree has a problem of its own.)
      await waitFor('the status bar without the config problem', () => {
        const text = warmly.statusItem()?.text;
        return text !== undefined && !text.includes('health/.warmlyrc.yaml');
      });
    });
  }
});

// (Not any config-problem: a built-in rule file being edited in the same tree may have one too.)
function aboutConfig(diagnostic: vscode.Diagnostic): boolean {
  return ruleId(diagnostic) === 'config-problem' && diagnostic.message.includes('health/.warmlyrc.yaml:');
}

describe('the output channel on reloads', () => {
  afterEach(closeAll);

  it('logs the reload and the problem at file:line:col', async () => {
    const warmly = await api();
    const broken = wsPath('warmly-rules/en/health-broken.yaml');
    await open('reply.md');
    fs.writeFileSync(broken, 'patterns:\n  - phrase: "a\n');
    try {
      await waitFor(
        'the problem in the log',
        () =>
          warmly.logLines().some((l) => /^warning: problem in warmly-rules\/en\/health-broken\.yaml:2:13: /.test(l)),
        20_000,
      );
      assert.ok(warmly.logLines().some((l) => /reloading the config and rules: .*health-broken\.yaml/.test(l)));
    } finally {
      fs.rmSync(broken, { force: true });
    }
  });

  it('logs a reload when warmly.* settings change', async () => {
    const warmly = await api();
    const restore = await setting('warmly', 'disable', ['no-judging']);
    try {
      await waitFor('the reload line', () =>
        warmly.logLines().some((l) => l === 'info: warmly.* settings changed: reloading the config and rules'),
      );
    } finally {
      await restore();
    }
  });
});
