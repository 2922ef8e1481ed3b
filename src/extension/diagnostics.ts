// Shows a document's findings as diagnostics (squiggles and the Problems panel), and the small
// conversions the other views share: a finding's range in a document, and the rule id a
// diagnostic carries (how code actions find their finding again).
import * as vscode from 'vscode';
import type { Finding } from '../core';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class DiagnosticsView implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('warmly');

  show(document: vscode.TextDocument, findings: Finding[]): void {
    this.collection.set(
      document.uri,
      findings.map((finding) => toDiagnostic(document, finding)),
    );
  }

  clear(document: vscode.TextDocument): void {
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

export function findingRange(document: vscode.TextDocument, finding: Finding): vscode.Range {
  return new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
}

function toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const severity = SEVERITY[finding.severity];
  const diagnostic = new vscode.Diagnostic(findingRange(document, finding), finding.message, severity);
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
