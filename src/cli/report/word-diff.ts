// A word-level diff of a template before and after its rewrites, for the side-by-side view.
// Longest common subsequence over words and spaces: templates are short, so O(n·m) is fine,
// and a cap keeps a pathological file from stalling the report.

export type Piece = { text: string; kind: 'same' | 'removed' | 'added' };

const MAX_CELLS = 4_000_000;

export function wordDiff(before: string, after: string): Piece[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS)
    return [
      { text: before, kind: 'removed' },
      { text: after, kind: 'added' },
    ];
  const n = a.length;
  const m = b.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const out: Piece[] = [];
  const push = (text: string, kind: Piece['kind']) => {
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ text, kind });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(a[i], 'same');
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) push(a[i++], 'removed');
    else push(b[j++], 'added');
  }
  while (i < n) push(a[i++], 'removed');
  while (j < m) push(b[j++], 'added');
  return out;
}

// Words, spaces, tags, placeholders and punctuation each stand alone, so a rewrite next to
// "{{name}},</p><p>" marks only the words that changed.
function tokens(text: string): string[] {
  return text.split(/(\s+|<[^>]*>|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|[.,!?;:()"])/).filter(Boolean);
}
