// Top self-time functions of a V8 .cpuprofile (written by `node --cpu-prof`), so the lead sees
// where Warmly's time goes before anyone guesses.
//   node bench/profile.mjs <file.cpuprofile> [count]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// esbuild marks where each source file starts inside a bundle with a `// src/…` comment;
// those markers turn a bundle line number back into the file a function lives in.
const sourceMarkers = new Map();
function sourceFileOf(url, line) {
  if (!url.startsWith('file://')) return undefined;
  const file = fileURLToPath(url);
  if (!file.endsWith('.cjs') && !file.endsWith('.js')) return undefined;
  let markers = sourceMarkers.get(file);
  if (!markers) {
    markers = [];
    try {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
          if (m) markers.push({ line: i, source: m[1] });
        });
    } catch {
      // a file gone since the profile was taken: fall back to the URL
    }
    sourceMarkers.set(file, markers);
  }
  let found;
  for (const marker of markers) {
    if (marker.line > line) break;
    found = marker.source;
  }
  return found;
}

export function summariseProfile(file, count = 10) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  let totalUs = 0;
  // timeDeltas[i + 1] is how long the program stayed where samples[i] found it
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i]);
    const name = node.callFrame.functionName;
    if (name === '(idle)') continue;
    totalUs += delta;
    selfUs.set(node, (selfUs.get(node) ?? 0) + delta);
  }
  const byFunction = new Map();
  for (const [node, us] of selfUs) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = sourceFileOf(url, lineNumber) ?? (url ? path.basename(url) : '');
    const key = `${functionName || '(anonymous)'}\t${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  return {
    totalMs: totalUs / 1000,
    top: [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, us]) => {
        const [fn, where] = key.split('\t');
        return { fn, where, selfMs: us / 1000, share: totalUs ? us / totalUs : 0 };
      }),
  };
}

export function profileTable(summary) {
  const lines = ['| # | function | where | self ms | share |', '|---:|---|---|---:|---:|'];
  summary.top.forEach((f, i) =>
    lines.push(`| ${i + 1} | \`${f.fn}\` | ${f.where} | ${f.selfMs.toFixed(0)} | ${(f.share * 100).toFixed(1)}% |`),
  );
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, count] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/profile.mjs <file.cpuprofile> [count]');
    process.exit(2);
  }
  const summary = summariseProfile(file, Number(count ?? 10));
  console.log(`${summary.totalMs.toFixed(0)} ms sampled\n${profileTable(summary)}`);
}
