// The one edit that turns a text into another by replacing only the middle that differs. Editors
// apply fix-all this way, so the cursor, folding and marks outside the change stay where they were.

export interface ChangedSpan {
  /** [start, end) in the old text. */
  start: number;
  end: number;
  /** What replaces it. */
  text: string;
}

/** The differing middle of `before` and `after`, or undefined when they are equal. */
export function changedSpan(before: string, after: string): ChangedSpan | undefined {
  if (before === after) return undefined;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  const room = Math.min(before.length, after.length) - head;
  while (tail < room && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start: head, end: before.length - tail, text: after.slice(head, after.length - tail) };
}
