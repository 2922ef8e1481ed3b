// Warmly against alex and textlint, on the same generated inputs, in one run (issue 7).
//   npm run bench                 build, measure, print the table, write docs/benchmarks.md
//   npm run bench -- --quick      a smaller run to check the harness itself (nothing written)
//   npm run bench -- --profile    also profile Warmly with --cpu-prof on (a), (c) and one CLI cold start
//   options: --no-write  --doc <file>  --tools warmly,alex (skip textlint)  --seed <n>
// Raw figures of the last run: bench/.build/last-run.json.
//
// In-process scenarios run Warmly's engine bundled from src/core by esbuild (the same bundler
// and target as dist/cli.js); CLI scenarios spawn dist/cli.js as `npm run build` made it.
// Each tool and scenario gets a process of its own, so peak RSS and JIT state are its own.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { bigDocument, countWords, longReply, prng, reply, shortReplies, writeTemplates } from './generate.mjs';
import { profileTable, summariseProfile } from './profile.mjs';
import { buildDir, cliCommand, cliDir, cliEnv, coreBundle, root, rulesDir, textlintConfig, TOOLS } from './tools.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);

const quick = flag('--quick');
const docFile = option('--doc', path.join(root, 'docs', 'benchmarks.md'));
// a quick run writes the report only where --doc says, so it never replaces the real figures
const write = !flag('--no-write') && (!quick || argv.includes('--doc'));
const profile = flag('--profile');
const seed = Number(option('--seed', '7'));
const tools = option('--tools', TOOLS.join(',')).split(',');
if (!tools.includes('alex')) throw new Error('alex is the yardstick: --tools must include it');

const size = quick
  ? { short: 200, corpus: 100, longRuns: 20, bigBytes: 128 * 1024, templates: 50, coldRuns: 3 }
  : { short: 2000, corpus: 500, longRuns: 100, bigBytes: 1024 * 1024, templates: 500, coldRuns: 10 };

const log = (...a) => console.error('·', ...a);
const started = new Date();
const load0 = os.loadavg();

// ── build ────────────────────────────────────────────────────────────────────────────────
if (!fs.existsSync(path.join(root, 'dist', 'cli.js')))
  throw new Error('dist/cli.js is missing: run `npm run build` first');
