// Wires the LSP connection to the parts: document sync, diagnostics, code actions, hover,
// settings and file watching. No lint logic lives here; the core engine decides.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind, TextDocuments,
  type ClientCapabilities, type Connection, type InitializeParams, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ACTION_KINDS, codeActions, resolveCodeAction } from './code-actions';
import { Engines } from './engines';
import { hoverAt } from './hover';
import { Linter } from './lint-documents';
import { Settings } from './settings';

export interface ServerOptions {
  /** Untrusted mode: only the built-in rules; no .warmlyrc.yaml, no rule files, nothing watched. */
  builtinOnly: boolean;
  debounceMs: number;
}

// What makes the engine read again: configs, and rule files (any YAML, since rule folders are named freely).
const WATCHED = ['**/.warmlyrc.{yaml,yml}', '**/*.{yaml,yml}'];

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const engines = new Engines(!options.builtinOnly);
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  const folderOf = (uri: string) => {
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    return (file && [...folders].sort((a, b) => b.length - a.length).find((f) => file.startsWith(f + path.sep))) ?? folders[0];
  };
  const settings = new Settings(connection, () => !!capabilities.workspace?.configuration, folderOf);
  const linter = new Linter(connection, documents, settings, engines, () => folders, options.debounceMs);
  const reread = () => {
    engines.reload();
    void linter.lintAll();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    folders = foldersOf(params.workspaceFolders, params.rootUri);
    settings.changed(initialSettings(params.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ACTION_KINDS, resolveProvider: true },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'warmly' },
    };
  });

  connection.onInitialized(() => {
    const dynamic = (c: { dynamicRegistration?: boolean } | undefined) => !!c?.dynamicRegistration;
    if (dynamic(capabilities.workspace?.didChangeConfiguration)) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'warmly' });
    }
    if (!options.builtinOnly && dynamic(capabilities.workspace?.didChangeWatchedFiles)) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(foldersOf(event.removed, null));
        folders = [...folders.filter((f) => !removed.has(f)), ...foldersOf(event.added, null)];
        settings.changed();
        void linter.lintAll();
      });
    }
  });

  // The open event is followed by a content event for the same version: lint once, at once.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    void linter.lint(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    if (!justOpened.delete(document.uri)) linter.changed(document);
  });
  documents.onDidSave(({ document }) => {
    // A client that cannot watch files still tells us when a config or rule file open in it is saved.
    if (!options.builtinOnly && /\.ya?ml$/i.test(document.uri)) reread();
    else void linter.lint(document.uri);
  });
  documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    settings.forget(document.uri);
    linter.forget(document.uri);
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    void linter.lintAll();
  });
  connection.onDidChangeWatchedFiles(() => {
    if (!options.builtinOnly) reread();
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const result = document && await linter.current(document.uri);
    if (!document || !result) return [];
    return codeActions(document, result, params, {
      resolvable: !!capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
      snippets: !!capabilities.workspace?.workspaceEdit?.snippetEditSupport,
    });
  });
  connection.onCodeActionResolve(async (action) => {
    const uri = (action.data as { warmlyFixAll?: { uri: string } } | undefined)?.warmlyFixAll?.uri;
    const document = uri ? documents.get(uri) : undefined;
    return resolveCodeAction(action, document, document && await linter.current(document.uri));
  });
  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const result = document && await linter.current(document.uri);
    return document && result ? hoverAt(document, result.findings, params.position) ?? null : null;
  });

  documents.listen(connection);
  connection.listen();
}

function foldersOf(list: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
  const uris = list?.length ? list.map((f) => f.uri) : rootUri ? [rootUri] : [];
  return uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
}

/** initializationOptions may hold `{ warmly: {…} }` or the `warmly` settings themselves. */
function initialSettings(options: unknown): { warmly: unknown } | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  return 'warmly' in options ? (options as { warmly: unknown }) : { warmly: options };
}
