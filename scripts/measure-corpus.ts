// False-alarm measurement on real published replies in ../shared/corpus (measurement only:
// the corpus is never copied into this repository). Prints, per language, the share of texts
// flagged and the count per rule; --sample N prints N findings (seeded) to read by hand.
//   npm run measure:corpus -- [lang…] [--sample 40] [--seed 7]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../src/core/index';

const corpusDir = process.env.WARMLY_CORPUS ?? path.join(__dirname, '..', '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const sample = option('--sample', 0);
let seed = option('--seed', 7);
const langs = args.filter((a) => !a.startsWith('--'));

if (!fs.existsSync(corpusDir)) {
  console.log(`corpus folder not found at ${corpusDir} — skipping (set WARMLY_CORPUS to its path)`);
  process.exit(0);
}
const engine = new Engine({ builtinRulesDir: path.join(__dirname, '..', 'rules') });
const started = performance.now();
const files = fs.readdirSync(corpusDir).filter((f) => /^replies-[a-z]+\.jsonl$/.test(f));
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (const file of files) {
  const lang = file.replace(/^replies-|\.jsonl$/g, '');
  if (langs.length && !langs.includes(lang)) continue;
  const lines = fs.readFileSync(path.join(corpusDir, file), 'utf8').split('\n').filter(Boolean);
  const perRule: Record<string, number> = {};
  const found: Array<{ id: string; rule: string; actual: string; text: string }> = [];
  let flagged = 0;
  for (const line of lines) {
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    // Corpus lines are plain text with [% %] / {{ }} placeholders kept: lint them as text.
    const findings = engine.open({ fileName: 'reply.txt', text, language: lang }).lint().findings;
    if (findings.length > 0) flagged++;
    for (const f of findings) {
      perRule[f.ruleId] = (perRule[f.ruleId] ?? 0) + 1;
      found.push({ id, rule: f.ruleId, actual: f.actual, text });
    }
  }
  console.log(
    `${lang}: ${flagged}/${lines.length} texts flagged (${((100 * flagged) / lines.length).toFixed(1)} %), ${found.length} findings`,
  );
  for (const [rule, n] of Object.entries(perRule).sort((a, b) => b[1] - a[1]))
    console.log(`    ${rule.padEnd(22)} ${n}`);
  if (sample > 0) {
    const picked = [...found].sort(() => random() - 0.5).slice(0, sample);
    for (const p of picked) console.log(`  [${p.id}] ${p.rule}: «${p.actual}» in: ${p.text.replace(/\s+/g, ' ')}`);
  }
}
console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
