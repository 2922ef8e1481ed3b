// "Warmly: New rule file" gives a content lead a rule file that already validates against the
// schema, in the folder their .warmlyrc.yaml reads (the config that governs the document being
// edited, found as the CLI finds it), so the first edit is about words, not syntax.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { findConfig, LANGUAGES, loadConfig } from '../core';

const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;
const DEFAULT_FOLDER = 'warmly-rules';

export async function newRuleFile(ruleIdArg?: string, languageArg?: string): Promise<vscode.Uri | undefined> {
  // The workspace folder of the document being edited (in a multi-root workspace), else the first.
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) || vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Warmly: open a folder first; rule files live in the workspace.');
    return undefined;
  }
  const ruleId =
    ruleIdArg ??
    (await vscode.window.showInputBox({
      title: 'Warmly: new rule',
      prompt: 'Rule id (it is also the file name), e.g. no-waiting-blame',
      validateInput: (value) =>
        RULE_ID.test(value) ? undefined : 'Lower-case letters, digits and dashes, starting with a letter or digit.',
    }));
  if (!ruleId || !RULE_ID.test(ruleId)) return undefined;
  const language =
    languageArg ??
    (
      await vscode.window.showQuickPick(
        LANGUAGES.map((l) => ({ label: l.name, description: l.code, code: l.code })),
        { title: 'Warmly: language of the rule' },
      )
    )?.code;
  if (!language) return undefined;

  const rulesFolder = await rulesFolderOf(folder.uri);
  const file = vscode.Uri.joinPath(rulesFolder, language, `${ruleId}.yaml`);
  if (await exists(file)) {
    void vscode.window.showWarningMessage(
      `Warmly: ${vscode.workspace.asRelativePath(file)} already exists; opened it.`,
    );
  } else {
    await vscode.workspace.fs.writeFile(file, Buffer.from(scaffold(ruleId), 'utf8'));
  }
  const editor = await vscode.window.showTextDocument(file);
  // Put the cursor on the phrase, the first thing to change.
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes('- phrase:'));
  if (line >= 0) editor.selection = new vscode.Selection(line, 12, line, editor.document.lineAt(line).text.length);
  return file;
}

/**
 * Where the team's rules live, as the CLI would read them for the document being edited: the
 * config that governs it (the nearest .warmlyrc.yaml or .warmlyrc.yml up to the workspace folder,
 * as the CLI finds it), its own first `rules:` folder, else the first folder its `extends` chain
 * brings in; a nested config that names none falls back to the root config's. With no config at
 * all, one is created at the root, naming the default folder.
 */
async function rulesFolderOf(root: vscode.Uri): Promise<vscode.Uri> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const inFolder = active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active)?.uri.fsPath === root.fsPath;
  const nearest = findConfig(inFolder ? path.dirname(active.fsPath) : root.fsPath, root.fsPath);
  const configs = [...new Set([nearest, findConfig(root.fsPath, root.fsPath)])].filter((c) => c !== undefined);
  if (configs.length === 0) {
    const config = vscode.Uri.joinPath(root, '.warmlyrc.yaml');
    await vscode.workspace.fs.writeFile(
      config,
      Buffer.from(`# Warmly settings for this workspace.\nrules:\n  - ${DEFAULT_FOLDER}\n`, 'utf8'),
    );
    return vscode.Uri.joinPath(root, DEFAULT_FOLDER);
  }
  for (const configFile of configs) {
    const own = ownRuleFolder(fs.readFileSync(configFile, 'utf8'));
    if (own) return vscode.Uri.file(path.resolve(path.dirname(configFile), own));
    const inherited = loadConfig(configFile).rules.find((r) => !/\.ya?ml$/i.test(r));
    if (inherited) return vscode.Uri.file(inherited);
  }
  const last = configs[configs.length - 1];
  const name = vscode.workspace.asRelativePath(last);
  void vscode.window.showInformationMessage(
    `Warmly: add "${DEFAULT_FOLDER}" under rules: in ${name} so the new rule is read.`,
  );
  return vscode.Uri.file(path.join(path.dirname(last), DEFAULT_FOLDER));
}

// Read as YAML, as the CLI does: "rules: [./team-rules]" and a block list alike. The first
// folder listed is where the team's rules live (a rule file listed alone is not a folder).
function ownRuleFolder(text: string): string | undefined {
  let rules: unknown;
  try {
    rules = (parse(text) as { rules?: unknown } | null)?.rules;
  } catch {
    rules = undefined;
  }
  return (Array.isArray(rules) ? rules : [])
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.trim())
    .find((r) => r && !/\.ya?ml$/i.test(r));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function scaffold(ruleId: string): string {
  return `# Warmly rule "${ruleId}": the id is the file name, the language the folder name.
# Every pattern needs a bad example (flagged, with the text after its fix) and the good
# examples must pass; they run as tests. "fix:" is applied unasked, so it may add no fact;
# "suggest:" rewrites are only offered ({time?} is a slot the writer fills in).
severity: warning
principle: Say what we will do for the customer.
source: ""
message: "Offer what we can do instead of \\"{match}\\"."
why: The customer wants to know what happens next, not what cannot happen.
patterns:
  - phrase: "we [cannot|can't] do that"
    fix: "here is what I can do"
    suggest:
      - "I can {alternative?} instead"
examples:
  bad:
    - text: "Sorry, we cannot do that."
      fixed: "Sorry, here is what I can do."
  good:
    - "Here is what I can do for you."
`;
}
