// SARIF 2.1.0 for code scanning: a rules table with each principle and its help link, results
// with exact regions, and each preferred rewrite as a fix (a replacement of the region).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { FileResult, FormatContext } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: FileResult[], ctx: FormatContext): string {
  const ids = [...new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort();
  const rules: ReportingDescriptor[] = ids.map((id) => {
    const rule = ctx.rules.get(id);
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: rule?.principle || id },
      fullDescription: { text: rule?.why || rule?.principle || id },
      helpUri: rule?.url || undefined,
      help: { text: rule ? `${rule.principle} ${rule.why}` : id },
      defaultConfiguration: { level: rule ? LEVEL[rule.severity] : 'warning' },
      properties: { tags: ['tone', 'customer-service'], ...(rule?.source ? { source: rule.source } : {}) },
    };
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const sarifResults: Result[] = [];
  for (const r of results) {
    const uri = path.isAbsolute(r.filePath) ? path.relative(ctx.cwd, r.filePath).split(path.sep).join('/') : r.filePath;
    const artifactLocation = { uri, uriBaseId: '%SRCROOT%' };
    for (const f of r.findings) {
      const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
      const result: Result = {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region: { ...region, snippet: { text: f.actual } } } }],
        partialFingerprints: { 'warmly/v1': `${f.ruleId}:${f.actual.toLowerCase()}` },
      };
      if (f.suggestions.length > 0) {
        result.fixes = f.suggestions.map((s) => ({
          // SARIF has one kind of fix; the description says which ones need the writer.
          description: { text: s.kind === 'fix' ? (s.title ?? `Warmer: ${s.text}`) : `Suggestion (needs the writer): ${s.title ?? s.text}` },
          artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { charOffset: s.start, charLength: s.end - s.start }, insertedContent: { text: s.text } }] }],
        }));
      }
      sarifResults.push(result);
    }
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'Warmly', version: ctx.version, semanticVersion: ctx.version, informationUri: 'https://github.com/warmly-dev/warmly', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd + path.sep).href } },
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
