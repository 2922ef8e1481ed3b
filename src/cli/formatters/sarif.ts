// SARIF 2.1.0 for code scanning: a rules table with each principle and its help link, results
// with exact regions, and each rewrite as a fix (a replacement of the region), described as a fix or a suggestion.
// Written result by result (see sink.ts).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../../core/index';
import { buffered, collect, type Write } from './sink';
import type { FileResult, FormatContext } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: FileResult[], ctx: FormatContext): string {
  return collect((write) => writeSarif(results, ctx, write));
}

/**
 * The log is written around its results: everything but them through JSON.stringify, then each
 * result on its own, so a run with 400,000 findings never needs one string for all of them.
 */
export function writeSarif(results: FileResult[], ctx: FormatContext, sink: Write): void {
  const { rules, index } = ruleTable(results, ctx);
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Warmly',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: 'https://github.com/warmly-dev/warmly',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd + path.sep).href } },
        results: [],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  const [head, tail] = JSON.stringify(log, null, 2).split('"results": []');
  const out = buffered(sink);
  out.write(`${head}"results": [`);
  let first = true;
  for (const r of results) {
    const uri = path.isAbsolute(r.filePath) ? path.relative(ctx.cwd, r.filePath).split(path.sep).join('/') : r.filePath;
    const artifactLocation = { uri, uriBaseId: '%SRCROOT%' };
    const seenInFile = new Map<string, number>();
    for (const f of r.findings) {
      const result = resultOf(f, artifactLocation, index, fingerprint(f, seenInFile));
      out.write(`${first ? '' : ','}\n        ${JSON.stringify(result, null, 2).replace(/\n/g, '\n        ')}`);
      first = false;
    }
  }
  out.write(`${first ? '' : '\n      '}]${tail}\n`);
  out.end();
}

function ruleTable(
  results: FileResult[],
  ctx: FormatContext,
): { rules: ReportingDescriptor[]; index: Map<string, number> } {
  const seen = new Set<string>();
  for (const r of results) for (const f of r.findings) seen.add(f.ruleId);
  const ids = [...seen].sort();
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
  return { rules, index: new Map(ids.map((id, i) => [id, i])) };
}

/**
 * Stable across edits elsewhere in the file, and unique per finding: the rule, the matched words
 * (case and spacing folded) and which occurrence of those in the file this is. Code scanning
 * merges results that share a file and a fingerprint, so two findings must never share one.
 */
function fingerprint(f: Finding, seenInFile: Map<string, number>): string {
  const words = f.actual
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  const key = `${f.ruleId}:${words}`;
  const n = (seenInFile.get(key) ?? 0) + 1;
  seenInFile.set(key, n);
  return `${key}:${n}`;
}

function resultOf(
  f: Finding,
  artifactLocation: { uri: string; uriBaseId: string },
  index: Map<string, number>,
  print: string,
): Result {
  const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
  const result: Result = {
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation, region: { ...region, snippet: { text: f.actual } } } }],
    partialFingerprints: { 'warmly/v2': print },
  };
  if (f.suggestions.length > 0) {
    result.fixes = f.suggestions.map((s) => ({
      // SARIF has one kind of fix; the description says which ones need the writer.
      description: {
        text:
          s.kind === 'fix' ? (s.title ?? `Warmer: ${s.text}`) : `Suggestion (needs the writer): ${s.title ?? s.text}`,
      },
      artifactChanges: [
        {
          artifactLocation,
          replacements: [
            { deletedRegion: { charOffset: s.start, charLength: s.end - s.start }, insertedContent: { text: s.text } },
          ],
        },
      ],
    }));
  }
  return result;
}
