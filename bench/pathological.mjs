// Issue 15, item 11: the input shapes that once made linting quadratic, each timed next to a
// normal reply of the same size, and again at twice the size (the ratio shows linear time).
//   node bench/pathological.mjs [--quick]     after run.mjs has bundled the engine (npm run bench)
// Prints one JSON array on stdout; run.mjs turns it into a table in docs/benchmarks.md.
import { performance } from 'node:perf_hooks';
import { bigDocument } from './generate.mjs';
import { loadLinter } from './tools.mjs';

const quick = process.argv.includes('--quick');
const scale = quick ? 0.25 : 1;

/** Each shape as named in the issue: [label, unit repeated, repetitions, file name]. */
export const SHAPES = [
  ['one 200,000-character word', 'a', 200_000, 'reply.md'],
  ['100,000 backticks', '`', 100_000, 'reply.md'],
  ['"<!--" ×100,000', '<!--', 100_000, 'reply.md'],
  ['"![" ×100,000', '![', 100_000, 'reply.md'],
  ['"](" ×100,000', '](', 100_000, 'reply.md'],
  ['"** " ×100,000', '** ', 100_000, 'reply.md'],
  ['"&ldquo;" ×50,000 (HTML)', '&ldquo;', 50_000, 'reply.html'],
];

const lint = await loadLinter('warmly', { inputs: process.cwd() });
// warm up: the rules compiled, the JIT has seen every shape's code path (small copies)
lint(bigDocument(3, 20_000), 'warm.md');
for (const [, unit, , fileName] of SHAPES) lint(unit.repeat(1000), fileName);

/**
 * Best of three runs: wall-clock and CPU milliseconds. CPU time (user + system) is the figure
 * to read on a shared machine: other processes barely move it.
 */
function best(text, fileName) {
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    lint(text, fileName);
    wall = Math.min(wall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

const mbps = (text, ms) => Buffer.byteLength(text) / 1048576 / (ms / 1000);
const rows = [];
for (const [label, unit, times, fileName] of SHAPES) {
  const text = unit.repeat(Math.round(times * scale));
  const t = best(text, fileName);
  const doubled = best(text + text, fileName);
  const normal = best(bigDocument(7, Buffer.byteLength(text)), fileName);
  rows.push({
    label,
    bytes: Buffer.byteLength(text),
    ms: t.wall,
    cpuMs: t.cpu,
    mbps: mbps(text, t.wall),
    cpuMbps: mbps(text, t.cpu),
    doubledRatio: doubled.cpu / t.cpu,
    normalMbps: mbps(text, normal.wall),
    normalCpuMbps: mbps(text, normal.cpu),
  });
}
console.log(JSON.stringify(rows));
