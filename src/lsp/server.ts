// Wires the LSP connection to the parts: document sync, diagnostics, code actions, hover,
// settings and file watching. No lint logic lives here; the core engine decides.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
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
  new Server(connection, options).listen();
}

class Server {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly engines: Engines;
  private readonly settings: Settings;
  private readonly linter: Linter;
  private capabilities: ClientCapabilities = {};
  private folders: string[] = [];
  /** The open event is followed by a content event for the same version: lint once, at once. */
  private readonly justOpened = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {
    this.engines = new Engines(!options.builtinOnly);
    this.settings = new Settings(
      connection,
      () => !!this.capabilities.workspace?.configuration,
      (uri) => this.folderOf(uri),
    );
    this.linter = new Linter(
      connection,
      this.documents,
      this.settings,
      this.engines,
      () => this.folders,
      options.debounceMs,
    );
  }

  listen(): void {
    this.connection.onInitialize((params) => this.initialize(params));
    this.connection.onInitialized(() => this.initialized());
    this.wireDocuments();
    this.wireWorkspace();
    this.wireFeatures();
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities;
    this.folders = foldersOf(params.workspaceFolders, params.rootUri);
    this.settings.changed(initialSettings(params.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ACTION_KINDS, resolveProvider: true },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'warmly' },
    };
  }

  private initialized(): void {
    const workspace = this.capabilities.workspace;
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'warmly' });
    }
    if (!this.options.builtinOnly && workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const watchers = WATCHED.map((globPattern) => ({ globPattern }));
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    }
    if (workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(foldersOf(event.removed, null));
        this.folders = [...this.folders.filter((f) => !removed.has(f)), ...foldersOf(event.added, null)];
        this.settings.changed();
        void this.linter.lintAll();
      });
    }
  }

  private wireDocuments(): void {
    const { documents, linter, justOpened } = this;
    documents.onDidOpen(({ document }) => {
      justOpened.add(document.uri);
      void linter.lint(document.uri);
    });
    documents.onDidChangeContent(({ document }) => {
      if (!justOpened.delete(document.uri)) linter.changed(document);
    });
    documents.onDidSave(({ document }) => {
      // A client that cannot watch files still tells us when a config or rule file open in it is saved.
      if (!this.options.builtinOnly && /\.ya?ml$/i.test(document.uri)) this.reread();
      else void linter.lint(document.uri);
    });
    documents.onDidClose(({ document }) => {
      justOpened.delete(document.uri);
      this.settings.forget(document.uri);
      linter.forget(document.uri);
    });
  }

  private wireWorkspace(): void {
    this.connection.onDidChangeConfiguration((params) => {
      this.settings.changed(params.settings);
      void this.linter.lintAll();
    });
    this.connection.onDidChangeWatchedFiles(() => {
      if (!this.options.builtinOnly) this.reread();
    });
  }

  private wireFeatures(): void {
    const { connection, documents, linter } = this;
    connection.onCodeAction(async (params) => {
      const document = documents.get(params.textDocument.uri);
      const result = document && (await linter.current(document.uri));
      if (!document || !result) return [];
      return codeActions(document, result, params, {
        resolvable: !!this.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
        snippets: !!this.capabilities.workspace?.workspaceEdit?.snippetEditSupport,
      });
    });
    connection.onCodeActionResolve(async (action) => {
      const uri = (action.data as { warmlyFixAll?: { uri: string } } | undefined)?.warmlyFixAll?.uri;
      const document = uri ? documents.get(uri) : undefined;
      return resolveCodeAction(action, document, document && (await linter.current(document.uri)));
    });
    connection.onHover(async (params) => {
      const document = documents.get(params.textDocument.uri);
      const result = document && (await linter.current(document.uri));
      return document && result ? (hoverAt(document, result.findings, params.position) ?? null) : null;
    });
  }

  /** A config or rule file changed: engines keep their settings and read the files again. */
  private reread(): void {
    this.engines.reload();
    void this.linter.lintAll();
  }

  /** The workspace folder a document is in (the innermost), for relative `warmly.rules` paths. */
  private folderOf(uri: string): string | undefined {
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    const inner = [...this.folders].sort((a, b) => b.length - a.length);
    return (file && inner.find((f) => file.startsWith(f + path.sep))) ?? this.folders[0];
  }
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
