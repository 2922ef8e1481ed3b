// Developer shortcut while writing rules: runs the rule examples of one or more languages and
// prints each failure. `warmly test-rules` is the user-facing command; this stays for speed.
//   npx tsx scripts/check-rules.ts [lang…] [--rule id]
import * as path from 'node:path';
import { testRules } from '../src/core/test-rules';
import { builtinRules } from './builtin-rules';

const args = process.argv.slice(2);
const ruleIdx = args.indexOf('--rule');
const onlyRule = ruleIdx >= 0 ? args.splice(ruleIdx, 2)[1] : undefined;
const langs = new Set(args);
const { ruleSet, problems } = builtinRules();
for (const p of problems) console.log(`${path.relative(process.cwd(), p.file)}:${p.line}:${p.column}: ${p.message}`);
const include = (r: { language: string; id: string }) =>
  (langs.size === 0 || langs.has(r.language)) && (!onlyRule || r.id === onlyRule);
const results = testRules(ruleSet, { include });
for (const r of results) {
  if (!r.ok)
    console.log(
      `FAIL ${r.language}/${r.ruleId} ${r.kind} #${r.index + 1}: ${JSON.stringify(r.text)}\n      ${r.problem}`,
    );
}
const failed = results.filter((r) => !r.ok).length;
console.log(
  `${results.length - failed} passed, ${failed} failed${problems.length ? `, ${problems.length} rule-file problems` : ''}`,
);
process.exitCode = failed > 0 || problems.length > 0 ? 1 : 0;
