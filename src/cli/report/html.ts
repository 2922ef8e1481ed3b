// The warmth report as one self-contained HTML page: styles, Chart.js and the data are all
// inline, and a Content-Security-Policy forbids every request, so the page works offline and
// cannot leak a customer's words anywhere. User text only ever reaches the page escaped: as
// HTML text, or inside a JSON block that the page's script reads (never as markup).
import type { Summary, Template } from './collect';
import { templateLabel } from './collect';
import { wordDiff } from './word-diff';

export interface ReportInput {
  title: string;
  generated: string;
  paths: string[];
  summary: Summary;
  templates: Template[];
  chartJs: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// JSON inside <script type="application/json">: no "<" may appear, or "</script>" could close it.
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'";

export function renderReport(input: ReportInput): string {
  const { summary: s } = input;
  const data = {
    rules: s.byRule,
    languages: s.byLanguage,
    templates: s.topTemplates,
    phrases: s.topPhrases,
  };
  const withFindings = input.templates
    .filter((t) => t.findings.length > 0)
    .sort((a, b) => b.findings.length - a.findings.length || templateLabel(a).localeCompare(templateLabel(b)));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(input.title)}</h1>
  <p class="meta">${escapeHtml(input.paths.join(', '))} · ${escapeHtml(input.generated)}</p>
  <div class="cards">
    <div class="card"><b id="n-templates">${s.templates}</b><span>templates</span></div>
    <div class="card"><b id="n-findings">${s.findings}</b><span>findings</span></div>
    <div class="card"><b id="n-fixable">${s.fixable}</b><span>with a warmer rewrite</span></div>
    <div class="card"><b id="n-cold">${input.templates.filter((t) => t.findings.length > 0).length}</b><span>templates to warm up</span></div>
  </div>
</header>
<main>
<section class="charts">
  <figure><figcaption>Findings per rule</figcaption><div class="box"><canvas id="chart-rules"></canvas></div></figure>
  <figure><figcaption>Findings per language</figcaption><div class="box"><canvas id="chart-languages"></canvas></div></figure>
  <figure><figcaption>Templates with the most findings</figcaption><div class="box"><canvas id="chart-templates"></canvas></div></figure>
  <figure><figcaption>Phrases that drive them</figcaption><div class="box"><canvas id="chart-phrases"></canvas></div></figure>
</section>
<section>
  <h2>Rule patterns that matched most</h2>
  <table class="patterns"><thead><tr><th>pattern</th><th>findings</th></tr></thead><tbody>
${s.topPatterns.map((p) => `    <tr><td><code>${escapeHtml(p.label)}</code></td><td>${p.count}</td></tr>`).join('\n')}
  </tbody></table>
</section>
<section>
  <h2>Before and after, with every fix applied (suggestions need the writer)</h2>
${withFindings.length === 0 ? '  <p>Nothing to warm up: no findings.</p>' : withFindings.map(renderTemplate).join('\n')}
</section>
</main>
<script type="application/json" id="warmly-data">${scriptJson(data)}</script>
<script>${input.chartJs}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function renderTemplate(t: Template): string {
  const pieces = wordDiff(t.before, t.after);
  const side = (keep: 'removed' | 'added') =>
    pieces
      .filter((p) => p.kind === 'same' || p.kind === keep)
      .map((p) =>
        p.kind === 'same'
          ? escapeHtml(p.text)
          : `<${keep === 'removed' ? 'del' : 'ins'}>${escapeHtml(p.text)}</${keep === 'removed' ? 'del' : 'ins'}>`,
      )
      .join('');
  const items = t.findings
    .map(
      (f) =>
        `<li><span class="rule">${escapeHtml(f.ruleId)}</span> “${escapeHtml(f.actual)}”${f.suggestions[0] ? ` → “${escapeHtml(f.suggestions[0].text)}”` : ''}</li>`,
    )
    .join('');
  return `  <article class="template">
    <h3>${escapeHtml(templateLabel(t))} <small>${escapeHtml(t.language)} · ${t.findings.length} finding${t.findings.length === 1 ? '' : 's'}</small></h3>
    <ul class="findings">${items}</ul>
    <div class="sides"><div><h4>Before</h4><pre class="before">${side('removed')}</pre></div><div><h4>After</h4><pre class="after">${side('added')}</pre></div></div>
  </article>`;
}

const STYLE = `
:root { --ink: #2b2523; --muted: #7a6f6a; --warm: #e4572e; --warm2: #f3a712; --paper: #fffaf5; --line: #eaded5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
header { padding: 28px 40px 8px; background: linear-gradient(120deg, #fff1e6, #ffe3d3); border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { font-size: 19px; margin: 32px 0 12px; }
.meta { color: var(--muted); margin: 0 0 18px; }
.cards { display: flex; gap: 14px; flex-wrap: wrap; margin-bottom: 18px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 12px 18px; min-width: 150px; }
.card b { display: block; font-size: 26px; color: var(--warm); }
.card span { color: var(--muted); font-size: 13px; }
main { padding: 8px 40px 40px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 18px; margin-top: 20px; }
figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 14px 16px; }
figcaption { font-weight: 600; margin-bottom: 8px; }
.box { position: relative; height: 280px; }
table.patterns { border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
table.patterns th, table.patterns td { text-align: left; padding: 6px 14px; border-bottom: 1px solid var(--line); }
.template { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 14px 18px; margin-bottom: 16px; }
.template h3 { margin: 0 0 6px; font-size: 16px; }
.template small { color: var(--muted); font-weight: normal; }
.findings { margin: 0 0 10px; padding-left: 18px; color: var(--muted); }
.rule { font-family: ui-monospace, monospace; font-size: 12px; background: #fdeee6; color: #a3361a; border-radius: 4px; padding: 1px 5px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.sides h4 { margin: 0 0 4px; font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; padding: 10px 12px; border-radius: 8px; background: #faf6f2; font: 13px/1.5 ui-monospace, monospace; }
del { background: #fbd5cc; color: #8c2a12; text-decoration: line-through; }
ins { background: #d8f1dc; color: #1f5f2c; text-decoration: none; }
`;

// Runs in the page: builds the four charts from the JSON block. Animation is off so a
// screenshot (and a test reading the charts back) sees the final drawing.
const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('warmly-data').textContent);
  var palette = ['#e4572e', '#f3a712', '#29335c', '#669bbc', '#a8c686', '#c1666b', '#7d5ba6', '#48a9a6', '#d4b483', '#4b3f72', '#ff8c61', '#2e86ab'];
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  Chart.defaults.maintainAspectRatio = false;
  // Long template names would squeeze the bars; the tooltip still shows the whole name.
  function short(value) {
    var label = this.getLabelForValue(value);
    return label.length > 42 ? '\u2026' + label.slice(-41) : label;
  }
  function bar(id, rows, horizontal) {
    return new Chart(document.getElementById(id), {
      type: 'bar',
      data: { labels: rows.map(function (r) { return r.label; }), datasets: [{ label: 'findings', data: rows.map(function (r) { return r.count; }), backgroundColor: rows.map(function (_, i) { return palette[i % palette.length]; }), borderRadius: 4 }] },
      options: { indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: horizontal ? { callback: short } : { precision: 0 } } } }
    });
  }
  bar('chart-rules', data.rules, false);
  new Chart(document.getElementById('chart-languages'), {
    type: 'doughnut',
    data: { labels: data.languages.map(function (r) { return r.label; }), datasets: [{ data: data.languages.map(function (r) { return r.count; }), backgroundColor: palette }] },
    options: { plugins: { legend: { position: 'right' } } }
  });
  bar('chart-templates', data.templates, true);
  bar('chart-phrases', data.phrases, true);
  document.body.setAttribute('data-charts', 'ready');
})();
`;
