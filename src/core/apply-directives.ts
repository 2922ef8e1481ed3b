// The suppression comments' part of a lint: what they silence, and a finding for any that names
// a rule no one has.
import type { Directive } from './extract-prose';
import type { LineIndex } from './positions';
import type { Finding } from './types';

/** Rule id of findings about the suppression comments themselves. */
export const COMMENT_RULE = 'warmly-comment';

// warmly-disable / -enable blocks, -disable-line and -disable-next-line. A comment naming an id
// that no rule has is itself reported: a typo there would silently suppress nothing.
export function applyDirectives(
  findings: Finding[],
  directives: Directive[],
  lines: LineIndex,
  ids: string[],
  text: string,
  language: string,
): Finding[] {
  if (directives.length === 0) return findings;
  const known = new Set(ids);
  const problems: Finding[] = [];
  for (const d of directives) {
    for (const id of d.ids) {
      if (known.has(id)) continue;
      const at = text.indexOf(id, d.start);
      const s = at >= 0 && at < d.end ? at : d.start;
      const e = at >= 0 && at < d.end ? at + id.length : d.end;
      problems.push({
        ruleId: COMMENT_RULE,
        severity: 'warning',
        message: `unknown rule id "${id}" in a warmly comment — use one of: ${[...known].join(', ')}`,
        principle: '',
        why: 'A misspelt id suppresses nothing, so the finding it was meant for still shows.',
        source: '',
        url: '',
        language,
        actual: id,
        pattern: '',
        captures: {},
        ...lines.range(s, e),
        suggestions: [],
      });
    }
  }
  const covers = (d: Directive, id: string) => d.ids.length === 0 || d.ids.includes(id);
  const kept = findings.filter((f) => {
    let blocked = false;
    for (const d of directives) {
      if (!covers(d, f.ruleId)) continue;
      const dLine = lines.position(d.start).line;
      const dEnd = lines.position(d.end).line;
      if (d.kind === 'disable-line' && f.line >= dLine && f.line <= dEnd) return false;
      if (d.kind === 'disable-next-line' && f.line === dEnd + 1) return false;
      if (d.kind === 'disable' && d.end <= f.start) blocked = true;
      if (d.kind === 'enable' && d.end <= f.start) blocked = false;
    }
    return !blocked;
  });
  return [...kept, ...problems];
}
