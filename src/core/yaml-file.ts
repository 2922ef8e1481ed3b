// Reads a YAML file against a JSON Schema and turns every problem into `file:line:col: what is
// wrong — how to fix it`. The yaml library keeps source ranges, Ajv does the validation; this
// file only translates Ajv's paths back into places a content lead can find.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
  isMap,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { FileProblem } from './types';
import { plainYamlError } from './yaml-errors';

export interface YamlFile<T> {
  data?: T;
  problems: FileProblem[];
  /** Where a value sits in the file (for later checks, such as pattern syntax). */
  locate(path: Array<string | number>, inner?: number): { line: number; column: number };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    validators.set(schema, v);
  }
  return v;
}

/** Deeper than any rule or config file nests; the YAML parser recurses once per level. */
export const MAX_YAML_DEPTH = 200;
/** Aliases (*name) expanded at most this many times: an alias bomb grows exponentially. */
export const MAX_YAML_ALIASES = 100;

export function readYaml<T>(file: string, text: string, schema: object): YamlFile<T> {
  const deep = nestingBeyond(text, MAX_YAML_DEPTH);
  if (deep) {
    const message = `the YAML nests more than ${MAX_YAML_DEPTH} levels deep — no Warmly file needs that; flatten it`;
    return {
      problems: [{ file, line: deep.line, column: deep.column, message }],
      locate: () => ({ line: 1, column: 1 }),
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, column: p.col };
  };
  const locate = (path: Array<string | number>, inner = 0) => {
    const node = doc.getIn(path, true) as YamlNode | undefined;
    if (!isNode(node) || !node.range) return at(0);
    // A quoted scalar's text starts one character after its range does.
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
    return at(node.range[0] + quoted + inner);
  };
  const problems: FileProblem[] = [];
  for (const err of doc.errors) {
    // In plain words and at the character to change, where yaml-errors.ts knows the case.
    const plain = plainYamlError(err.code, err.message, text, err.pos[0]);
    const { line, column } = at(plain?.offset ?? err.pos[0]);
    problems.push({ file, line, column, message: plain?.message ?? yamlMessage(err.code, err.message) });
  }
  if (problems.length > 0) return { problems, locate };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (!(e instanceof ReferenceError || e instanceof RangeError)) throw e;
    const message =
      `the YAML expands its aliases (*name) too far — more than ${MAX_YAML_ALIASES} uses, ` +
      'or nested ones; write the values out';
    return { problems: [{ file, ...at(text.indexOf('*')), message }], locate };
  }
  problems.push(...checkData(file, data, schema, doc, at));
  return problems.length > 0 ? { problems, locate } : { data: data as T, problems, locate };
}

// The parsed value against the schema: empty, someone else's file, or each schema error at its node.
function checkData(
  file: string,
  data: unknown,
  schema: object,
  doc: ReturnType<typeof parseDocument>,
  at: (offset: number) => { line: number; column: number },
): FileProblem[] {
  const top = (message: string) => [{ file, line: 1, column: 1, message }];
  if (data === null || data === undefined) {
    return top('the file is empty — write the keys the schema asks for (see docs/writing-rules.md)');
  }
  // A file with none of the keys Warmly reads is someone else's (credentials, a CI file): say
  // so without naming its keys, since "rules:" and "extends:" can point anywhere.
  if (isForeign(data, schema)) {
    return top('this is not a Warmly file: none of its keys is one Warmly reads — check the path to it');
  }
  const validate = validatorFor(schema);
  if (validate(data)) return [];
  return simplify(validate.errors ?? []).map((err) => {
    const { node, key } = nodeFor(doc, err);
    const pos = node?.range ? at(node.range[0]) : { line: 1, column: 1 };
    return { file, ...pos, message: describe(err, key, schemaAt(schema, err.schemaPath)) };
  });
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(first)) return `the YAML nests too deeply to read — flatten it`;
  if (code === 'DUPLICATE_KEY') return `${first} — each key may appear once; merge the two or delete one`;
  if (code === 'TAB_AS_INDENT') return `${first} — indent with spaces, not tabs`;
  return `${first} — fix the YAML syntax here (a missing quote, colon or indentation is the usual cause)`;
}

// oneOf failures drag in every branch's complaints; keep the oneOf itself and what is not
// explained by it, so a writer reads one clear sentence per problem.
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  return errors.filter((e) => {
    if (e.keyword === 'oneOf') return true;
    const insideOneOf = e.schemaPath.includes('/oneOf/');
    return !(insideOneOf && oneOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/')));
  });
}

