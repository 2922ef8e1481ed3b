// A real LSP client for the tests: spawns the built server (`node dist/cli.js lsp --stdio`),
// talks JSON-RPC to it over its stdio, answers workspace/configuration from `settings`, and
// records every publishDiagnostics so tests can wait for the one they expect.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';
export { ensureBuilt } from './build';

export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface Client {
  connection: ProtocolConnection;
  process: ChildProcess;
  initialized: InitializeResult;
  /** What the client answers to workspace/configuration for the `warmly` section. */
  settings: Record<string, unknown>;
  published: PublishDiagnosticsParams[];
  configurationRequests: number;
  /** How long the client takes to answer workspace/configuration (an editor busy elsewhere). */
  configurationDelayMs: number;
  /** Resolves with the first publish (already seen or still to come) for `uri` that `accept` takes. */
  diagnostics(
    uri: string,
    accept?: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
    codeAction: {
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export async function startClient(opts: {
  root: string;
  args?: string[];
  capabilities?: ClientCapabilities;
  settings?: Record<string, unknown>;
}): Promise<Client> {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio', ...(opts.args ?? [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  const client = {
    connection,
    process: child,
    settings: opts.settings ?? {},
    published,
    configurationRequests: 0,
    configurationDelayMs: 0,
  } as Client;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const wake of waiters.splice(0)) wake();
  });
  connection.onRequest('workspace/configuration', async (params: { items: { section?: string }[] }) => {
    client.configurationRequests++;
    if (client.configurationDelayMs) await new Promise((resolve) => setTimeout(resolve, client.configurationDelayMs));
    return params.items.map((item) => (item.section === 'warmly' ? client.settings : null));
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  client.diagnostics = (uri, accept = () => true, timeoutMs = 10000) =>
    waitForPublish(published, waiters, uri, accept, timeoutMs);
  client.stop = () => stop(connection, child);
  const rootUri = pathToFileURL(opts.root).href;
  client.initialized = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'root' }],
    capabilities: opts.capabilities ?? CAPABILITIES,
  });
  await connection.sendNotification('initialized', {});
  return client;
}

function waitForPublish(
  published: PublishDiagnosticsParams[],
  waiters: Array<() => void>,
  uri: string,
  accept: (p: PublishDiagnosticsParams) => boolean,
  timeoutMs: number,
): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve, reject) => {
    const seen = () => JSON.stringify(seenBy(published, uri));
    const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; got ${seen()}`)), timeoutMs);
    const look = () => {
      const found = published.find((p) => p.uri === uri && accept(p));
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else waiters.push(look);
    };
    look();
  });
}

/** Shuts the server down as an editor does (shutdown, exit), killing it only if it does not go. */
async function stop(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  await connection.sendRequest('shutdown').catch(() => undefined);
  await connection.sendNotification('exit').catch(() => undefined);
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
    setTimeout(() => child.kill(), 3000).unref();
  });
  connection.dispose();
}

function seenBy(published: PublishDiagnosticsParams[], uri: string) {
  return published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]);
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}
