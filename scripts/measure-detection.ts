// Language detection on short replies: every labelled reply (the dev sets, read from
// ../shared/labelled at run time, and our batches), whole and cut to its first one and two
// sentences, detected with no hint from a file name. Prints accuracy per language.
//   npx tsx scripts/measure-detection.ts [--wrong] [file.jsonl …]
import { builtinRules, labelledSets, readCases } from './builtin-rules';

const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = named.length > 0 ? named : labelledSets();
const { ruleSet } = builtinRules();
const detector = ruleSet.detector;
const showWrong = process.argv.includes('--wrong');

const sentences = (text: string, n: number) => (text.match(/[^.!?]+[.!?]*/g) ?? [text]).slice(0, n).join(' ').trim();
const tally = new Map<string, { n: number; whole: number; one: number; two: number }>();
for (const file of files) {
  for (const c of readCases(file)) {
    const t = tally.get(c.lang) ?? tally.set(c.lang, { n: 0, whole: 0, one: 0, two: 0 }).get(c.lang)!;
    t.n++;
    for (const [key, text] of [
      ['whole', c.text],
      ['one', sentences(c.text, 1)],
      ['two', sentences(c.text, 2)],
    ] as const) {
      const got = detector.detect(text).code;
      if (got === c.lang) t[key]++;
      else if (showWrong && key !== 'whole')
        console.log(`${c.lang} → ${got ?? 'none'} (${key}): ${text.slice(0, 120)}`);
    }
  }
}
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
for (const [lang, t] of [...tally].sort()) {
  console.log(
    `${lang}: ${t.n} replies  whole ${pct(t.whole, t.n)}  first sentence ${pct(t.one, t.n)}  first two ${pct(t.two, t.n)}`,
  );
}
const all = [...tally.values()].reduce(
  (a, t) => ({ n: a.n + t.n, whole: a.whole + t.whole, one: a.one + t.one, two: a.two + t.two }),
  { n: 0, whole: 0, one: 0, two: 0 },
);
console.log(
  `all: ${all.n} replies  whole ${pct(all.whole, all.n)}  first sentence ${pct(all.one, all.n)}  first two ${pct(all.two, all.n)}`,
);
