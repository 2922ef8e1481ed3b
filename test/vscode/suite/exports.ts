// Helpdesk exports in the editor (issue 14.5): a .json or .csv file is recognised by its content
// and linted as the CLI lints it — findings on the reply strings only, at the CLI's ranges, never
// on keys, titles or the CSV header — without adding json/csv to warmly.fileTypes; a JSON file
// that is no export gets nothing. A quick fix edits inside the string and keeps the file valid.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { detectCsv } from '../../../src/core/helpdesk';
import { closeAll, diagnosticsWhere, open, ruleId, waitFor, wsPath } from './helpers';
import { engine } from './oracle';

interface WarmlyApi {
  lint(document: vscode.TextDocument): { findings: unknown[]; notExport?: string } | undefined;
  statusText(): string | undefined;
}

const RULE = 'export-courier';
// A team rule whose fix has a comma and double quotes: what JSON and CSV must escape.
const RULE_FILE = `severity: warning
principle: Take the errand off the customer.
source: "test rule"
message: "Offer to call the courier yourself."
why: The customer should not have to chase our courier.
patterns:
  - phrase: "call the courier yourself"
    fix: 'let me call the courier for you, as "promised"'
examples:
  bad:
    - text: "Please call the courier yourself."
      fixed: 'Please let me call the courier for you, as "promised".'
  good:
    - "I have called the courier for you."
`;
const BAD = 'call the courier yourself';
const FIXED = 'let me call the courier for you, as "promised"';

const MACROS = `{
  "macros": [
    {
      "title": "Please ${BAD}",
      "Please ${BAD}": true,
      "actions": [
        { "field": "subject", "value": "Please ${BAD}" },
        { "field": "comment_value", "value": "Hi \\"there\\",\\n\\nPlease ${BAD}.\\n" }
      ]
    }
  ]
}
`;
const CSV = `title,text,please ${BAD}\nCourier,"Hi ""there"", please ${BAD}.",\nAgain ${BAD},Please ${BAD},\n`;

