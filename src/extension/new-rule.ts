// "Warmly: New rule file" gives a content lead a rule file that already validates against the
// schema, in the folder their .warmlyrc.yaml reads, so the first edit is about words, not syntax.
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { LANGUAGES } from '../core';

const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;
const DEFAULT_FOLDER = 'warmly-rules';

export async function newRuleFile(ruleIdArg?: string, languageArg?: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
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
  const file = vscode.Uri.joinPath(folder.uri, rulesFolder, language, `${ruleId}.yaml`);
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

/** The first folder listed under `rules:` in the workspace .warmlyrc.yaml; creates the config if there is none. */
async function rulesFolderOf(root: vscode.Uri): Promise<string> {
  const config = vscode.Uri.joinPath(root, '.warmlyrc.yaml');
  if (!(await exists(config))) {
    await vscode.workspace.fs.writeFile(
      config,
      Buffer.from(`# Warmly settings for this workspace.\nrules:\n  - ${DEFAULT_FOLDER}\n`, 'utf8'),
    );
    return DEFAULT_FOLDER;
  }
  const text = Buffer.from(await vscode.workspace.fs.readFile(config)).toString('utf8');
  // Read as YAML, as the CLI does: "rules: [./team-rules]" and a block list alike. The first
  // folder listed is where the team's rules live (a rule file listed alone is not a folder).
  let rules: unknown;
  try {
    rules = (parse(text) as { rules?: unknown } | null)?.rules;
  } catch {
    rules = undefined;
  }
  const first = (Array.isArray(rules) ? rules : [])
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.trim())
    .find((r) => r && !/\.ya?ml$/i.test(r));
  if (first) return first;
  void vscode.window.showInformationMessage(
    `Warmly: add "${DEFAULT_FOLDER}" under rules: in .warmlyrc.yaml so the new rule is read.`,
  );
  return DEFAULT_FOLDER;
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
