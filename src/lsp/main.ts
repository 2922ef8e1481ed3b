// `warmly lsp --stdio [--builtin-only]`: the language server editors start. It talks LSP on
// stdin/stdout, so nothing else may be written to stdout; logs go to the client's log or stderr.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

export const LSP_USAGE = `Usage: warmly lsp --stdio [--builtin-only] [--debounce <ms>]

Runs Warmly as a Language Server Protocol server on standard input and output, for any editor
with an LSP client (Neovim, Helix, Zed, Sublime LSP, …). Setup snippets: docs/lsp.md.

Options:
  --stdio          talk LSP over standard input and output (the only transport)
  --builtin-only   untrusted mode: read no .warmlyrc.yaml and no rule files, only the built-in rules
  --debounce <ms>  pause after typing before a changed document is checked (default 150)`;

/** Starts the server and returns undefined, or returns an exit code for --help and bad usage. */
export function runLsp(
  argv: string[],
  out: Writable = process.stdout,
  stderr: Writable = process.stderr,
): number | undefined {
  // Asked for help, nobody speaks LSP on stdout yet: it can go there.
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(LSP_USAGE + '\n');
    return 0;
  }
  let stdio = false,
    builtinOnly = false,
    debounceMs = 150;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--stdio') stdio = true;
    else if (arg === '--builtin-only') builtinOnly = true;
    else if (arg === '--debounce' && /^\d+$/.test(argv[i + 1] ?? '')) debounceMs = Number(argv[++i]);
    else
      return usageError(
        stderr,
        arg === '--debounce' ? '--debounce takes a whole number of milliseconds' : `unknown option ${arg}`,
      );
  }
  if (!stdio) return usageError(stderr, 'pass --stdio (the only transport)');
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, { builtinOnly, debounceMs });
  return undefined;
}

interface Writable {
  write(s: string): unknown;
}

function usageError(stderr: Writable, message: string): number {
  stderr.write(`warmly lsp: ${message}\n${LSP_USAGE}\n`);
  return 2;
}
