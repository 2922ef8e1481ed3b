// `warmly/retext`: Warmly as a unified plugin. In a retext pipeline
// (`unified().use(retextEnglish).use(retextWarmly, { language: 'en' })`) or inside remark through
// remark-retext, it lints the file with the same engine the CLI uses and reports each finding
// as a vfile message (ruleId, source 'warmly', place, actual, expected, url, note), so
// vfile-reporter, unified-engine and remark-lint users see Warmly next to their other messages.
import * as path from 'node:path';
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { Engine, type Finding, type Severity } from '../core/index';
import { builtinRulesDir, builtinSnapshot } from '../cli/paths';
import { proseSpans, within } from './spans';

export interface Options {
  /** 'auto' (default: file name, front matter, detection) or en, nl, sv, nb (no), ro. */
  language?: string;
  /** A file type id (markdown, html, handlebars, liquid, text…); default: the file's extension, else markdown. */
  format?: string;
  /** Rule ids to turn off. */
  disable?: string[];
  /** Per-rule severity: error (a fatal message), warning, info, or off. */
  severity?: Record<string, Severity | 'off'>;
  /** Extra rule files or folders (relative to the working directory). */
  rules?: string[];
  /** false: read no .warmlyrc.yaml; a path: use that one; default: the nearest above the file. */
  config?: false | string;
}

/** The unified attacher: one engine per use(), reused for every file the processor runs on. */
export default function retextWarmly(options: Options = {}) {
  const engine = new Engine({
    builtinRulesDir: builtinRulesDir(),
    builtinSnapshot: builtinSnapshot(),
    settings: {
      language: options.language,
      disable: options.disable,
      severity: options.severity,
      rules: (options.rules ?? []).map((r) => path.resolve(r)),
      config: typeof options.config === 'string' ? path.resolve(options.config) : undefined,
      useConfigFiles: options.config !== false,
    },
  });
  return (tree: Root, file: VFile): void => {
    const fileName = file.path ? path.resolve(file.cwd, file.path) : undefined;
    const run = engine.open({
      text: String(file),
      fileName,
      format: options.format ?? (fileName ? undefined : 'markdown'),
      language: options.language,
    });
    // A broken config or rule file is an error of the run, as in the CLI (exit 2): said once per problem.
    for (const problem of run.problems) {
      const message = file.message(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`, {
        ruleId: 'rule-file',
        source: 'warmly',
      });
      message.fatal = true;
    }
    if (run.ignored) return;
    // Inside remark, the tree holds only what remark-retext took for prose; a finding outside it
    // (code, HTML, YAML) is left to the other plugins, whatever the engine thought of it.
    const spans = proseSpans(tree);
    for (const finding of run.lint().findings) {
      if (spans && !within(spans, finding.start, finding.end)) continue;
      report(file, finding);
    }
  };
}

function report(file: VFile, finding: Finding): void {
  const message = file.message(finding.message, {
    place: {
      start: { line: finding.line, column: finding.column, offset: finding.start },
      end: { line: finding.endLine, column: finding.endColumn, offset: finding.end },
    },
    ruleId: finding.ruleId,
    source: 'warmly',
  });
  // vfile's levels: fatal true is an error, false a warning, undefined an info.
  message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined;
  message.actual = finding.actual;
  message.expected = finding.suggestions.map((s) => s.text);
  if (finding.url) message.url = finding.url;
  message.note = finding.why ? `${finding.principle} ${finding.why}` : finding.principle;
}