fs.mkdirSync(buildDir, { recursive: true });
fs.rmSync(cliDir, { recursive: true, force: true });
fs.cpSync(path.join(root, 'dist'), cliDir, { recursive: true });
fs.rmSync(rulesDir, { recursive: true, force: true });
fs.cpSync(path.join(root, 'rules'), rulesDir, { recursive: true });
// which code was measured: the commit, and whether src/ had changes not yet committed
const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
const revision = `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${git('status', '--porcelain', '--', 'src', 'rules') ? ' with uncommitted changes in src/ or rules/' : ''}`;
await esbuild.build({
  entryPoints: [path.join(root, 'src', 'core', 'index.ts')],
  outfile: coreBundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  define: { 'import.meta.url': '__benchImportMetaUrl' },
  banner: { js: "const __benchImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
});

// ── inputs ───────────────────────────────────────────────────────────────────────────────
const inputs = fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-bench-'));
process.on('exit', () => fs.rmSync(inputs, { recursive: true, force: true }));
const put = (name, value) =>
  fs.writeFileSync(path.join(inputs, name), typeof value === 'string' ? value : JSON.stringify(value));

const short = shortReplies(seed, size.short);
put('short.json', short);
const warmupRand = prng(seed + 1000);
put(
  'warmup.json',
  ['en', 'nl', 'sv', 'nb', 'ro', 'en', 'en', 'en'].map((lang) => ({ lang, text: reply(warmupRand, lang, 120, 30) })),
);
const long = longReply(seed + 1);
put('long.md', long);
const big = bigDocument(seed + 2, size.bigBytes);
put('big.md', big);
const templatesDir = path.join(inputs, 'templates');
const templateWords = writeTemplates(templatesDir, seed + 3, size.templates);
const small = reply(prng(seed + 4), 'en', 60, 30);
put('small.md', small);
textlintConfig(inputs);

// Real replies, when the shared corpus is on this machine: read at run time, never stored.
const corpusFile = process.env.BENCH_CORPUS ?? path.resolve(root, '..', 'shared', 'corpus', 'replies-en.jsonl');
let corpusCount = 0;
if (fs.existsSync(corpusFile)) {
  const docs = fs
    .readFileSync(corpusFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, size.corpus)
    .map((line) => ({ lang: 'en', text: JSON.parse(line).text }));
  put('corpus.json', docs);
  corpusCount = docs.length;
} else {
  log(`no corpus at ${corpusFile}: skipping the real-replies row`);
}

log(
  `inputs in ${inputs}: ${short.length} replies, ${countWords(long)}-word reply, ${(Buffer.byteLength(big) / 1024).toFixed(0)} KB document, ${size.templates} templates`,
);

// ── in-process scenarios ─────────────────────────────────────────────────────────────────
function worker(tool, scenario, nodeFlags = []) {
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      ...nodeFlags,
      path.join(root, 'bench', 'worker.mjs'),
      tool,
      scenario,
      inputs,
      String(size.longRuns),
    ],
    {
      cwd: root,
      env: cliEnv,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  if (r.status !== 0) throw new Error(`${tool} ${scenario} failed:\n${r.stderr}`);
  log(`${scenario} ${tool}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return JSON.parse(r.stdout);
}

const scenarios = [
  { id: 'short', label: `(a) ${size.short} short replies, 30–200 words` },
  { id: 'long', label: `(b) 2,000-word reply ×${size.longRuns}, warm` },
  { id: 'big', label: `(c) ${(size.bigBytes / 1024 / 1024).toFixed(size.bigBytes < 1 << 20 ? 2 : 0)} MB document` },
  ...(corpusCount ? [{ id: 'corpus', label: `(a′) ${corpusCount} real replies (corpus, en)` }] : []),
];

const rows = [];
for (const s of scenarios) {
  for (const tool of tools) {
    const w = worker(tool, s.id);
    rows.push({
      scenario: s.id,
      label: s.label,
      tool,
      words: w.words,
      wordsPerS: w.words / (w.totalMs / 1000),
      p50: percentile(w.times, 50),
      p95: percentile(w.times, 95),
      totalMs: w.totalMs,
      cpuMs: w.cpuMs,
      rssMB: w.peakRssMB,
      findings: w.findings,
      docs: w.docs,
      loadMs: w.loadMs,
      firstMs: w.firstMs,
      baselineRssMB: w.baselineRssMB,
      heapAfterMB: w.heapAfterMB,
    });
  }
}

// ── CLI scenarios ────────────────────────────────────────────────────────────────────────
const hasTime = fs.existsSync('/usr/bin/time');
function runCli(tool, args) {
  const cmd = cliCommand(tool, args, { inputs });
  const timeFile = path.join(inputs, 'time.out');
  const full = hasTime ? ['/usr/bin/time', '-f', '%M %U %S', '-o', timeFile, ...cmd] : cmd;
  const t = performance.now();
  const r = spawnSync(full[0], full.slice(1), { cwd: inputs, env: cliEnv, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - t;
  // 0: clean, 1: findings; anything else means the run did not lint what we asked
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd.join(' ')} exited ${r.status}:\n${r.stderr.slice(0, 2000)}`);
  let rssMB = NaN;
  let cpuMs = NaN;
  if (hasTime) {
    const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssMB = last[0] / 1024;
    cpuMs = (last[1] + last[2]) * 1000;
  }
  return { wallMs, rssMB, cpuMs, stdout: r.stdout, stderr: r.stderr };
}

/**
 * hyperfine-style: `runs` timed runs, after one discarded warm-up run when asked (for the
 * cold starts, so the first run does not also pay for reading node_modules from disk).
 */
function timeCli(tool, args, runs, { warmup }) {
  const first = warmup ? runCli(tool, args) : undefined;
  const results = Array.from({ length: runs }, () => runCli(tool, args));
  return { first: first ?? results[0], results };
}

function cliRow(scenario, label, tool, words, { results }, findings) {
  const walls = results.map((r) => r.wallMs);
  return {
    scenario,
    label,
    tool,
    cli: true,
    words,
    wordsPerS: words ? words / (percentile(walls, 50) / 1000) : NaN,
    p50: percentile(walls, 50),
    p95: percentile(walls, 95),
    totalMs: percentile(walls, 50),
    cpuMs: percentile(
      results.map((r) => r.cpuMs),
      50,
    ),
    rssMB: Math.max(...results.map((r) => r.rssMB)),
    findings,
    docs: results.length,
  };
}

// The templates were just written, so they are in the page cache already: no warm-up run, and
// one run each, since alex alone takes tens of seconds over 500 files and the whole benchmark
// has to stay within minutes.
const folderRuns = 1;
const folderLabel = `(d) ${size.templates} template files, CLI`;
for (const tool of tools) {
  const t = performance.now();
  const timed = timeCli(tool, [templatesDir], folderRuns, { warmup: false });
  rows.push(cliRow('folder', folderLabel, tool, templateWords, timed, countFindings(tool, timed.first)));
  log(`folder ${tool}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
for (const [id, label, args] of [
  ['version', '(e) cold start: --version', ['--version']],
  ['small', '(e) cold start: one small file', [path.join(inputs, 'small.md')]],
]) {
  for (const tool of tools) {
    const t = performance.now();
    const timed = timeCli(tool, args, size.coldRuns, { warmup: true });
    rows.push(
      cliRow(
        id,
        label,
        tool,
        id === 'small' ? countWords(small) : 0,
        timed,
        id === 'small' ? countFindings(tool, timed.first) : undefined,
      ),
    );
    log(`${id} ${tool}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

/** Findings in one CLI run's output, to show each tool really linted the files. */
function countFindings(tool, run) {
  if (tool === 'alex') {
    const m = /(\d+) warnings?/.exec(run.stderr);
    return m ? Number(m[1]) : 0;
  }
  const files = JSON.parse(run.stdout);
  return files.reduce((n, f) => n + f.messages.length, 0);
}

// ── profile ──────────────────────────────────────────────────────────────────────────────
const profiles = [];
if (profile && tools.includes('warmly')) {
  const dir = path.join(buildDir, 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  const collect = (id, out) => {
    const file = path.join(
      out,
      fs.readdirSync(out).find((f) => f.endsWith('.cpuprofile')),
    );
    profiles.push({ scenario: id, file: path.relative(root, file), summary: summariseProfile(file, 10) });
  };
  for (const s of ['short', 'big']) {
    const out = path.join(dir, s);
    worker('warmly', s, ['--cpu-prof', '--cpu-prof-dir', out]);
    collect(s, out);
  }
  // what one cold CLI run on a small file spends its time on
  const out = path.join(dir, 'small');
  const [node, ...cli] = cliCommand('warmly', [path.join(inputs, 'small.md')], { inputs });
  spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', out, ...cli], { cwd: inputs, env: cliEnv });
  collect('small', out);
  log('profiles written');
}

// ── pathological inputs (issue 15) ───────────────────────────────────────────────────────
let pathological = [];
if (tools.includes('warmly')) {
  const r = spawnSync(process.execPath, [path.join(root, 'bench', 'pathological.mjs'), ...(quick ? ['--quick'] : [])], {
    cwd: root,
    env: cliEnv,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`bench/pathological.mjs failed:\n${r.stderr}`);
  pathological = JSON.parse(r.stdout);
  log('pathological inputs timed');
}

// ── report ───────────────────────────────────────────────────────────────────────────────
const finished = new Date();
const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
  memGB: os.totalmem() / 1024 ** 3,
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  load: [load0, os.loadavg()],
};
const find = (scenario, tool) => rows.find((r) => r.scenario === scenario && r.tool === tool);
const table = renderTable(rows);
const targets = tools.includes('warmly') ? evaluateTargets() : [];
const wallSeconds = (finished - started) / 1000;

console.log(
  `\nWarmly benchmark of ${revision} — ${finished.toISOString()}, ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, load ${machine.load[0][0].toFixed(1)} → ${machine.load[1][0].toFixed(1)}\n`,
);
console.log(table);
console.log('\nTargets (issue 7):');
for (const t of targets)
  console.log(
    `  ${t.met ? 'met    ' : 'NOT met'}  ${t.name}: ${t.measured}${t.met ? '' : ` — gap: ${t.gap}`}${t.cpu ? ` [by CPU: ${t.cpu}]` : ''}`,
  );
console.log(`\nPathological inputs (issue 15):\n${pathologicalTable()}`);
for (const p of profiles)
  console.log(`\nWarmly CPU profile, ${labelOf(p.scenario)} (${p.file}):\n${profileTable(p.summary)}`);
console.log(`\nbenchmark took ${wallSeconds.toFixed(0)} s`);

fs.writeFileSync(
  path.join(buildDir, 'last-run.json'),
  JSON.stringify({ machine, seed, started, finished, rows, targets, profiles, pathological }, null, 2),
);
if (write) {
  fs.writeFileSync(docFile, renderDoc());
  log(`wrote ${path.relative(root, docFile)}`);
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────
function labelOf(id) {
  return id === 'small' ? '(e) CLI cold start on one small file' : scenarios.find((s) => s.id === id).label;
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // nearest rank: p95 of 100 samples is the 95th smallest
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function fmt(n, digits) {
  if (!Number.isFinite(n)) return '—';
  if (digits === undefined) digits = n >= 100 ? 0 : n >= 10 ? 1 : 2;
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
function ratio(value, yardstick) {
  return Number.isFinite(value) && Number.isFinite(yardstick) && yardstick > 0 ? `${fmt(value / yardstick, 2)}×` : '—';
}

function renderTable(rows) {
  const head = [
    'scenario',
    'tool',
    'n',
    'words/s',
    '×alex',
    'p50 ms',
    '×alex',
    'p95 ms',
    '×alex',
    'total s',
    '×alex',
    'CPU s',
    '×alex',
    'peak RSS MB',
    '×alex',
    'findings',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) {
    const a = find(r.scenario, 'alex');
    lines.push(
      `| ${r.label} | ${r.tool} | ${r.docs} | ${r.words ? fmt(r.wordsPerS, 0) : '—'} | ${r.words ? ratio(r.wordsPerS, a.wordsPerS) : '—'} | ${fmt(r.p50)} | ${ratio(r.p50, a.p50)} | ${fmt(r.p95)} | ${ratio(r.p95, a.p95)} | ${fmt(r.totalMs / 1000, 2)} | ${ratio(r.totalMs, a.totalMs)} | ${fmt(r.cpuMs / 1000, 2)} | ${ratio(r.cpuMs, a.cpuMs)} | ${fmt(r.rssMB, 0)} | ${ratio(r.rssMB, a.rssMB)} | ${r.findings ?? '—'} |`,
    );
  }
  return lines.join('\n');
}

function evaluateTargets() {
  const out = [];
  const atLeast = (name, have, need, unit, cpu) =>
    out.push({
      name,
      met: have >= need,
      measured: `${fmt(have, 2)}${unit}`,
      gap: `${fmt(need, 2)}${unit} needed: Warmly must get ${fmt(need / have, 2)}× faster`,
      cpu,
    });
  const atMost = (name, have, limit, unit, what, cpu) =>
    out.push({
      name,
      met: have <= limit,
      measured: `${fmt(have, 2)}${unit}`,
      gap: `${fmt(have - limit, 2)}${unit} over ${fmt(limit, 2)}${unit}${what ? ` (${what})` : ''}; must shrink ${fmt(have / limit, 2)}×`,
      cpu,
    });
  // The same comparison on CPU time (user + system) instead of wall time: on a busy machine
  // this is the steadier figure, though it hides time a tool spends waiting.
  const cpuSpeed = (s) => `${fmt(w(s).words / w(s).cpuMs / (a(s).words / a(s).cpuMs), 2)}× alex's words per CPU second`;
  const cpuTime = (s) =>
    `${fmt(w(s).cpuMs / a(s).cpuMs, 2)}× alex's CPU time (${fmt(w(s).cpuMs, 0)} vs ${fmt(a(s).cpuMs, 0)} ms)`;

  const w = (s) => find(s, 'warmly');
  const a = (s) => find(s, 'alex');
  if (w('short'))
    atLeast(
      'short replies ≥ 10× alex words/s',
      w('short').wordsPerS / a('short').wordsPerS,
      10,
      '×',
      cpuSpeed('short'),
    );
  if (w('long')) {
    atMost(
      '2,000-word reply warm: p95 ≤ 1/4 of alex',
      w('long').p95,
      a('long').p95 / 4,
      ' ms',
      `alex p95 ${fmt(a('long').p95)} ms`,
    );
    atMost('2,000-word reply warm: p95 < 16 ms', w('long').p95, 16, ' ms');
  }
  if (w('big')) {
    atLeast('1 MB document ≥ 3× alex words/s', w('big').wordsPerS / a('big').wordsPerS, 3, '×', cpuSpeed('big'));
    // "flat": linting the 1 MB document adds little over what the engine holds anyway, and
    // nothing piles up from one run to the next
    const growth = w('big').rssMB - w('big').baselineRssMB;
    atMost('1 MB document: flat memory (peak RSS ≤ 64 MB over the pre-run baseline)', growth, 64, ' MB');
    const heaps = w('big').heapAfterMB;
    if (heaps.length > 1)
      atMost('1 MB document: flat memory (retained heap grows ≤ 5 MB across runs)', heaps.at(-1) - heaps[0], 5, ' MB');
  }
  atMost(
    'CLI cold start (--version) ≤ 1/3 of alex',
    w('version').p50,
    a('version').p50 / 3,
    ' ms',
    `alex ${fmt(a('version').p50)} ms`,
    cpuTime('version'),
  );
  atMost(
    'CLI cold start (one small file) ≤ 1/3 of alex',
    w('small').p50,
    a('small').p50 / 3,
    ' ms',
    `alex ${fmt(a('small').p50)} ms`,
    cpuTime('small'),
  );
  atMost(
    `${size.templates} files ≤ 1/4 of alex's time`,
    w('folder').totalMs,
    a('folder').totalMs / 4,
    ' ms',
    `alex ${fmt(a('folder').totalMs / 1000, 2)} s`,
    cpuTime('folder'),
  );
  const cliRss = Math.max(...rows.filter((r) => r.tool === 'warmly' && r.cli).map((r) => r.rssMB));
  atMost('CLI peak RSS ≤ 150 MB', cliRss, 150, ' MB');
  return out;
}

function renderDoc() {
  const date = finished.toISOString().slice(0, 10);
  const met = targets.filter((t) => t.met).length;
  return `# Benchmarks

Warmly against [alex](https://github.com/get-alex/alex) (retext-based, the closest peer) and
[textlint](https://textlint.github.io/) with write-good, no-todo and terminology, on the same
generated inputs in one run. Issue 7 sets the targets. This file is written by \`npm run bench\`;
re-run it rather than editing the numbers.

- **Date:** ${date} (${finished.toISOString()}), the run took ${wallSeconds.toFixed(0)} s
- **Machine:** ${machine.cores} cores (${machine.cpu}), ${machine.memGB.toFixed(1)} GB RAM, ${machine.platform}
- **Node:** ${machine.node}
- **Code measured:** ${revision} (the engine is bundled from src/core, and dist/ and rules/ are copied at the start, so every row measures the same code and rules)
- **Load average** (1 min) at start → end: ${machine.load[0][0].toFixed(1)} → ${machine.load[1][0].toFixed(1)}${machine.load[0][0] > machine.cores / 2 ? ' — the machine was busy with other work, so wall-clock figures are noisy; the CPU column is steadier' : ''}
- **Command:** \`npm run bench${profiles.length ? ' -- --profile' : ''}\` (\`npm run build && node bench/run.mjs\`), seed ${seed}; \`--quick\` checks the harness on small inputs
- **Versions:** ${versions()}

## Results

Ratios are the tool's figure divided by alex's in the same run: above 1× is better for words/s,
below 1× is better for times and memory. n is how many documents (a, a′), runs (b, c) or
invocations (d, e) were timed.

${table}

How each row is measured:

- **(a)–(c), (a′)** run in-process, each tool in a fresh Node process of its own (\`bench/worker.mjs\`):
  Warmly's engine from \`src/core\` bundled by esbuild with the full built-in rule set (all five
  languages warmed up before the clock starts), alex's \`markdown()\` API, textlint's
  \`createLinter().lintText()\`. p50/p95 are per document (per run for (b) and (c)); total is
  the timed loop; peak RSS is the worker's \`process.resourceUsage().maxRSS\`, loading included.
- **(c)** is linted up to 3 times, fewer once the runs pass 10 s.
- **(d), (e)** spawn each CLI (\`node dist/cli.js --format json\` from the copy taken at the start, \`alex\`, \`textlint --format json\`)
  hyperfine-style: one run for (d) (the files were just written, so no warm-up), one discarded
  warm-up and then ${size.coldRuns} runs for (e); p50/p95 are over runs, total is the median run,
  CPU (user + system) and peak RSS come from \`/usr/bin/time\`.
- Words are counted the same way for every tool (letters and digits runs), so words/s compares like
  with like. Inputs are generated from \`bench/texts.mjs\` with a seeded PRNG: 80% English, 5%
  each Dutch, Swedish, Norwegian and Romanian, about one cold sentence in four, \`{{ placeholders }}\`
  and quoted \`> \` customer lines. (a′) reads real English replies from \`../shared/corpus\` at
  run time when it exists; none of that text is stored in the repository.
- Findings are the number each tool reported, to show every tool linted the text; the tools look
  for different things, so the counts are not comparable.

## Targets (issue 7)

${met} of ${targets.length} met.

| target | measured (wall clock) | status | the same by CPU time |
|---|---|---|---|
${targets.map((t) => `| ${t.name} | ${t.measured} | ${t.met ? 'met' : `**not met** — ${t.gap}`} | ${t.cpu ?? ''} |`).join('\n')}

"Flat memory" is read as: linting the 1 MB document raises peak RSS by at most 64 MB over the
worker's RSS right before it (${fmt(find('big', 'warmly')?.baselineRssMB, 0)} MB for Warmly), and the heap retained after each run
(after a forced GC) does not grow: ${heapNote()}.
${pathologicalSection()}${causes()}${profiles.length ? profileSection() : ''}`;
}

/** Shapes that once made linting quadratic (issue 15), each beside a normal reply of the same size. */
function pathologicalTable() {
  const head =
    '| input | size | MB/s (CPU) | MB/s (wall) | twice the size: CPU time × | normal reply, same size: MB/s (CPU) | ≥ 1 MB/s |\n' +
    '|---|---:|---:|---:|---:|---:|---|';
  const lines = pathological.map(
    (p) =>
      `| ${p.label} | ${fmt(p.bytes / 1024, 0)} KB | ${fmt(p.cpuMbps, 1)} | ${fmt(p.mbps, 1)} | ${fmt(p.doubledRatio, 2)}× | ` +
      `${fmt(p.normalCpuMbps, 2)} | ${p.cpuMbps >= 1 ? 'met' : '**not met**'} |`,
  );
  return [head, ...lines].join('\n');
}

function pathologicalSection() {
  if (!pathological.length) return '';
  return `
## Pathological inputs (issue 15)

\`bench/pathological.mjs\`, in a process of its own: each input linted as one file, best of three
runs, next to a generated normal reply of the same size. MB/s is counted on CPU time (user +
system), which other work on a shared machine barely moves; wall clock is beside it. "Twice the
size" lints the input doubled: about 2× means linear time (a quadratic shape shows about 4×).
Target: ≥ 1 MB/s each.

${pathologicalTable()}
`;
}

function heapNote() {
  const heaps = find('big', 'warmly')?.heapAfterMB ?? [];
  if (heaps.length < 2)
    return `only ${heaps.length} run fitted the time cap, so growth across runs was not checked (${heaps.map((h) => fmt(h, 1)).join(', ')} MB retained)`;
  return `${heaps.map((h) => fmt(h, 1)).join(', ')} MB`;
}

/** Where the time goes, in one line per profile: the first thing to read when a target fails. */
function causes() {
  if (!profiles.length) return '\nRun `npm run bench -- --profile` to see where Warmly spends its time.\n';
  const lines = profiles.map((p) => {
    const top = p.summary.top.slice(0, 3).map((f) => `\`${f.fn}\` (${f.where || 'V8'}) ${(f.share * 100).toFixed(0)}%`);
    return `- ${labelOf(p.scenario)}: ${top.join(', ')}`;
  });
  return `\nCauses, from the CPU profiles below (top three functions by self time):\n\n${lines.join('\n')}\n`;
}

function profileSection() {
  return `
## Where Warmly spends its time

\`npm run bench -- --profile\`: \`node --cpu-prof\` on Warmly's worker for (a) and (c) (loading and
warm-up included) and on one cold CLI run over a small file; top 10 functions by self time;
"where" is the source file inside the bundle.
${profiles.map((p) => `\n### ${labelOf(p.scenario)}\n\n${fmt(p.summary.totalMs, 0)} ms sampled.\n\n${profileTable(p.summary)}\n`).join('')}`;
}

function versions() {
  const v = (name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return '?';
    }
  };
  const own = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  return `warmly ${own}, alex ${v('alex')}, textlint ${v('textlint')} (write-good ${v('textlint-rule-write-good')}, no-todo ${v('textlint-rule-no-todo')}, terminology ${v('textlint-rule-terminology')})`;
}
