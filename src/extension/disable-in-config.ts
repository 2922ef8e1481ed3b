// "Disable … in .warmlyrc.yaml": the quick fix that turns a rule off where CI reads it too —
// for this file, this folder, or everywhere — in the nearest config above the document (a new
// one at the workspace root when there is none). Formats with no safe comment (plain text,
// CSV, helpdesk JSON) get this instead of "disable for this line".
import * as path from 'node:path';
import * as vscode from 'vscode';
import { disableInConfig, findConfig, type DisableScope } from '../core';

export type DisableKind = DisableScope['kind'];

export async function disableRuleInConfig(ruleId: string, uri: vscode.Uri, kind: DisableKind): Promise<void> {
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
  const found = findConfig(path.dirname(uri.fsPath), root);
  const file = found ?? path.join(root, '.warmlyrc.yaml');
  const fileUri = vscode.Uri.file(file);
  const text = found ? new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri)) : '';
  const target = kind === 'file' ? uri.fsPath : path.dirname(uri.fsPath);
  const rel = path.relative(path.dirname(file), target).split(path.sep).join('/');
  // The config's own folder is "everywhere" for that config.
  const scope: DisableScope = kind === 'everywhere' || rel === '' ? { kind: 'everywhere' } : { kind, path: rel };
  let updated: string;
  try {
    updated = disableInConfig(text, ruleId, scope);
  } catch (e) {
    void vscode.window.showErrorMessage(`Warmly: cannot edit ${path.basename(file)}: ${(e as Error).message}`);
    return;
  }
  await vscode.workspace.fs.writeFile(fileUri, new TextEncoder().encode(updated));
  const where = scope.kind === 'everywhere' ? 'everywhere' : `for ${scope.path}`;
  void vscode.window.showInformationMessage(
    `Warmly: ${ruleId} is disabled ${where} in ${vscode.workspace.asRelativePath(fileUri)}.`,
  );
}

/** The three quick fixes, titled by what they write. */
export function disableActions(ruleId: string, uri: vscode.Uri, withComment: boolean): vscode.CodeAction[] {
  const kinds: DisableKind[] = withComment ? ['everywhere'] : ['file', 'folder', 'everywhere'];
  const label = { file: 'for this file', folder: 'for this folder', everywhere: 'everywhere' };
  return kinds.map((kind) => {
    const action = new vscode.CodeAction(
      `Disable ${ruleId} ${label[kind]} in .warmlyrc.yaml`,
      vscode.CodeActionKind.QuickFix,
    );
    action.command = { title: action.title, command: 'warmly.disableInConfig', arguments: [ruleId, uri, kind] };
    return action;
  });
}
