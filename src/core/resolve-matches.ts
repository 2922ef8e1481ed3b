// What the matcher reports of everything its walk found: per rule, the leftmost-longest matches
// that do not overlap, minus any that an `unless` phrase touches — a rule-wide one, or one
// written for that very pattern.
import type { RawMatch } from './matcher';

export function resolveMatches(found: RawMatch[], vetoes: Array<RawMatch & { scope: number }>): RawMatch[] {
  found.sort((a, b) => a.rule - b.rule || a.from - b.from || b.to - a.to || a.phrase - b.phrase);
  const kept: RawMatch[] = [];
  let lastRule = -1;
  let lastTo = -1;
  const vetoed = (m: RawMatch) =>
    vetoes.some((v) => v.rule === m.rule && (v.scope < 0 || v.scope === m.phrase) && v.from < m.to && m.from < v.to);
  for (const m of found) {
    if (m.rule !== lastRule) {
      lastRule = m.rule;
      lastTo = -1;
    }
    if (m.from < lastTo || vetoed(m)) continue;
    kept.push(m);
    lastTo = m.to;
  }
  return kept;
}
