// Chart.js, inlined into the report so the page needs no network. It is read from the installed
// chart.js package (a runtime dependency) rather than bundled into dist/cli.js: the browser
// build (UMD) is what the page needs, and the CLI's Node bundle has no use for it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function chartJsSource(): string {
  // chart.js exports no ./dist/* path, so find its folder from the main entry.
  const main = require.resolve('chart.js');
  const file = path.join(path.dirname(main), 'chart.umd.min.js');
  const source = fs.readFileSync(file, 'utf8');
  // Inside an inline <script>, "</script" would end the element early.
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
