// How fast `warmly lsp` answers a change, on a 2,000-word reply (issue 17's target: p95 under
// 50 ms per change), next to what the same lint costs in-process (the VS Code extension's way).
//   npm run bench:lsp                      build, then 200 changes (prints a table)
//   node bench/lsp.mjs --changes 500 --words 200 --pause 10 --json
// LSP: `node dist/cli.js lsp --stdio --debounce 0` driven by a JSON-RPC client; one change is a
// one-character incremental edit, timed from sending didChange to its publishDiagnostics.
// In-process: engine.open({ text }).lint() on the same texts, bundled from src/core by esbuild,
// with the paragraph memo editors use (EngineOptions.incremental) and without it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import rpc from 'vscode-languageserver-protocol/node';
import { countWords, longReply, prng, reply } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const changes = Number(option('--changes', '200'));
const seed = Number(option('--seed', '7'));
const words = Number(option('--words', '2000'));
// The same pause before every change, in both runs (a writer types; the collector gets a turn).
const pauseMs = Number(option('--pause', '10'));

const text = words === 2000 ? longReply(seed) : reply(prng(seed), 'en', words);
const uri = pathToFileURL(path.join(root, 'bench', 'lsp-reply.md')).href;
// The edits: one letter typed at a pseudo-random place, then the next one elsewhere.
const rand = prng(seed + 1);
const edits = Array.from({ length: changes }, () => Math.floor(rand() * text.length));

// CPU time of another process (Linux /proc; clock ticks of 10 ms): a figure that a busy machine
// disturbs less than wall time.
function cpuMsOf(pid) {
  try {
    const fields = fs
      .readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function rssMbOf(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
}

function stats(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: ms.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

async function lspRun() {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'lsp', '--stdio', '--debounce', '0'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(p.version)?.(p));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'warmly' }],
    capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});
  const first = published(1);
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const { diagnostics } = await first;
  const coldMs = performance.now() - started;
  const coldCpuMs = cpuMsOf(child.pid);
  const ms = [];
  let current = text;
  const cpuBefore = cpuMsOf(child.pid);
  for (let i = 0; i < changes; i++) {
    const version = i + 2;
    const at = edits[i];
    const before = current.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - (before.lastIndexOf('\n') + 1);
    current = `${before}e${current.slice(at)}`;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const done = published(version);
    const t0 = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'e' }],
    });
    await done;
    ms.push(performance.now() - t0);
  }
  const cpuPerChange = (cpuMsOf(child.pid) - cpuBefore) / changes;
  const rssMb = rssMbOf(child.pid);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  return { coldMs, coldCpuMs, findings: diagnostics.length, perChange: stats(ms), cpuPerChange, rssMb };
}

async function inProcessRun(incremental) {
  const bundle = path.join(root, 'node_modules', '.cache', 'warmly', 'lsp-bench-core.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'core', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'error',
  });
  const { Engine } = (await import(pathToFileURL(bundle).href)).default;
  const engine = new Engine({
    builtinRulesDir: path.join(root, 'rules'),
    builtinSnapshot: path.join(root, 'dist', 'rules.snapshot.json'),
    incremental,
  });
  const fileName = fileURLToPath(uri);
  const t0 = performance.now();
  engine.open({ text, fileName }).lint();
  const firstMs = performance.now() - t0;
  const ms = [];
  const cpu = [];
  let current = text;
  for (let i = 0; i < changes; i++) {
    current = `${current.slice(0, edits[i])}e${current.slice(edits[i])}`;
    // A writer types between changes; without the pause, garbage from every lint piles up in one go.
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const t = performance.now();
    const c = process.cpuUsage();
    engine.open({ text: current, fileName }).lint();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { firstMs, perChange: stats(ms), cpuPerChange: cpu.reduce((a, b) => a + b, 0) / cpu.length, cpu: stats(cpu) };
}

if (!fs.existsSync(path.join(root, 'dist', 'cli.js')))
  throw new Error('run npm run build first (or npm run bench:lsp)');
const lsp = await lspRun();
const inProcess = await inProcessRun(true);
const wholeText = await inProcessRun(false);
const counted = countWords(text);
const f = (n) => n.toFixed(1);
if (argv.includes('--json')) {
  console.log(
    JSON.stringify({ words: counted, changes, pauseMs, loadavg: os.loadavg(), lsp, inProcess, wholeText }, null, 2),
  );
} else {
  console.log(
    `A ${counted}-word reply (${lsp.findings} findings), ${changes} one-character changes ${pauseMs} ms apart;` +
      ' ms per change:\n',
  );
  console.log('| where | p50 | p95 | max | CPU per change (mean) | first lint |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const row = (where, s, cpu, first) => `| ${where} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.max)} | ${f(cpu)} | ${first} |`;
  const cold = `${f(lsp.coldMs)} (spawn → first diagnostics, ${f(lsp.coldCpuMs)} of CPU; RSS ${f(lsp.rssMb)} MB)`;
  console.log(row('warmly lsp (didChange → publishDiagnostics)', lsp.perChange, lsp.cpuPerChange, cold));
  console.log(
    row('in-process, incremental (the extension)', inProcess.perChange, inProcess.cpuPerChange, f(inProcess.firstMs)),
  );
  console.log(
    row('in-process, whole text every change', wholeText.perChange, wholeText.cpuPerChange, f(wholeText.firstMs)),
  );
  console.log(
    `\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; Node ${process.version}.`,
  );
  console.log(`\nTarget: LSP p95 < 50 ms per change — ${lsp.perChange.p95 < 50 ? 'met' : 'NOT met'}.`);
}
