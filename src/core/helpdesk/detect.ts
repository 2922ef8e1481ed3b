// Which helpdesk an export comes from, read from its content (not its file name), and the reply
// texts inside it. JSON goes through jsonc-parser's parseTree, which gives every string literal
// its offset in the file; CSV goes through the position-keeping scanner in csv.ts.
import { parseTree, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { type CsvRecord, detectDelimiter, scanCsv, CsvError } from './csv';
import { decodeJsonString, jsonDepth } from './json-strings';
import type { Detection, HelpdeskFormat, Reply } from './types';

/** Header names taken as the reply text column of a CSV, in order of preference. */
export const CSV_TEXT_COLUMNS = ['text', 'body', 'reply', 'content', 'message', 'response'];
const CSV_TITLE_COLUMNS = ['title', 'name', 'subject', 'macro', 'id'];

export function detectExport(source: string, fileName: string, options: { csvColumn?: string } = {}): Detection {
  if (/\.csv$/i.test(fileName)) return detectCsv(source, options.csvColumn);
  return detectJson(source);
}

// ---- JSON ----

type Path = Array<string | number>;
interface Found {
  node: Node;
  path: Path;
  title?: string;
  html: boolean;
}

/** Deeper than any helpdesk export nests; the parser recurses once per level. */
const MAX_JSON_DEPTH = 200;

export function detectJson(source: string): Detection {
  const depth = jsonDepth(source, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH)
    return {
      kind: 'not-export',
      reason: `JSON nested more than ${MAX_JSON_DEPTH} levels deep — no helpdesk export is`,
    };
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: true });
  } catch (e) {
    if (e instanceof RangeError) return { kind: 'not-export', reason: 'JSON too deeply nested to read' };
    throw e;
  }
  if (!root || errors.length > 0) return { kind: 'not-export', reason: 'not valid JSON' };
  const hit = identify(root);
  if (!hit) return { kind: 'not-export', reason: 'JSON, but not a Zendesk, Freshdesk, Help Scout or Intercom export' };
  return { kind: 'export', format: hit.format, replies: hit.found.map((f) => toReply(source, f)) };
}

function identify(root: Node): { format: HelpdeskFormat; found: Found[] } | undefined {
  // Zendesk: { macros: [...] } from the list endpoint, or { macro: {...} } from the one-macro endpoint.
  const macros = prop(root, 'macros');
  if (macros?.type === 'array') return { format: 'zendesk', found: zendesk(macros.children ?? [], ['macros']) };
  const macro = prop(root, 'macro');
  if (macro?.type === 'object' && prop(macro, 'actions'))
    return { format: 'zendesk', found: zendesk([macro], ['macro'], false) };

  // Help Scout: { items: [ { name, text } ] } or the HAL shape { _embedded: { replies: [...] } }.
  const embedded = prop(prop(root, '_embedded'), 'replies');
  const items = prop(root, 'items');
  for (const [list, base] of [
    [embedded, ['_embedded', 'replies']],
    [items, ['items']],
  ] as const) {
    if (list?.type === 'array' && (list.children ?? []).some((c) => isString(prop(c, 'text')))) {
      return { format: 'helpscout', found: fields(list.children ?? [], [...base], ['text'], 'name') };
    }
  }

  // Intercom: { type: "list", data: [ { type: "macro" | "saved_reply", name, body } ] }.
  const data = prop(root, 'data');
  if (data?.type === 'array' && (data.children ?? []).some((c) => isString(prop(c, 'body')))) {
    return { format: 'intercom', found: fields(data.children ?? [], ['data'], ['body'], 'name') };
  }

  // Freshdesk: an array of canned responses { title, content_html, content }, or { canned_responses: [...] }.
  const canned = prop(root, 'canned_responses');
  const list = canned?.type === 'array' ? canned : root.type === 'array' ? root : undefined;
  if (list && (list.children ?? []).some((c) => isString(prop(c, 'content_html')) || isString(prop(c, 'content')))) {
    // content is Freshdesk's plain-text copy of content_html: lint the HTML only, or the
    // same finding would be reported twice and --fix would edit two copies.
    return {
      format: 'freshdesk',
      found: fields(list.children ?? [], canned ? ['canned_responses'] : [], ['content_html', 'content'], 'title'),
    };
  }
  return undefined;
}

