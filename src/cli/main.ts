// The `warmly` executable: real process streams in, exit code out.
import { nodeTooOld } from './node-version';
import { runCli } from './run-cli';

// Refuse an unsupported Node.js in words before anything else runs (exit 2: a usage problem).
const tooOld = nodeTooOld(process.version);
if (tooOld) {
  process.stderr.write(tooOld);
  process.exit(2);
}

// `warmly … | head` closes the pipe early; that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// `warmly lsp --stdio` is the language server (src/lsp): the same bin, loaded only when asked for.
if (process.argv[2] === 'lsp') {
  void import('../lsp/main').then(({ runLsp }) => {
    const code = runLsp(process.argv.slice(3));
    if (code !== undefined) process.exitCode = code;
  });
} else
  runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
