/// <reference lib="dom" />
// The warmth report, built by the bundled CLI as a real process and opened in a real headless
// Chromium: it renders, its charts hold the counts the linter reports, user text stays text,
// and the page makes no request at all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ROOT, tempDir } from '../helpers';
import { fixture, FILES } from '../helpdesk/fixtures';
import { launch } from './browser';

const CLI = path.join(ROOT, 'dist', 'cli.js');
// Text that would be markup if the report did not escape it.
const HOSTILE =
  'Hi {{ name }},\n\nWe apologise for any inconvenience. </script><script>window.pwned = 1</script><img src="https://tracker.example/x.png">\n';

interface ChartData {
  labels: string[];
  datasets: Array<{ data: number[] }>;
}

describe('warmly report', function () {
  this.timeout(120000);
  let browser: Browser;
  let dir: string;
  let html: string;

  before(async () => {
    // Always rebuild: the test is about what `npm run build` ships, with the current sources.
    const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.config.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const files: Record<string, string> = {
      'templates/en/outage.md': HOSTILE,
      'templates/en/thanks.md': 'Thank you so much for writing in!\n',
    };
    for (const name of Object.values(FILES)) files[`exports/${name}`] = fixture(name).text;
    dir = tempDir(files);
    const r = spawnSync(
      process.execPath,
      [CLI, '--no-config', 'report', 'exports', 'templates', '--out', 'out/report.html'],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /wrote out\/report\.html: \d+ findings in \d+ templates/);
    html = fs.readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('is one self-contained file: no external script, style, image or font', () => {
    assert.doesNotMatch(html, /<(script|link|img)\b[^>]*\b(src|href)=/i);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /Chart\.js v4/, 'Chart.js is inlined');
  });

  it("renders in Chromium with charts whose data match the linter's own counts, and sends no request", async () => {
    const json = spawnSync(process.execPath, [CLI, '--no-config', '--format', 'json', 'exports', 'templates'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const results = JSON.parse(json.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    const expected = new Map<string, number>();
    for (const m of results.flatMap((r) => r.messages)) expected.set(m.ruleId, (expected.get(m.ruleId) ?? 0) + 1);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    const url = pathToFileURL(path.join(dir, 'out', 'report.html')).href;
    await page.goto(url);
    await page.waitForSelector('body[data-charts="ready"]');
    const charts = await page.evaluate(() => {
      const Chart = (window as unknown as { Chart: { getChart(id: string): { data: unknown } | undefined } }).Chart;
      return Object.fromEntries(
        ['chart-rules', 'chart-languages', 'chart-templates', 'chart-phrases'].map((id) => [
          id,
          Chart.getChart(id)?.data as ChartData,
        ]),
      );
    });
    const rules = charts['chart-rules'];
    assert.deepEqual(new Map(rules.labels.map((l, i) => [l, rules.datasets[0].data[i]])), expected);
    assert.deepEqual(charts['chart-languages'].labels.slice().sort(), ['en', 'sv']);
    assert.ok(charts['chart-templates'].labels.length >= 5);
    assert.ok(
      charts['chart-templates'].labels.some((l) => l === 'exports/zendesk-macros.json › Refunds::Card refund delayed'),
    );
    const phrases = new Map(
      charts['chart-phrases'].labels.map((l, i) => [l, charts['chart-phrases'].datasets[0].data[i]]),
    );
    const apologies =
      (phrases.get('we apologise for any inconvenience') ?? 0) + (phrases.get('apologise for any inconvenience') ?? 0);
    assert.ok(apologies >= 3, JSON.stringify([...phrases]));
    assert.ok((phrases.get('please be advised that') ?? 0) >= 3);
    // Each canvas has been drawn on: some pixel is not blank.
    const drawn = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas')).map((c) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
        return false;
      }),
    );
    assert.deepEqual(drawn, [true, true, true, true]);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      requests.filter((r) => r !== url),
      [],
    );

    // The hostile template shows as text: no extra script ran and no image was added.
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    assert.equal(await page.locator('img').count(), 0);
    const before = await page
      .locator('article', { hasText: 'templates/en/outage.md' })
      .locator('pre.before')
      .textContent();
    assert.ok(before?.includes('</script><script>window.pwned = 1</script>'));

    // docs/report.png is made here: WARMLY_SCREENSHOT=docs/report.png npx mocha test/report/report.test.ts
    if (process.env.WARMLY_SCREENSHOT) {
      await page.setViewportSize({ width: 1280, height: 1700 });
      await page.screenshot({ path: process.env.WARMLY_SCREENSHOT, fullPage: false });
    }
    await page.close();
  });

  it('shows each template before and after all its fixes (never a suggestion)', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'out', 'report.html')).href);
    const card = page.locator('article', { hasText: 'Refunds::Card refund delayed' });
    assert.match((await card.locator('pre.before del').allTextContents()).join(' '), /Please be advised that/);
    const after = (await card.locator('pre.after').textContent()) ?? '';
    assert.match(after, /Thank you for your patience\. We issued the refund/);
    // The hand-off's rewrite is a suggestion (a promise only the writer can make): not applied here.
    assert.match(after, /you’ll need to contact your bank\./);
    // A warm template has nothing to show.
    assert.equal(await page.locator('article', { hasText: 'templates/en/thanks.md' }).count(), 0);
    await page.close();
  });

  it('asks for --out, and says so', () => {
    const r = spawnSync(process.execPath, [CLI, 'report', 'templates'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /report needs --out <file\.html>/);
  });
});
