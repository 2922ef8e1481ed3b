// A rule id in .warmlyrc.yaml that no rule has would silently do nothing (a disable that
// disables nothing, a severity that changes nothing), so each one is a problem at its place in
// the config, with the nearest real id offered — as a misspelt id in a suppression comment is.
import type { ResolvedConfig } from './config';
import { COMMENT_RULE } from './lint';
import type { RuleSet } from './rule-set';
import type { FileProblem } from './types';

export function unknownRuleIds(config: ResolvedConfig, ruleSet: RuleSet): FileProblem[] {
  const ids = ruleSet.ruleIds();
  // The suppression-comment check has an id too, and may be turned down like a rule.
  const known = new Set([...ids, COMMENT_RULE]);
  return config.ruleRefs
    .filter((ref) => !known.has(ref.id))
    .map(({ id, file, line, column }) => {
      const near = nearest(id, ids);
      const hint = near ? `did you mean "${near}"?` : `use one of: ${ids.join(', ')}`;
      return { file, line, column, message: `unknown rule id "${id}" — ${hint}` };
    });
}

/** The id closest to a misspelling, if it is close enough to be what was meant. */
export function nearest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

// Levenshtein distance, two rows at a time.
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
