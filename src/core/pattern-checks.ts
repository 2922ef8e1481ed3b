// The checks a parsed phrase must pass before the matcher weaves it in — at least one
// required part and a literal word on every path — and what
// rule validation and test-rules read off the tree: the captures on every path, the lists it
// names, and (bounded) its plain phrasings.
import { parsePattern, PatternError, type Item, type Node, type Sequence } from './pattern-syntax';

const LITERAL = new Set<Item['t']>(['word', 'prefix', 'stem', 'ref']);

/** How many plain phrasings the tree stands for, counted without building them (capped at `cap` + 1). */
export function countPhrasings(nodes: Node[], cap = Number.MAX_SAFE_INTEGER): number {
  let total = 1;
  for (const node of nodes) {
    if (node.k === 'alt') total *= node.options.reduce((sum, o) => sum + countPhrasings(o, cap), 0);
    if (total > cap) return cap + 1;
  }
  return total;
}

/** Capture names present on every path through the tree. */
export function guaranteedCaptures(nodes: Node[]): Set<string> {
  const out = new Set<string>();
  for (const node of nodes) {
    if (node.k === 'item') {
      if (node.item.t === 'cap') out.add(node.item.name);
      continue;
    }
    const sets = node.options.map(guaranteedCaptures);
    for (const name of sets[0] ?? []) if (sets.every((s) => s.has(name))) out.add(name);
  }
  return out;
}

/** List names the tree refers to (in @list, {x:list} and {x!list}). */
export function listsOf(nodes: Node[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.k === 'alt') for (const o of node.options) listsOf(o, out);
    else if (node.item.t === 'ref') out.add(node.item.list);
    else if (node.item.t === 'cap' && (node.item.list || node.item.except))
      out.add((node.item.list ?? node.item.except)!);
  }
  return out;
}

// Every path must hold a word to anchor on, and at least one required part.
function shapeProblem(nodes: Node[]): string | undefined {
  const minLength = (ns: Node[]): number =>
    ns.reduce(
      (sum, nd) => sum + (nd.k === 'item' ? (nd.item.t === 'gap' ? 0 : 1) : Math.min(...nd.options.map(minLength))),
      0,
    );
  const literalOnEveryPath = (ns: Node[]): boolean =>
    ns.some((nd) => (nd.k === 'item' ? LITERAL.has(nd.item.t) : nd.options.every(literalOnEveryPath)));
  const body = nodes.filter((nd) => !(nd.k === 'item' && (nd.item.t === 'start' || nd.item.t === 'question')));
  if (minLength(nodes) === 0) {
    return 'every part of the phrase is optional, so it would match anywhere — make at least one word required';
  }
  if (body.length === 0 || minLength(body) === 0) {
    return '"^" and "?" need words between them — write the words the phrase should catch';
  }
  if (!literalOnEveryPath(body)) {
    return 'one phrasing has no literal word (only "_", ".." or captures), so it would match almost any text — add a word';
  }
  return undefined;
}

/** Parses and checks a pattern; the tree is what the matcher weaves into its trie. */
export function checkPattern(source: string): Node[] {
  const nodes = parsePattern(source);
  const problem = shapeProblem(nodes);
  if (problem) throw new PatternError(problem, 0);
  return nodes;
}

/** Expands alternatives and optional parts into every plain sequence (only for bounded checks). */
export function expand(nodes: Node[]): Sequence[] {
  let out: Sequence[] = [[]];
  for (const node of nodes) {
    if (node.k === 'item') {
      for (const seq of out) seq.push(node.item);
      continue;
    }
    const next: Sequence[] = [];
    for (const option of node.options) {
      const tails = expand(option);
      for (const head of out) for (const tail of tails) next.push([...head, ...tail]);
    }
    out = next;
  }
  return out;
}

/** Every plain phrasing of a checked pattern, or undefined when there are too many to list. */
export function compilePattern(source: string, limit = 4096): Sequence[] | undefined {
  const nodes = checkPattern(source);
  return countPhrasings(nodes, limit) > limit ? undefined : expand(nodes);
}

/**
 * Problems in the entries of named lists (a language's, a rule's, a config's): each entry is a
 * small phrase and must pass the same checks, or the matcher could not build it. A template
 * placeholder entry ("{{ carrier }}") stands for any placeholder and is not parsed.
 */
export function listProblems(
  lists: Record<string, string[]> | undefined,
  where: (path: Array<string | number>, inner: number) => { file: string; line: number; column: number },
  at: Array<string | number> = ['lists'],
): Array<{ file: string; line: number; column: number; message: string }> {
  const out: Array<{ file: string; line: number; column: number; message: string }> = [];
  for (const [name, entries] of Object.entries(lists ?? {})) {
    entries.forEach((entry, j) => {
      if (/^\s*(\{\{[\s\S]*\}\}|\{%[\s\S]*%\}|\[%[\s\S]*%\])\s*$/.test(entry)) return;
      try {
        checkPattern(entry);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        out.push({ ...where([...at, name, j], e.index), message: e.message });
      }
    });
  }
  return out;
}
