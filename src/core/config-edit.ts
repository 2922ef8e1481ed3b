// Turning a rule off in .warmlyrc.yaml — everywhere, for one folder or for one file — as the
// editor's "disable" actions do, so the editor and CI read the same decision. The YAML is
// edited as a document (comments, order and formatting of the rest are kept), never rebuilt.
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';

export type DisableScope = { kind: 'everywhere' } | { kind: 'folder' | 'file'; path: string };

/**
 * The config text with `ruleId` disabled in the scope; `path` is relative to the config's folder,
 * with forward slashes. An empty or missing config starts a new one.
 */
export function disableInConfig(text: string, ruleId: string, scope: DisableScope): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`the config has YAML errors (${doc.errors[0].message}) — fix it first`);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (scope.kind === 'everywhere') addTo(doc, ['disable'], ruleId);
  else {
    const files = scope.kind === 'folder' ? `${scope.path.replace(/\/+$/, '')}/**` : scope.path;
    const overrides = doc.get('overrides');
    const items = isSeq(overrides) ? overrides.items : [];
    const k = items.findIndex((o) => isMap(o) && sameFiles((o as YAMLMap).get('files'), files));
    if (k >= 0) addTo(doc, ['overrides', k, 'disable'], ruleId);
    else if (isSeq(overrides)) overrides.add(doc.createNode({ files: [files], disable: [ruleId] }));
    else doc.set('overrides', doc.createNode([{ files: [files], disable: [ruleId] }]));
  }
  return doc.toString({ flowCollectionPadding: false });
}

function sameFiles(node: unknown, files: string): boolean {
  return (
    isSeq(node) &&
    node.items.length === 1 &&
    String((node.items[0] as { value?: unknown }).value ?? node.items[0]) === files
  );
}

function addTo(doc: Document, path: Array<string | number>, ruleId: string) {
  const list = doc.getIn(path);
  if (isSeq(list)) {
    if (!list.items.some((i) => String((i as { value?: unknown }).value ?? i) === ruleId)) list.add(ruleId);
  } else doc.setIn(path, doc.createNode([ruleId]));
}
