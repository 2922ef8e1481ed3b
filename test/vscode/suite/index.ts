// The suite's entry point, loaded by VS Code's extension host (extensionTestsPath). It picks the
// files for this run (trusted or untrusted workspace), runs them with mocha, and writes the
// counts for run.mjs, which turns them into the VSCODE-TOTALS line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runInfo } from './helpers';

const TRUSTED = ['diagnostics.js', 'quick-fix.js', 'fix-all.js', 'hover.js', 'settings.js', 'rule-files.js', 'screenshots.js', 'performance.js'];
const UNTRUSTED = ['untrusted.js'];

export function run(): Promise<void> {
  const info = runInfo();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const file of info.name === 'untrusted' ? UNTRUSTED : TRUSTED) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures };
      fs.writeFileSync(info.results, JSON.stringify({ passed: stats.passes, failed: stats.failures }));
      if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
  });
}
