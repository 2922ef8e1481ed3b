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
  ['"**a" ×100,000', '**a', 100_000, 'reply.md'],
  ['"&ldquo;" ×50,000 (HTML)', '&ldquo;', 50_000, 'reply.html'],
];

const lint = await loadLinter('warmly', { inputs: process.cwd() });
// warm up: every language's rules compiled, the JIT has seen the hot paths
lint("You'll need to contact the bank. **Thanks** [here](x) `code` &ldquo;hi&rdquo;", 'warm.md');

/** Best of three runs, in milliseconds. */
function best(text, fileName) {
  let ms = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    lint(text, fileName);
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}

const mbps = (text, ms) => Buffer.byteLength(text) / 1048576 / (ms / 1000);
const rows = [];
for (const [label, unit, times, fileName] of SHAPES) {
  const text = unit.repeat(Math.round(times * scale));
  const ms = best(text, fileName);
  const doubled = best(text + text, fileName);
  const normal = bigDocument(7, Buffer.byteLength(text));
  const normalMs = best(normal, fileName);
  rows.push({
    label,
    bytes: Buffer.byteLength(text),
    ms,
    mbps: mbps(text, ms),
    doubledRatio: doubled / ms,
    normalMbps: mbps(normal, normalMs),
  });
}
console.log(JSON.stringify(rows));
