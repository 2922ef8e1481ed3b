// One tool, one in-process scenario, in a process of its own: peak RSS then belongs to that
// tool alone, and one tool's JIT warm-up or garbage cannot slow another down.
//   node --expose-gc bench/worker.mjs <tool> <short|long|big|corpus> <inputs dir> [runs of (b)]
// Prints one JSON object on stdout.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { countWords } from './generate.mjs';
import { loadLinter } from './tools.mjs';

const [tool, scenario, inputs, longRuns = '100'] = process.argv.slice(2);
const read = (name) => fs.readFileSync(path.join(inputs, name), 'utf8');
const mb = (bytes) => bytes / 1024 / 1024;

// Each document gets the file name a template would have, so Warmly's language-from-file-name
// and Markdown handling are exercised as in the CLI; the others only look at the extension.
const fileFor = (lang, i = 0) => path.join(inputs, `doc-${i}${lang && lang !== 'en' ? `.${lang}` : ''}.md`);

let t0 = performance.now();
const lint = await loadLinter(tool, { inputs });
const loadMs = performance.now() - t0;

// Warm up on texts that are not measured, one in every language, so all five rule sets are
// compiled and the JIT has seen the hot paths before the clock starts.
const warmup = JSON.parse(read('warmup.json'));
t0 = performance.now();
let firstMs;
for (const [i, doc] of warmup.entries()) {
  await lint(doc.text, fileFor(doc.lang, i));
  firstMs ??= performance.now() - t0;
}
const warmupMs = performance.now() - t0;

let docs;
let timeCapMs = Infinity;
if (scenario === 'short') {
  docs = JSON.parse(read('short.json'));
} else if (scenario === 'corpus') {
  docs = JSON.parse(read('corpus.json'));
} else if (scenario === 'long') {
  const text = read('long.md');
  for (let i = 0; i < 3; i++) await lint(text, fileFor('en'));
  docs = Array.from({ length: Number(longRuns) }, () => ({ lang: 'en', text }));
} else if (scenario === 'big') {
  const text = read('big.md');
  // 3 runs, or fewer once they pass 10 s: alex takes seconds per run
  docs = Array.from({ length: 3 }, () => ({ lang: 'en', text }));
  timeCapMs = 10_000;
} else {
  throw new Error(`unknown scenario ${scenario}`);
}

// words are counted before the clock starts (the 1 MB text takes a while to count)
const wordsOf = new Map();
for (const doc of docs) if (!wordsOf.has(doc.text)) wordsOf.set(doc.text, countWords(doc.text));

globalThis.gc?.();
const baselineRss = mb(process.memoryUsage().rss);
const times = [];
const heapAfter = [];
let words = 0;
let findings = 0;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
for (const [i, doc] of docs.entries()) {
  const start = performance.now();
  findings += await lint(doc.text, fileFor(doc.lang, i));
  times.push(performance.now() - start);
  words += wordsOf.get(doc.text);
  if (scenario === 'big') {
    // retained heap after each run: flat means the 1 MB document leaves nothing behind
    globalThis.gc?.();
    heapAfter.push(mb(process.memoryUsage().heapUsed));
  }
  if (performance.now() - wall0 > timeCapMs) break;
}
const totalMs = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);

process.stdout.write(
  JSON.stringify({
    tool,
    scenario,
    loadMs,
    firstMs,
    warmupMs,
    docs: times.length,
    words,
    findings,
    times,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    baselineRssMB: baselineRss,
    // resourceUsage().maxRSS is in kilobytes
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapAfterMB: heapAfter,
  }) + '\n',
);
