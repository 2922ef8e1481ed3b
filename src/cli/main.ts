// The `warmly` executable: real process streams in, exit code out.
import { runCli } from './run-cli';

runCli({ argv: process.argv.slice(2), cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
);
