// Shows a document's findings as diagnostics (squiggles and the Problems panel), and the small
// conversions the other views share: a finding's range in a document, and the rule id a
// diagnostic carries (how code actions find their finding again). Files that are not open get
// theirs from "Check all files in the workspace" (check-workspace.ts), placed by line and column.
import * as vscode from 'vscode';
import type { FileProblem, Finding } from '../core';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class DiagnosticsView implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('warmly');

  /** @param held whether a config file is broken and its last good version is in force (ConfigHealth). */
  constructor(private readonly held: (file: string) => boolean = () => false) {}

  /** `problems`: in the config and rule files that govern the document, so its writer hears of them. */
  show(document: vscode.TextDocument, findings: Finding[], problems: FileProblem[] = []): void {
    const governing = governingProblems(document, problems);
    this.collection.set(document.uri, [
      ...brokenConfig(document, governing, this.held),
      ...capped(findings, (f) => findingRange(document, f), document.lineAt(0).range),
    ]);
  }

  /**
   * What a closed file shows instead of nothing: set by the workspace check, which re-reads a
   * file it checked from disk, so closing it leaves its saved findings (never the live ones too).
   */
  restore: ((uri: vscode.Uri) => Finding[] | undefined) | undefined;

  /** A file that is not open: its findings by their 1-based line and column (end exclusive). */
  showFile(uri: vscode.Uri, findings: Finding[]): void {
    const top = new vscode.Range(0, 0, 0, 0);
    const byLines = (f: Finding) => new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
    if (findings.length === 0) this.collection.delete(uri);
    else this.collection.set(uri, capped(findings, byLines, top));
  }

  clear(document: vscode.TextDocument): void {
    const rest = this.restore?.(document.uri);
    if (rest) this.showFile(document.uri, rest);
    else this.collection.delete(document.uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** Problems in the files that govern a document (not its own), a .warmlyrc.yaml's first: it is the team's. */
export function governingProblems(document: vscode.TextDocument, problems: FileProblem[]): FileProblem[] {
  const isConfig = (p: FileProblem) => (/(^|[\\/])\.warmlyrc\.ya?ml$/.test(p.file) ? 0 : 1);
  return problems.filter((p) => p.file !== document.uri.fsPath).sort((a, b) => isConfig(a) - isConfig(b));
}

// A broken .warmlyrc.yaml or rule file changes what is checked here; said on the document itself
// (the file's own squiggle is out of sight), pointing at the first problem.
function brokenConfig(
  document: vscode.TextDocument,
  problems: FileProblem[],
  held: (file: string) => boolean,
): vscode.Diagnostic[] {
  if (problems.length === 0) return [];
  const [first] = problems;
  const file = vscode.workspace.asRelativePath(first.file);
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const keeping = problems.find((p) => held(p.file));
  const until = keeping
    ? `this document is checked with the last good version of ${vscode.workspace.asRelativePath(keeping.file)}.`
    : 'this document is checked without what that file would add (a broken rule file keeps its last good version).';
  const note = new vscode.Diagnostic(
    document.lineAt(0).range,
    `Warmly: ${file}:${first.line}:${first.column}: ${first.message}${more}. Until it is fixed there, ${until}`,
    vscode.DiagnosticSeverity.Warning,
  );
  note.source = 'warmly';
  note.code = 'config-problem';
  // The Problems panel links this to the place to fix.
  const at = new vscode.Position(Math.max(first.line - 1, 0), Math.max(first.column - 1, 0));
  note.relatedInformation = [
    new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(first.file), at), first.message),
  ];
  return [note];
}

/** VS Code shows at most this many diagnostics of one file and drops the rest without a word. */
export const MAX_SHOWN = 1000;
const RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

// Past the limit, errors and warnings go first and the first line says how many are not shown,
// so a writer knows the file has more than the squiggles tell.
function capped(findings: Finding[], rangeOf: (f: Finding) => vscode.Range, top: vscode.Range): vscode.Diagnostic[] {
  if (findings.length <= MAX_SHOWN) return findings.map((finding) => toDiagnostic(rangeOf(finding), finding));
  const kept = [...findings]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start)
    .slice(0, MAX_SHOWN - 1)
    .sort((a, b) => a.start - b.start);
  const hidden = findings.length - kept.length;
  const note = new vscode.Diagnostic(
    top,
    `Warmly found ${findings.length} findings in this file; VS Code shows ${MAX_SHOWN}, so ${hidden} are not ` +
      'shown here (the least severe). Run `npx warmly <file>` to see them all.',
    vscode.DiagnosticSeverity.Information,
  );
  note.source = 'warmly';
  note.code = 'too-many-findings';
  return [note, ...kept.map((finding) => toDiagnostic(rangeOf(finding), finding))];
}

export function findingRange(document: vscode.TextDocument, finding: Finding): vscode.Range {
  return new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
}

function toDiagnostic(range: vscode.Range, finding: Finding): vscode.Diagnostic {
  const severity = SEVERITY[finding.severity];
  const diagnostic = new vscode.Diagnostic(range, finding.message, severity);
  diagnostic.source = 'warmly';
  // The id links to the rule's page, and is how code actions find the finding again.
  diagnostic.code = finding.url ? { value: finding.ruleId, target: vscode.Uri.parse(finding.url) } : finding.ruleId;
  return diagnostic;
}

/** The rule id a Warmly diagnostic carries, or undefined for others' diagnostics. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'warmly') return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object') return String(code.value);
  return undefined;
}
