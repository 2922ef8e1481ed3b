// Entry point: wires the parts together and registers them. No lint logic lives in the
// extension; the core engine decides, these files only present its findings.
import * as vscode from 'vscode';
import { WorkspaceCheck } from './check-workspace';
import { CodeActions } from './code-actions';
import { DiagnosticsView } from './diagnostics';
import { Documents, type ShownResult } from './documents';
import { Engines } from './engines';
import { FileProblemsView } from './file-problems';
import { Hover } from './hover';
import { newRuleFile } from './new-rule';
import { readSettings, settingsTarget } from './settings';
import { ExtensionLog } from './log';
import { openProblem, selectLanguage, StatusBar } from './status-bar';
import { Watchers } from './watchers';
import { disableRuleInConfig, type DisableKind } from './disable-in-config';

/** What activate() returns: lets the integration tests time a lint and read the status bar and the log. */
export interface WarmlyApi {
  lint(document: vscode.TextDocument): ShownResult | undefined;
  statusText(): string | undefined;
  /** The status bar item as shown (undefined when hidden). */
  statusItem(): vscode.StatusBarItem | undefined;
  /** The latest lines of the Warmly output channel, as "level: message". */
  logLines(): string[];
  /** Drops the findings a workspace check put on files that are not open (a suite cleaning up). */
  forgetWorkspaceCheck(): void;
}

export function activate(context: vscode.ExtensionContext): WarmlyApi {
  const log = new ExtensionLog();
  const snapshotFile = context.asAbsolutePath('dist/rules.snapshot.json');
  const engines = new Engines(context.asAbsolutePath('rules'), snapshotFile, log);
  const held = (file: string) => engines.health.isHeld(file);
  const diagnostics = new DiagnosticsView(held);
  const problems = new FileProblemsView(log);
  const documents = new Documents(engines, diagnostics, problems, log);
  const actions = new CodeActions(documents);
  const status = new StatusBar(documents, held);
  const check = new WorkspaceCheck(engines, documents, diagnostics, log);
  const watchers = new Watchers((files) => {
    log.info(`reloading the config and rules: ${namedFiles(files)} changed`);
    engines.reload();
    documents.lintOpenDocuments();
  });
  const watchRulePaths = () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const paths = (folders.length ? folders.map((f) => readSettings(f.uri)) : [readSettings(undefined)]).flatMap(
      (s) => s.engine.rules ?? [],
    );
    watchers.update(engines.trusted, paths);
  };
  const restart = (why: string) => {
    log.info(`${why}: reloading the config and rules`);
    engines.clear();
    watchRulePaths();
    documents.lintOpenDocuments();
  };
  // Every file and untitled document may be a template; shouldLint() applies warmly.fileTypes.
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

  context.subscriptions.push(
    log,
    diagnostics,
    problems,
    documents,
    status,
    watchers,
    vscode.languages.registerCodeActionsProvider(selector, actions, CodeActions.metadata),
    vscode.languages.registerHoverProvider(selector, new Hover(documents)),
    ...documentEvents(documents),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('warmly')) restart('warmly.* settings changed');
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart('the workspace is trusted now')),
    ...commands(actions, documents),
    vscode.commands.registerCommand('warmly.checkWorkspace', (cancel?: vscode.CancellationToken) => check.run(cancel)),
  );

  watchRulePaths();
  documents.lintOpenDocuments();
  return {
    lint: (document) => documents.refresh(document, true),
    statusText: () => status.shown,
    statusItem: () => (status.shown === undefined ? undefined : status.item),
    logLines: () => log.lines(),
    forgetWorkspaceCheck: () => check.forgetChecked(),
  };
}

export function deactivate(): void {}

/** "a.yaml, b.yaml and 3 more": the changed files a reload names in the log. */
function namedFiles(files: string[]): string {
  const named = files.slice(0, 5).map((f) => vscode.workspace.asRelativePath(f));
  return `${named.join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`;
}

/** When documents are linted: on open, while typing (after a pause), on save, and when a tab closes. */
function documentEvents(documents: Documents): vscode.Disposable[] {
  return [
    vscode.workspace.onDidOpenTextDocument((document) => documents.opened(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      if (readSettings(event.document.uri).run === 'onType') documents.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => documents.refresh(document)),
    vscode.workspace.onDidCloseTextDocument((document) => documents.closed(document)),
    // VS Code keeps a closed tab's document open for a while; its problems should go with the tab.
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => String(tabUri(t)))));
      for (const tab of event.closed) {
        const uri = tabUri(tab);
        if (!uri || shown.has(uri.toString())) continue;
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) documents.tabClosed(document);
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => documents.lintVisible(editors)),
  ];
}

function commands(actions: CodeActions, documents: Documents): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('warmly.fixAll', async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      const edit = document && actions.fixAllEdit(document);
      return edit ? vscode.workspace.applyEdit(edit) : false;
    }),
    vscode.commands.registerCommand('warmly.disableRule', disableRuleInSettings),
    vscode.commands.registerCommand('warmly.disableInConfig', (ruleId: string, uri: vscode.Uri, kind: DisableKind) =>
      disableRuleInConfig(ruleId, uri, kind),
    ),
    vscode.commands.registerCommand('warmly.openProblem', openProblem),
    vscode.commands.registerCommand('warmly.selectLanguage', (code?: string) => selectLanguage(documents, code)),
    vscode.commands.registerCommand('warmly.newRuleFile', (ruleId?: string, language?: string) =>
      newRuleFile(ruleId, language),
    ),
  ];
}

/** `warmly.disable` gains the rule, at the level of settings that governs the document. */
async function disableRuleInSettings(ruleId: string, uri?: vscode.Uri): Promise<void> {
  const config = vscode.workspace.getConfiguration('warmly', uri);
  const target = settingsTarget(uri);
  const inspected = config.inspect<string[]>('disable');
  const byTarget = {
    [vscode.ConfigurationTarget.WorkspaceFolder]: inspected?.workspaceFolderValue,
    [vscode.ConfigurationTarget.Workspace]: inspected?.workspaceValue,
    [vscode.ConfigurationTarget.Global]: inspected?.globalValue,
  };
  const current = byTarget[target] ?? [];
  if (!current.includes(ruleId)) await config.update('disable', [...current, ruleId], target);
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}
