// The hover on a finding answers "why?": the principle, why it matters to the customer, which
// seed it comes from, and the warmer rewrites on offer.
import * as vscode from 'vscode';
import type { Finding } from '../core';
import { findingRange } from './diagnostics';
import type { Documents } from './documents';

export class Hover implements vscode.HoverProvider {
  constructor(private readonly documents: Documents) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.documents.shouldLint(document)) return undefined;
    const here = this.documents
      .findings(document)
      .filter((finding) => findingRange(document, finding).contains(position));
    if (!here.length) return undefined;
    const range = here.map((finding) => findingRange(document, finding)).reduce((a, b) => a.union(b));
    return new vscode.Hover(here.map(hoverText), range);
  }
}

export function hoverText(finding: Finding): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const name = finding.url ? `[${finding.ruleId}](${finding.url})` : finding.ruleId;
  md.appendMarkdown(`**Warmly** · ${name}\n\n`);
  md.appendMarkdown(`**${escapeMarkdown(finding.principle)}**\n\n`);
  if (finding.why) md.appendMarkdown(`${escapeMarkdown(finding.why)}\n\n`);
  if (finding.suggestions.length) {
    md.appendMarkdown('Warmer:\n');
    for (const suggestion of finding.suggestions) md.appendMarkdown(`- ${escapeMarkdown(suggestion.text)}\n`);
    md.appendMarkdown('\n');
  }
  if (finding.source) md.appendMarkdown(`*Source: ${escapeMarkdown(finding.source)}*`);
  return md;
}

/** Rule text is data written by content leads; show it literally, not as Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
