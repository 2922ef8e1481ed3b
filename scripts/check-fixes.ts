// What --fix would write over labelled replies, read the way a reviewer reads it: any time,
// number or placeholder the reply never had, any sentence left ending on a dangling word, any
// phrase inserted twice. Prints each case and the totals; exits 1 when there is one.
//   npx tsx scripts/check-fixes.ts [--show] [file.jsonl …]   (default: the dev sets and test/batches)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '../src/core/fix';
import { lint } from '../src/core/lint';
import { danglingEnds, inventedFacts } from '../src/core/rewrite-checks';
import { builtinRules, labelledSets } from './builtin-rules';

const args = process.argv.slice(2);
const show = args.includes('--show');
const named = args.filter((a) => !a.startsWith('--'));
const files = named.length > 0 ? named : labelledSets();
const { ruleSet } = builtinRules();

/** Three-word runs that occur more often after the fix than before, and more than once. */
function repeated(before: string, after: string): string[] {
  const grams = (t: string) => {
    const w = t.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];
    const n = new Map<string, number>();
    for (let i = 0; i + 3 <= w.length; i++)
      n.set(w.slice(i, i + 3).join(' '), (n.get(w.slice(i, i + 3).join(' ')) ?? 0) + 1);
    return n;
  };
  const was = grams(before);
  return [...grams(after)].filter(([g, k]) => k > 1 && k > (was.get(g) ?? 0)).map(([g]) => g);
}

const totals = { replies: 0, changed: 0, invented: 0, dangling: 0, repeated: 0, loops: 0 };
for (const file of files) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { id?: string; lang: string; text: string };
    const info = ruleSet.languages.get(c.lang);
    if (!info) continue;
    totals.replies++;
    const format = c.text.trimStart().startsWith('<') ? 'html' : 'markdown';
    const result = fixAll(c.text, (t) => lint(t, { ruleSet, language: c.lang, format }).findings);
    if (result.loop) totals.loops++;
    if (result.output === c.text) continue;
    totals.changed++;
    const dangling = new Set((info.dangling ?? []).map((w) => w.toLowerCase()));
    const before = new Set(danglingEnds(c.text, dangling));
    const invented = inventedFacts(c.text, result.output, info.facts ?? []);
    const hanging = danglingEnds(result.output, dangling).filter((w) => !before.has(w));
    const twice = repeated(c.text, result.output);
    totals.invented += invented.length;
    totals.dangling += hanging.length;
    totals.repeated += twice.length;
    const problems = [
      ...invented.map((w) => `invents "${w}"`),
      ...hanging.map((w) => `ends on "${w}"`),
      ...twice.map((g) => `repeats "${g}"`),
    ];
    if (problems.length > 0 || show) {
      console.log(`${path.basename(file)} ${c.id ?? ''} [${c.lang}] ${problems.join('; ') || 'ok'}`);
      console.log(
        `    before: ${c.text.replace(/\s+/g, ' ').slice(0, 240)}\n    after:  ${result.output.replace(/\s+/g, ' ').slice(0, 240)}`,
      );
    }
  }
}
console.log(
  `${totals.replies} replies, ${totals.changed} changed by --fix: ${totals.invented} invented facts, ` +
    `${totals.dangling} dangling sentences, ${totals.repeated} repeated insertions, ${totals.loops} stopped loops`,
);
process.exitCode = totals.invented + totals.dangling + totals.repeated > 0 ? 1 : 0;
