// Chart.js, inlined into the report so the page needs no network. The build copies its browser
// build (UMD, with its MIT banner) next to dist/cli.js, so the published package has no runtime
// dependency; run from the sources (tests, tsx), it is read from the chart.js dev dependency.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function chartJsSource(): string {
  const copied = path.join(__dirname, 'chart.umd.min.js');
  // chart.js exports no ./dist/* path, so find its folder from the main entry.
  const file = fs.existsSync(copied)
    ? copied
    : path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
  const source = fs.readFileSync(file, 'utf8');
  // Inside an inline <script>, "</script" would end the element early.
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
