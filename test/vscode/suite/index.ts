// The suite's entry point, loaded by VS Code's extension host (extensionTestsPath). It picks the
// files for this run (trusted or untrusted workspace), runs them with mocha, and writes the
// counts for run.mjs, which turns them into the VSCODE-TOTALS line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runInfo } from './helpers';

// Every suite file runs in the trusted workspace except untrusted.js, which needs its own session.
const NOT_TESTS = new Set(['index.js', 'helpers.js', 'oracle.js']);

export function run(): Promise<void> {
  const info = runInfo();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.js') && !NOT_TESTS.has(f))
    .sort();
  // run.mjs --suite <name> narrows the run to those files (while working on one of them).
  const only = process.env.WARMLY_SUITES?.split(',');
  for (const file of files.filter((f) => (f === 'untrusted.js') === (info.name === 'untrusted')))
    if (!only || only.includes(file)) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures };
      fs.writeFileSync(info.results, JSON.stringify({ passed: stats.passes, failed: stats.failures }));
      if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
  });
}
