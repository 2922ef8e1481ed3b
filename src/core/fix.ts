// Applying fixes (never suggestions). Edits that overlap are never merged: the first wins and the
// others wait for the next round, when the text is linted again and their ranges are fresh.
// A fix whose own words are flagged again — by its own pattern or any other rule — would grow
// the text or undo another rule's work on every round, so the loop stops at once, keeps the
// original text, and says which rule and pattern did it. A text still changing after
// MAX_ROUNDS rounds is reported the same way.
import type { Finding, Suggestion } from './types';

export const MAX_ROUNDS = 10;

interface Applied {
  output: string;
  applied: number;
  /** Where each applied edit's new words stand in the output, and the finding it came from. */
  inserted: Array<{ start: number; end: number; edit: Suggestion }>;
}

/** Applies non-overlapping edits; returns the new text and how many edits were applied. */
export function applyEdits(text: string, edits: Suggestion[]): Applied {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  const inserted: Applied['inserted'] = [];
  let applied = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end < e.start || e.end > text.length) continue;
    applied++;
    out += text.slice(cursor, e.start);
    // A rewrite that only keeps or recases words of the span ("You clearly" → "You") adds none.
    if (addsWords(e.text, text.slice(e.start, e.end)))
      inserted.push({ start: out.length, end: out.length + e.text.length, edit: e });
    out += e.text;
    cursor = e.end;
  }
  return { output: out + text.slice(cursor), applied, inserted };
}

function addsWords(rewrite: string, original: string): boolean {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];
  const had = new Set(words(original));
  return words(rewrite).some((w) => !had.has(w));
}

/** The fix of each finding that has one; suggestions are never applied unasked. */
export function preferredEdits(findings: Finding[]): Suggestion[] {
  return findings.flatMap((f) => f.suggestions.filter((s) => s.kind === 'fix').slice(0, 1));
}

/** A fix that is flagged again where it wrote: what wrote it and what flagged it. */
export interface FixLoop {
  /** The finding whose fix was applied. */
  fixed: Finding;
  /** The finding that flags the fix's own words. */
  flagged: Finding;
  message: string;
}

export interface FixResult {
  output: string;
  findings: Finding[];
  rounds: number;
  settled: boolean;
  applied: number;
  /** Set when the fixes were stopped because one was flagged again; `output` is then the input. */
  loop?: FixLoop;
}

/** Lints, applies every fix, and repeats until nothing fixable is left. */
export function fixAll(text: string, lintText: (text: string) => Finding[], maxRounds = MAX_ROUNDS): FixResult {
  let current = text;
  let applied = 0;
  let findings = lintText(current);
  const seen = new Set([text]);
  for (let round = 1; round <= maxRounds; round++) {
    const edits = preferredEdits(findings);
    if (edits.length === 0) return { output: current, findings, rounds: round - 1, settled: true, applied };
    const byEdit = new Map(findings.flatMap((f) => f.suggestions.map((s) => [s, f] as const)));
    const step = applyEdits(current, edits);
    if (step.output === current) return { output: current, findings, rounds: round - 1, settled: true, applied };
    const next = lintText(step.output);
    const loop =
      findLoop(step.inserted, next, byEdit) ?? (seen.has(step.output) ? cycle(findings, edits, byEdit) : undefined);
    if (loop) return { output: text, findings: lintText(text), rounds: round, settled: false, applied: 0, loop };
    seen.add(step.output);
    current = step.output;
    applied += step.applied;
    findings = next;
  }
  const settled = preferredEdits(findings).length === 0;
  return { output: current, findings, rounds: maxRounds, settled, applied };
}

const describe = (f: Finding) => `${f.ruleId} ("${f.pattern}")`;

// A fix whose new words its own pattern flags again would be inserted once more every round.
// (A fix that another pattern then rewrites further is a chain, not a loop: it settles.)
function findLoop(
  inserted: Applied['inserted'],
  findings: Finding[],
  byEdit: Map<Suggestion, Finding>,
): FixLoop | undefined {
  for (const ins of inserted) {
    const fixed = byEdit.get(ins.edit);
    if (!fixed) continue;
    const same = (f: Finding) => f.ruleId === fixed.ruleId && f.pattern === fixed.pattern;
    const flagged = findings.find((f) => f.start < ins.end && ins.start < f.end && same(f));
    if (flagged) return loopOf(fixed, flagged, ins.edit.text, 'its own pattern');
  }
  return undefined;
}

// The text came back to an earlier round's: two rules undo each other.
function cycle(findings: Finding[], edits: Suggestion[], byEdit: Map<Suggestion, Finding>): FixLoop | undefined {
  const fixed = edits.map((e) => byEdit.get(e)).find((f) => f !== undefined);
  if (!fixed) return undefined;
  const other = findings.find((f) => f.ruleId !== fixed.ruleId) ?? fixed;
  const text = fixed.suggestions.find((s) => s.kind === 'fix')?.text ?? '';
  return loopOf(fixed, other, text, `${describe(other)}, and the two undo each other`);
}

function loopOf(fixed: Finding, flagged: Finding, text: string, by: string): FixLoop {
  const where = fixed.origin ? `${fixed.origin.file}:${fixed.origin.line}:${fixed.origin.column}: ` : '';
  const message =
    `${where}the fix "${text}" of ${describe(fixed)} is flagged again by ${by} — ` +
    'nothing was written; change the rewrite so no rule matches it';
  return { fixed, flagged, message };
}
