// The hover on a finding answers "why?": the principle, why it matters to the customer, the
// warmer rewrites on offer, and which seed the rule comes from, with a link to the rule's page.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/index';
import { rangeOf } from './convert';
import { isFix } from './code-actions';

export function hoverAt(document: TextDocument, findings: Finding[], position: Position): Hover | undefined {
  const at = document.offsetAt(position);
  const here = findings.filter((f) => (f.start <= at && at < f.end) || (f.start === f.end && f.start === at));
  if (!here.length) return undefined;
  const start = Math.min(...here.map((f) => f.start));
  const end = Math.max(...here.map((f) => f.end));
  return {
    contents: { kind: MarkupKind.Markdown, value: here.map(hoverText).join('\n\n---\n\n') },
    range: rangeOf(document, start, end),
  };
}

export function hoverText(finding: Finding): string {
  const name = /^[a-z][a-z0-9+.-]*:/i.test(finding.url) ? `[${finding.ruleId}](${finding.url})` : finding.ruleId;
  const parts = [`**Warmly** · ${name}`];
  if (finding.principle) parts.push(`**${literal(finding.principle)}**`);
  if (finding.why) parts.push(literal(finding.why));
  if (finding.suggestions.length) {
    const lines = finding.suggestions.map(
      (s, i) => `- ${literal(s.text) || '*(remove it)*'}${isFix(finding, i) ? '' : ' *(suggestion)*'}`,
    );
    parts.push(`Warmer:\n${lines.join('\n')}`);
  }
  if (finding.source) parts.push(`*Source: ${literal(finding.source)}*`);
  return parts.join('\n\n');
}

/** Rule text is data written by content leads; show it literally, not as Markdown. */
function literal(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
