// The hover answers "why?": principle, why it matters, the seed it comes from and the rewrites.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open } from './helpers';
import { expectedFindings } from './oracle';

function text(hovers: vscode.Hover[]): string {
  const parts = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value));
  // Rule text is escaped as Markdown; compare what the writer reads.
  return parts.join('\n').replace(/\\(.)/g, '$1');
}

describe('hover', () => {
  after(closeAll);

  it('explains a finding: principle, why, source and the rewrites', async () => {
    const editor = await open('hover.md');
    const uri = editor.document.uri;
    const [diagnostic] = await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const inside = diagnostic.range.start.translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, inside);
    const shown = text(hovers);
    const [finding] = expectedFindings('hover.md', editor.document.getText());
    assert.equal(finding.ruleId, 'not-my-table');
    for (const part of [
      finding.principle,
      finding.why,
      `Source: ${finding.source}`,
      ...finding.suggestions.map((s) => s.text),
      'not-my-table',
    ]) {
      assert.ok(part.length > 8 && shown.includes(part), `hover lacks "${part}":\n${shown}`);
    }
  });

  it('says nothing away from a finding', async () => {
    const editor = await open('hover.md');
    await diagnosticsWhere(editor.document.uri, 'one finding', (d) => d.length === 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(0, 1),
    );
    assert.doesNotMatch(text(hovers), /Warmly/);
  });
});