function segments(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function nodeFor(doc: Document, err: ErrorObject): { node?: YamlNode; key?: string } {
  const path = segments(err.instancePath);
  const node = (path.length ? doc.getIn(path, true) : doc.contents) as YamlNode | undefined;
  if (err.keyword === 'additionalProperties' && isMap(node)) {
    const key = String((err.params as { additionalProperty: string }).additionalProperty);
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair && isNode(pair.key)) return { node: pair.key as YamlNode, key };
  }
  return {
    node: isNode(node) ? node : undefined,
    key: typeof path[path.length - 1] === 'string' ? String(path[path.length - 1]) : undefined,
  };
}

function schemaAt(schema: object, schemaPath: string): Record<string, unknown> {
  let cur: unknown = schema;
  for (const seg of segments(schemaPath.replace(/^#/, '')).slice(0, -1)) {
    if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[seg];
  }
  return (cur && typeof cur === 'object' ? cur : {}) as Record<string, unknown>;
}

function describe(err: ErrorObject, key: string | undefined, parent: Record<string, unknown>): string {
  const where = key ? `"${key}"` : 'this value';
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((parent.properties as object) ?? {});
      const near = closest(String(params.additionalProperty), allowed);
      return near
        ? `unknown key "${params.additionalProperty}" — did you mean "${near}"?`
        : `unknown key "${params.additionalProperty}" — remove it; the keys allowed here are ${allowed.map((k) => `"${k}"`).join(', ')}`;
    }
    case 'required': {
      const props = (parent.properties ?? {}) as Record<string, { description?: string }>;
      const missing = String(params.missingProperty);
      const hint = props[missing]?.description;
      return `missing key "${missing}" — add it${hint ? `: ${hint}` : ''}`;
    }
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} — pick one of them`;
    case 'type':
      return `${where} should be ${article(String(params.type))} — write it as ${article(String(params.type))}`;
    case 'minItems':
      return `${where} needs at least ${params.limit} item${params.limit === 1 ? '' : 's'} — add ${params.limit === 1 ? 'one' : 'more'}`;
    case 'minLength':
      return `${where} is empty — write some text, or remove the key`;
    case 'pattern':
      return `${where} does not look right (expected ${err.message?.replace('must match pattern ', '')}) — see the schema's description`;
    case 'oneOf':
      if (/patterns\/\d+$/.test(err.instancePath))
        return 'a pattern needs exactly one of "phrase" or "regex" — keep one';
      return `${where} must be either a plain text or an object with "text" — use one of the two forms`;
    default:
      return `${where} ${err.message ?? 'is not valid'} — see the schema`;
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a mapping of keys',
    string: 'a text',
    boolean: 'true or false',
    number: 'a number',
    integer: 'a whole number',
  };
  return names[type] ?? type;
}

/** The allowed key nearest to a misspelt one, if it is plausibly a typo. */
export function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const option of options) {
    const d = distance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = option;
    }
  }
  return best !== undefined && bestDist <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/**
 * Where a YAML text first nests deeper than `limit`, if it does: flow brackets ([ {) outside
 * quotes, and on each line the indentation plus the "- " and "? " entries that open a block
 * collection each. One pass, so a 20,000-deep file is refused before the parser recurses.
 */
export function nestingBeyond(text: string, limit: number): { line: number; column: number } | undefined {
  let flow = 0;
  let line = 1;
  let lineStart = 0;
  let atIndent = true;
  let block = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      atIndent = true;
      block = 0;
      quote = '';
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (atIndent) {
      if (ch === ' ') block++;
      else if ((ch === '-' || ch === '?') && (text[i + 1] === ' ' || text[i + 1] === '\n' || i + 1 === text.length))
        block++;
      else atIndent = false;
      if (block > limit) return { line, column: i - lineStart + 1 };
    }
    if (ch === '#' && (i === lineStart || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      if (++flow > limit) return { line, column: i - lineStart + 1 };
    } else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
  }
  return undefined;
}

function isForeign(data: unknown, schema: object): boolean {
  const known = (schema as { properties?: Record<string, unknown> }).properties;
  if (!known || !data || typeof data !== 'object' || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  return keys.length > 0 && !keys.some((k) => k in known);
}
