// Stands in for `net` and `child_process` inside the bundled LSP libraries. vscode-jsonrpc
// can also talk over sockets and pipes, and vscode-languageserver can resolve modules by
// running npm; `warmly lsp` uses neither (it speaks stdio only), and the bundle must not be
// able to open a socket or start a process (test/reliability/supply-chain.test.ts), so those
// paths fail loudly instead. esbuild.config.mjs maps the two modules here for those libraries.
function refused(what: string): never {
  throw new Error(`warmly lsp talks over stdio only; ${what} is not available in this bundle`);
}

export const createServer = (): never => refused('a socket or pipe server');
export const createConnection = (): never => refused('a socket or pipe connection');
export const fork = (): never => refused('starting a process');
export const spawnSync = (): never => refused('starting a process');
