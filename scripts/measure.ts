// Detection, right rule and warm replies flagged on labelled replies in JSON Lines — the shared
// dev sets (read from ../shared/labelled at run time: their text never enters the project), our
// own blind-written batches in test/batches, or any files named — scored the way the hidden
// sets are, through the core alone, in a second or two.
//   npx tsx scripts/measure.ts [--lang sv] [--misses] [--rule id] [file.jsonl …]
import * as path from 'node:path';
import { lint } from '../src/core/lint';
import { builtinRules, labelledSets, readCases } from './builtin-rules';

interface Case {
  id?: string;
  lang: string;
  expect: string[];
  text: string;
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args.splice(k, 2)[1] : undefined;
};
const onlyLang = flag('--lang');
const onlyRule = flag('--rule');
const showMisses = args.includes('--misses') && args.splice(args.indexOf('--misses'), 1).length > 0;
const files = args.length > 0 ? args : labelledSets();
const { ruleSet, problems } = builtinRules();
// A rule file that does not load scores as if its rule did not exist: say so before any figure.
for (const p of problems)
  console.error(`RULE FILE PROBLEM (its rule is left out): ${p.file}:${p.line}:${p.column}: ${p.message}`);

type Tally = { cold: number; detected: number; right: number; warm: number; flagged: number };
const blank = (): Tally => ({ cold: 0, detected: 0, right: 0, warm: 0, flagged: 0 });
for (const file of files) {
  const cases: Case[] = readCases(file);
  const per = new Map<string, Tally>();
  const rules = new Map<string, { expected: number; found: number; warm: number }>();
  const rule = (id: string) => rules.get(id) ?? rules.set(id, { expected: 0, found: 0, warm: 0 }).get(id)!;
  const misses: string[] = [];
  for (const c of cases) {
    if (onlyLang && c.lang !== onlyLang) continue;
    const format = c.text.trimStart().startsWith('<') ? 'html' : 'markdown';
    const findings = lint(`${c.text}\n`, { ruleSet, language: c.lang, format }).findings;
    const got = new Set(findings.map((f) => f.ruleId));
    const t = per.get(c.lang) ?? per.set(c.lang, blank()).get(c.lang)!;
    for (const id of c.expect) {
      rule(id).expected++;
      if (got.has(id)) rule(id).found++;
    }
    const relevant = !onlyRule || c.expect.includes(onlyRule) || got.has(onlyRule);
    const show = (what: string) =>
      relevant && misses.push(`${what} ${c.id ?? ''} want [${c.expect}] got [${[...got]}]: ${c.text.slice(0, 220)}`);
    if (c.expect.length > 0) {
      t.cold++;
      t.detected += got.size > 0 ? 1 : 0;
      const right = c.expect.every((id) => got.has(id));
      t.right += right ? 1 : 0;
      if (!right) show(got.size > 0 ? 'WRONG' : 'MISS ');
    } else {
      t.warm++;
      if (got.size > 0) {
        t.flagged++;
        for (const id of got) rule(id).warm++;
        show('FALSE');
        for (const f of findings) relevant && misses.push(`        ${f.ruleId}: "${f.actual}" (${f.pattern})`);
      }
    }
  }
  console.log(`\n${path.basename(file)}`);
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');
  for (const [lang, t] of [...per].sort()) {
    console.log(
      `  ${lang}: cold ${t.cold}  detected ${t.detected} (${pct(t.detected, t.cold)})  right rule ${t.right} (${pct(t.right, t.cold)})  warm ${t.warm}  warm flagged ${t.flagged} (${pct(t.flagged, t.warm)})`,
    );
  }
  console.log('  per rule (expected / found / flagged on warm):');
  for (const [id, r] of [...rules].sort()) console.log(`    ${id}: ${r.expected} / ${r.found} / ${r.warm}`);
  if (showMisses) for (const m of misses) console.log(`  ${m}`);
}
