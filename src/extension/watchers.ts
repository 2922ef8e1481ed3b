// Hot reload: when a .warmlyrc.yaml or a rule file changes (in the workspace or in a folder named
// by `warmly.rules`), rebuild the engines and lint the open documents again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const RELOAD_DELAY_MS = 150;

export class Watchers implements vscode.Disposable {
  private workspaceWatcher: vscode.FileSystemWatcher | undefined;
  private ruleWatchers: vscode.FileSystemWatcher[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The files changed since the last reload (what the output channel names). */
  private readonly pending = new Set<string>();

  constructor(private readonly onChange: (files: string[]) => void) {
    // Saving in the editor is the common case and reported at once; the watchers catch the rest
    // (git checkout, another tool writing the file).
    this.subscriptions.push(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (isWarmlyYaml(document.uri)) this.changed(document.uri);
      }),
    );
  }

  /** (Re)creates the watchers for the current trust state and the `warmly.rules` paths. */
  update(trusted: boolean, rulePaths: string[]): void {
    this.disposeWatchers();
    // Untrusted workspaces never read workspace files, so there is nothing to watch there.
    if (!trusted) return;
    this.workspaceWatcher = this.watch('**/*.{yaml,yml}');
    for (const rulePath of new Set(rulePaths)) {
      const isFile = /\.ya?ml$/i.test(rulePath) && !isDirectory(rulePath);
      const base = vscode.Uri.file(isFile ? path.dirname(rulePath) : rulePath);
      this.ruleWatchers.push(
        this.watch(new vscode.RelativePattern(base, isFile ? path.basename(rulePath) : '**/*.{yaml,yml}')),
      );
    }
  }

  dispose(): void {
    this.disposeWatchers();
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private watch(pattern: vscode.GlobPattern): vscode.FileSystemWatcher {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const changed = (uri: vscode.Uri) => {
      if (!uri.path.includes('/node_modules/')) this.changed(uri);
    };
    watcher.onDidChange(changed);
    watcher.onDidCreate(changed);
    watcher.onDidDelete(changed);
    return watcher;
  }

  /** A save and its watcher event, or a burst of files from a checkout, make one reload. */
  private changed(uri: vscode.Uri): void {
    this.pending.add(uri.fsPath);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const files = [...this.pending];
      this.pending.clear();
      this.onChange(files);
    }, RELOAD_DELAY_MS);
  }

  private disposeWatchers(): void {
    this.workspaceWatcher?.dispose();
    this.workspaceWatcher = undefined;
    for (const watcher of this.ruleWatchers) watcher.dispose();
    this.ruleWatchers = [];
  }
}

function isWarmlyYaml(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /\.ya?ml$/i.test(uri.path);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
