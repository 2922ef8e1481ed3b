// The source ranges an nlcst tree covers, paragraph by paragraph. remark-retext hands a plugin
// only the prose of a Markdown file; these spans tell which findings lie in that prose.
import type { Root } from 'nlcst';

export type Span = [start: number, end: number];

/** Offsets of each paragraph (or sentence, when the tree has no paragraphs); undefined when the tree has no offsets. */
export function proseSpans(tree: Root): Span[] | undefined {
  const spans: Span[] = [];
  const visit = (node: {
    type: string;
    position?: { start: { offset?: number }; end: { offset?: number } };
    children?: unknown[];
  }) => {
    if (node.type === 'ParagraphNode' || node.type === 'SentenceNode') {
      const start = node.position?.start.offset,
        end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) spans.push([start, end]);
      return;
    }
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree as unknown as Parameters<typeof visit>[0]);
  if (spans.length === 0) return tree.children.length === 0 ? [] : undefined;
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Is [start, end) inside one span? (A phrase never crosses a paragraph.) */
export function within(spans: Span[], start: number, end: number): boolean {
  for (const [s, e] of spans) {
    if (s > start) return false;
    if (start >= s && end <= e) return true;
  }
  return false;
}