describe('helpdesk exports', () => {
  let warmly: WarmlyApi;
  before(async () => {
    const extension = vscode.extensions.getExtension('warmly.warmly');
    assert.ok(extension);
    warmly = (await extension.activate()) as WarmlyApi;
    fs.mkdirSync(wsPath('exports'), { recursive: true });
    fs.writeFileSync(wsPath(`warmly-rules/en/${RULE}.yaml`), RULE_FILE);
    fs.writeFileSync(wsPath('exports/macros.json'), MACROS);
    fs.writeFileSync(wsPath('exports/replies.csv'), CSV);
    fs.writeFileSync(wsPath('exports/package.json'), `{ "name": "x", "description": "Please ${BAD}." }\n`);
    fs.writeFileSync(wsPath('exports/tsconfig.json'), `{\n  // Please ${BAD}.\n  "compilerOptions": {}\n}\n`);
  });
  afterEach(closeAll);
  after(() => {
    fs.rmSync(wsPath(`warmly-rules/en/${RULE}.yaml`), { force: true });
    fs.rmSync(wsPath('exports'), { recursive: true, force: true });
  });

  it('a Zendesk macros .json: findings on the comment only, at the CLI ranges', async () => {
    const editor = await open('exports/macros.json');
    const shown = await diagnosticsWhere(editor.document.uri, 'the reply finding', (d) => hasRule(d), 20_000);
    assert.deepEqual(rangesOf(shown), cliRanges(editor.document));
    const [finding] = shown.filter((d) => ruleId(d) === RULE);
    assert.equal(shown.filter((d) => ruleId(d) === RULE).length, 1);
    assert.equal(editor.document.getText(finding.range), BAD);
    assert.equal(finding.range.start.line, 7, 'in the comment_value string, not the title, key or subject');
  });

  it('a quick fix in a JSON reply edits inside the string and keeps it valid JSON', async () => {
    const editor = await open('exports/macros.json');
    const document = editor.document;
    const [finding] = (await diagnosticsWhere(document.uri, 'the finding', hasRule, 20_000)).filter(isRule);
    await applyFix(document, finding);
    const parsed = JSON.parse(document.getText());
    const [macro] = parsed.macros;
    assert.equal(macro.actions[1].value, `Hi "there",\n\nPlease ${FIXED}.\n`);
    assert.equal(macro.title, `Please ${BAD}`);
    assert.equal(macro.actions[0].value, `Please ${BAD}`);
    assert.equal(macro[`Please ${BAD}`], true);
  });

  it('a .csv export: findings in the text column only, never the header or titles', async () => {
    const editor = await open('exports/replies.csv');
    const shown = await diagnosticsWhere(editor.document.uri, 'two reply findings', (d) => rules(d) === 2, 20_000);
    assert.deepEqual(rangesOf(shown), cliRanges(editor.document));
    for (const d of shown.filter(isRule)) assert.ok(d.range.start.line > 0, 'not on the header');
    const columns = shown.filter(isRule).map((d) => editor.document.lineAt(d.range.start.line).text.indexOf(','));
    for (const [i, d] of shown.filter(isRule).entries()) assert.ok(d.range.start.character > columns[i]);
  });

  it('quick fixes in CSV fields keep the quoting valid (a quoted field; a bare one that needs quotes)', async () => {
    const editor = await open('exports/replies.csv');
    const document = editor.document;
    for (let row = 0; row < 2; row++) {
      const [first] = (await diagnosticsWhere(document.uri, 'a finding', hasRule, 20_000)).filter(isRule);
      await applyFix(document, first);
    }
    const detection = detectCsv(document.getText());
    assert.equal(detection.kind, 'export');
    if (detection.kind !== 'export') return;
    assert.deepEqual(
      detection.replies.map((r) => r.text),
      [`Hi "there", please ${FIXED}.`, `Please ${FIXED}`],
    );
    assert.equal(document.lineAt(0).text, `title,text,please ${BAD}`);
    assert.ok(document.lineAt(2).text.startsWith(`Again ${BAD},`));
  });

  it('package.json and tsconfig.json are no exports: no findings, no status', async () => {
    await open('exports/macros.json');
    for (const name of ['package.json', 'tsconfig.json']) {
      const editor = await open(`exports/${name}`);
      const result = await waitFor(`${name} linted`, () => warmly.lint(editor.document));
      assert.deepEqual(result.findings, []);
      assert.ok(result.notExport, `${name} is said to be no export`);
      await waitFor(`no status for ${name}`, () => warmly.statusText() === undefined);
      assert.deepEqual(
        vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'warmly'),
        [],
      );
    }
  });
});

function isRule(d: vscode.Diagnostic): boolean {
  return ruleId(d) === RULE;
}

function hasRule(d: vscode.Diagnostic[]): boolean {
  return d.some(isRule);
}

function rules(d: vscode.Diagnostic[]): number {
  return d.filter(isRule).length;
}

/** Findings' ranges (rule id and offsets) as the extension shows them, config notes left out. */
function rangesOf(shown: vscode.Diagnostic[]): string[] {
  const document = vscode.window.activeTextEditor!.document;
  return shown
    .filter((d) => ruleId(d) !== 'config-problem')
    .map((d) => `${ruleId(d)}@${document.offsetAt(d.range.start)}-${document.offsetAt(d.range.end)}`)
    .sort();
}

/** What the CLI's way through the core (engine.openExport) finds in the same file. */
function cliRanges(document: vscode.TextDocument): string[] {
  const result = engine().openExport({ fileName: document.uri.fsPath, text: document.getText() }).lint();
  assert.equal(result.kind, 'export');
  return result.kind === 'export' ? result.findings.map((f) => `${f.ruleId}@${f.start}-${f.end}`).sort() : [];
}

async function applyFix(document: vscode.TextDocument, finding: vscode.Diagnostic): Promise<void> {
  const version = document.version;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    finding.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const fix = actions.find((a) => a.isPreferred && a.title.includes('let me call the courier'));
  assert.ok(fix?.edit, `a preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  await waitFor('the edit', () => document.version > version);
  // Wait for the re-lint of the edited text before the next look.
  await diagnosticsWhere(
    document.uri,
    'the re-lint',
    (d) => !d.some((x) => isRule(x) && x.range.isEqual(finding.range)),
  );
}
