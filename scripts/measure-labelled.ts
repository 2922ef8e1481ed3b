// Detection and false alarms on the hand-labelled replies in test/labelled/<lang>.yaml.
// Each item: { text, expect: [rule ids] } — an empty list means the reply is warm and must
// stay clean; `near-miss: true` marks warm text written to look like a finding.
//   npx tsx scripts/measure-labelled.ts [lang…] [--verbose]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Engine } from '../src/core/index';

export interface Labelled {
  text: string;
  expect: string[];
  'near-miss'?: boolean;
}

export interface LanguageScore {
  language: string;
  items: number;
  nearMisses: number;
  expected: number;
  caught: number;
  warm: number;
  warmFlagged: number;
  perRule: Record<string, { expected: number; caught: number; falseAlarms: number }>;
  misses: string[];
}

const root = path.join(__dirname, '..');

export function measure(
  language: string,
  engine = new Engine({ builtinRulesDir: path.join(root, 'rules') }),
): LanguageScore {
  const items = parse(fs.readFileSync(path.join(root, 'test', 'labelled', `${language}.yaml`), 'utf8')) as Labelled[];
  const score: LanguageScore = {
    language,
    items: items.length,
    nearMisses: 0,
    expected: 0,
    caught: 0,
    warm: 0,
    warmFlagged: 0,
    perRule: {},
    misses: [],
  };
  const rule = (id: string) => (score.perRule[id] ??= { expected: 0, caught: 0, falseAlarms: 0 });
  for (const item of items) {
    if (item['near-miss']) score.nearMisses++;
    const found = new Set(
      engine
        .open({ text: item.text, language })
        .lint()
        .findings.map((f) => f.ruleId),
    );
    for (const id of item.expect) {
      score.expected++;
      rule(id).expected++;
      if (found.has(id)) {
        score.caught++;
        rule(id).caught++;
      } else score.misses.push(`missed ${id}: ${item.text}`);
    }
    for (const id of found) {
      if (!item.expect.includes(id)) {
        rule(id).falseAlarms++;
        score.misses.push(`false alarm ${id}: ${item.text}`);
      }
    }
    if (item.expect.length === 0) {
      score.warm++;
      if (found.size > 0) score.warmFlagged++;
    }
  }
  return score;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const langs = args.filter((a) => !a.startsWith('--'));
  const all = langs.length
    ? langs
    : fs
        .readdirSync(path.join(root, 'test', 'labelled'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.replace('.yaml', ''));
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
  for (const lang of all) {
    const s = measure(lang);
    console.log(
      `${lang}: ${s.items} replies (${s.nearMisses} near misses) — detection ${s.caught}/${s.expected} = ${pct(s.caught, s.expected)}; warm replies flagged ${s.warmFlagged}/${s.warm} = ${pct(s.warmFlagged, s.warm)}`,
    );
    for (const [id, r] of Object.entries(s.perRule).sort())
      console.log(`    ${id.padEnd(22)} caught ${r.caught}/${r.expected}  false alarms ${r.falseAlarms}`);
    if (verbose) for (const m of s.misses) console.log(`    · ${m}`);
  }
}