function zendesk(macros: Node[], base: Path, indexed = true): Found[] {
  const out: Found[] = [];
  macros.forEach((m, i) => {
    const title = stringValue(prop(m, 'title'));
    const actions = prop(m, 'actions')?.children ?? [];
    actions.forEach((a, j) => {
      const field = stringValue(prop(a, 'field'));
      if (field !== 'comment_value' && field !== 'comment_value_html') return;
      const value = prop(a, 'value');
      const path: Path = [...base, ...(indexed ? [i] : []), 'actions', j, 'value'];
      const html = field === 'comment_value_html';
      if (isString(value)) out.push({ node: value!, path, title, html });
      // ["channel:all", "text"]: the first element names the channel, the rest is the comment.
      else if (value?.type === 'array') {
        (value.children ?? []).forEach((el, k) => {
          const s = stringValue(el);
          if (s !== undefined && !(k === 0 && /^channel:/.test(s)))
            out.push({ node: el, path: [...path, k], title, html });
        });
      }
    });
  });
  return out;
}

function fields(list: Node[], base: Path, keys: string[], titleKey: string): Found[] {
  const out: Found[] = [];
  list.forEach((item, i) => {
    const key = keys.find((k) => isString(prop(item, k)));
    if (!key) return;
    out.push({
      node: prop(item, key)!,
      path: [...base, i, key],
      title: stringValue(prop(item, titleKey)),
      html: key.endsWith('_html'),
    });
  });
  return out;
}

function toReply(source: string, f: Found): Reply {
  // node.offset is the opening quote; the literal's inside runs to the closing quote.
  const rawStart = f.node.offset + 1;
  const rawEnd = f.node.offset + f.node.length - 1;
  const { text, offsets } = decodeJsonString(source, rawStart, rawEnd);
  return {
    location: { pointer: toPointer(f.path) },
    title: f.title,
    text,
    format: f.html || looksLikeHtml(text) ? 'html' : 'template',
    encoding: 'json',
    rawStart,
    rawEnd,
    rawOffsets: offsets,
  };
}

// The last of duplicate keys, as JSON.parse (and so every helpdesk importer) keeps it: linting
// the first would check and fix a copy nobody reads.
function prop(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const children = node.children ?? [];
  for (let i = children.length - 1; i >= 0; i--)
    if (children[i].children?.[0]?.value === key) return children[i].children![1];
  return undefined;
}

function isString(node: Node | undefined): boolean {
  return node?.type === 'string';
}

function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : node?.type === 'number' ? String(node.value) : undefined;
}

/** RFC 6901: ~ and / inside a key are written ~0 and ~1. */
export function toPointer(path: Path): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

// Help Scout's and Intercom's bodies are HTML in most exports, plain text in some.
function looksLikeHtml(text: string): boolean {
  return /<\/?(p|br|div|span|a|b|i|strong|em|ul|ol|li|h[1-6])\b[^>]*>/i.test(text);
}

// ---- CSV ----

export function detectCsv(source: string, column?: string): Detection {
  let records: CsvRecord[];
  try {
    records = scanCsv(source, detectDelimiter(source));
  } catch (e) {
    if (e instanceof CsvError) return { kind: 'not-export', reason: `not valid CSV (${e.message})` };
    throw e;
  }
  if (records.length === 0) return { kind: 'not-export', reason: 'empty CSV' };
  const header = records[0].fields.map((f) => f.value.trim().toLowerCase());
  const wanted = column ? [column.toLowerCase()] : CSV_TEXT_COLUMNS;
  const textIndex = wanted.map((w) => header.indexOf(w)).find((i) => i >= 0);
  if (textIndex === undefined) {
    return {
      kind: 'not-export',
      reason: column
        ? `CSV without a "${column}" column`
        : `CSV without a text column (name one with --csv-column; looked for ${CSV_TEXT_COLUMNS.join(', ')})`,
    };
  }
  const titleIndex = CSV_TITLE_COLUMNS.map((w) => header.indexOf(w)).find((i) => i >= 0 && i !== textIndex);
  const name = records[0].fields[textIndex].value.trim();
  const replies: Reply[] = [];
  records.slice(1).forEach((r, i) => {
    const f = r.fields[textIndex];
    if (!f || f.value.trim() === '') return;
    replies.push({
      location: { row: i + 2, column: name },
      title: titleIndex !== undefined ? r.fields[titleIndex]?.value : undefined,
      text: f.value,
      format: looksLikeHtml(f.value) ? 'html' : 'template',
      encoding: f.quoted ? 'csv-quoted' : 'csv-bare',
      rawStart: f.rawStart,
      rawEnd: f.rawEnd,
      rawOffsets: f.offsets,
    });
  });
  return { kind: 'export', format: 'csv', replies };
}
