// The CLI run in-process with its output captured: what most CLI tests need, in one place.
import { Readable } from 'node:stream';
import { runCli } from '../src/cli/run-cli';

export async function cli(argv: string[], cwd: string, stdin?: string) {
  let out = '';
  let err = '';
  const code = await runCli({
    argv,
    cwd,
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
  });
  return { code, out, err };
}
