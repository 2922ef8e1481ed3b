// Applying rewrites. Edits that overlap are never merged: the first wins and the others wait
// for the next round, when the text is linted again and their ranges are fresh. A text that
// still changes after MAX_ROUNDS rounds is reported as not settling (a rule loop).
import type { Finding, Suggestion } from './types';

export const MAX_ROUNDS = 10;

/** Applies non-overlapping edits; returns the new text and how many edits were applied. */
export function applyEdits(text: string, edits: Suggestion[]): { output: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end < e.start || e.end > text.length) continue;
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
    applied++;
  }
  return { output: out + text.slice(cursor), applied };
}

/** The fix of each finding that has one; suggestions are never applied unasked. */
export function preferredEdits(findings: Finding[]): Suggestion[] {
  return findings.flatMap((f) => f.suggestions.filter((s) => s.kind === 'fix').slice(0, 1));
}

export interface FixResult {
  output: string;
  findings: Finding[];
  rounds: number;
  settled: boolean;
  applied: number;
}

/** Lints, applies every preferred rewrite, and repeats until nothing fixable is left. */
export function fixAll(text: string, lintText: (text: string) => Finding[], maxRounds = MAX_ROUNDS): FixResult {
  let current = text;
  let applied = 0;
  let findings = lintText(current);
  for (let round = 1; round <= maxRounds; round++) {
    const edits = preferredEdits(findings);
    if (edits.length === 0) return { output: current, findings, rounds: round - 1, settled: true, applied };
    const step = applyEdits(current, edits);
    if (step.output === current) return { output: current, findings, rounds: round - 1, settled: true, applied };
    current = step.output;
    applied += step.applied;
    findings = lintText(current);
  }
  return { output: current, findings, rounds: maxRounds, settled: preferredEdits(findings).length === 0, applied };
}
