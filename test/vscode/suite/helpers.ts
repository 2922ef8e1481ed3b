// Shared by the suite files: where the run's workspace is, and waiting for what a writer would
// see (diagnostics arrive asynchronously after typing, saving and settings changes).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface RunInfo {
  name: 'trusted' | 'untrusted';
  results: string;
  /** The repository root, where screenshots go. */
  root: string;
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture workspace to be open');
  return folder.uri.fsPath;
}

/** run.mjs writes run.json beside the copied workspace. */
export function runInfo(): RunInfo {
  return JSON.parse(fs.readFileSync(path.join(path.dirname(workspaceDir()), 'run.json'), 'utf8'));
}

/** The folder of the extension under test: the repository, or a VSIX unpacked by run.mjs --vsix. */
export function extensionRoot(): string {
  const extension = vscode.extensions.getExtension('warmly.warmly');
  if (!extension) throw new Error('the extension under test (warmly.warmly) is not loaded');
  return extension.extensionPath;
}

export function wsPath(...parts: string[]): string {
  return path.join(workspaceDir(), ...parts);
}

export function wsUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(wsPath(...parts));
}

/** Opens a workspace file in its own tab (not a preview tab, which the next file would replace). */
export async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(wsUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function warmly(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'warmly');
}

export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(50);
  }
}

/** Waits until the document's Warmly diagnostics satisfy `check`, and returns them. */
export function diagnosticsWhere(
  uri: vscode.Uri,
  what: string,
  check: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${path.basename(uri.fsPath)}: ${what}`,
    () => {
      const diagnostics = warmly(uri);
      return check(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The range of the first `needle` in the document (what a writer would select by eye). */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const start = document.getText().indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in ${document.uri.fsPath}`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + needle.length));
}

export function onDisk(uri: vscode.Uri): string {
  return fs.readFileSync(uri.fsPath, 'utf8');
}

/**
 * Asks the runner (code-server.mjs) for a screenshot of the workbench as it is now and waits
 * until it is taken, so the UI is not changed under the camera. Returns the PNG's path.
 */
export async function screenshot(name: string): Promise<string> {
  const done = path.join(path.dirname(workspaceDir()), `${name}.done`);
  fs.rmSync(done, { force: true });
  console.log(`@@SCREENSHOT ${name} ${done}`);
  await waitFor(`screenshot ${name}`, () => fs.existsSync(done), 20_000);
  const file = fs.readFileSync(done, 'utf8');
  fs.rmSync(done, { force: true });
  return file;
}

/** Asks the runner to click a workbench button, as a person would, and waits until it has. */
export async function clickButton(label: string): Promise<void> {
  const done = path.join(path.dirname(workspaceDir()), `click-${Date.now()}.done`);
  console.log(`@@CLICK ${done} ${label}`);
  await waitFor(`a click on "${label}"`, () => fs.existsSync(done), 20_000);
  const outcome = fs.readFileSync(done, 'utf8');
  fs.rmSync(done, { force: true });
  if (outcome !== 'clicked') throw new Error(outcome);
}

/** Sets a warmly.* (or other) setting for the workspace and returns a function that restores it. */
export async function setting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration(section);
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => {
    await vscode.workspace.getConfiguration(section).update(key, before, vscode.ConfigurationTarget.Workspace);
  };
}

/** Closes every editor, discarding unsaved edits (a save prompt would stall the run). */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
