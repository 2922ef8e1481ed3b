// What the report is made of: every template (a file, or one reply inside a helpdesk export),
// its findings, and the text before and after all preferred rewrites; then the counts the
// charts show. Pure: files are read by the caller.
import type { Engine, Finding } from '../../core/index';
import { describeReply, lintExport, replyFileName } from '../../core/helpdesk/index';

export interface Template {
  /** The file, relative to where warmly ran. */
  file: string;
  /** A reply's title or place in an export; empty for a whole file. */
  name: string;
  language: string;
  findings: Finding[];
  before: string;
  after: string;
}

export function templatesOfFile(engine: Engine, args: { file: string; rel: string; text: string; export: boolean; lang?: string; csvColumn?: string }): { templates: Template[]; skipped?: string } {
  if (args.export) {
    const r = lintExport(engine, args.text, args.file, { language: args.lang, csvColumn: args.csvColumn });
    if (r.kind !== 'export') return { templates: [], skipped: r.reason };
    return {
      templates: r.replies.map((x) => {
        const name = replyFileName(args.file, x.reply.format);
        const fixed = engine.fixText(x.reply.text, name, { language: x.language });
        return { file: args.rel, name: x.reply.title ?? describeReply(x.reply), language: x.language, findings: x.findings, before: x.reply.text, after: fixed.output };
      }),
    };
  }
  const r = engine.lintText(args.text, args.file, { language: args.lang });
  const fixed = engine.fixText(args.text, args.file, { language: r.language });
  return { templates: [{ file: args.rel, name: '', language: r.language, findings: r.findings, before: args.text, after: fixed.output }] };
}

export interface Counts {
  label: string;
  count: number;
}

export interface Summary {
  templates: number;
  findings: number;
  fixable: number;
  byRule: Counts[];
  byLanguage: Counts[];
  topTemplates: Counts[];
  /** The matched text, case folded: the phrases writers actually use. */
  topPhrases: Counts[];
  /** The rule patterns that matched most. */
  topPatterns: Counts[];
}

export function summarise(templates: Template[], top = 10): Summary {
  const all = templates.flatMap((t) => t.findings);
  return {
    templates: templates.length,
    findings: all.length,
    fixable: all.filter((f) => f.suggestions.length > 0).length,
    byRule: count(all.map((f) => f.ruleId)),
    byLanguage: count(templates.flatMap((t) => t.findings.map(() => t.language))),
    topTemplates: templates.filter((t) => t.findings.length > 0).map((t) => ({ label: templateLabel(t), count: t.findings.length })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, top),
    topPhrases: count(all.map((f) => f.actual.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' '))).slice(0, top),
    topPatterns: count(all.map((f) => `${f.ruleId}: ${f.pattern}`)).slice(0, top),
  };
}

export function templateLabel(t: Template): string {
  return t.name ? `${t.file} › ${t.name}` : t.file;
}

function count(values: string[]): Counts[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([label, n]) => ({ label, count: n })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
