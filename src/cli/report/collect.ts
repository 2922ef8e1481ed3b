// What the report is made of: every template (a file, or one reply inside a helpdesk export),
// its findings, and the text before and after all its fixes; then the counts the
// charts show. Pure: files are read and opened by the caller.
import type { DocumentRun, Finding } from '../../core/index';
import { describeReply, ExportRun } from '../../core/helpdesk/index';

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

/** A file's templates: the file itself, or each reply of an export; linted once, fixed reusing that lint. */
export function templatesOfFile(opened: { rel: string; run: DocumentRun | ExportRun }): {
  templates: Template[];
  skipped?: string;
} {
  const { rel, run } = opened;
  if (run instanceof ExportRun) {
    const r = run.lint();
    if (r.kind !== 'export') return { templates: [], skipped: r.reason };
    return { templates: run.replies.map((x) => template(rel, x.reply.title ?? describeReply(x.reply), x.run)) };
  }
  return { templates: [template(rel, '', run)] };
}

function template(file: string, name: string, run: DocumentRun): Template {
  const { language, findings } = run.lint();
  return { file, name, language, findings, before: run.text, after: run.fix().output };
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
    topTemplates: templates
      .filter((t) => t.findings.length > 0)
      .map((t) => ({ label: templateLabel(t), count: t.findings.length }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
      .slice(0, top),
    topPhrases: count(
      all.map((f) =>
        f.actual
          .toLowerCase()
          .replace(/[\u2018\u2019]/g, "'")
          .replace(/\s+/g, ' '),
      ),
    ).slice(0, top),
    topPatterns: count(all.map((f) => `${f.ruleId}: ${f.pattern}`)).slice(0, top),
  };
}

export function templateLabel(t: Template): string {
  return t.name ? `${t.file} › ${t.name}` : t.file;
}

function count(values: string[]): Counts[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m]
    .map(([label, n]) => ({ label, count: n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
