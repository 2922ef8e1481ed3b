// Typing must not lag: times a lint of a 2,000-word reply inside the extension host, through the
// same path the editor uses (settings, engine, diagnostics), and logs the figure.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll } from './helpers';

interface WarmlyApi {
  lint(document: vscode.TextDocument): { ms: number; findings: unknown[] } | undefined;
}

const PARAGRAPH = "Thanks for getting in touch about your order. I've looked into it and can see the parcel left our warehouse on Monday. "
  + "You'll need to contact {{ carrier }} about the delivery window. Please contact the seller directly if the size is wrong. "
  + 'We will refund the shipping cost today, and I have added a note to your account so the next order goes smoothly. ';

describe('performance', () => {
  after(closeAll);

  it('lints a 2,000-word reply fast enough to type in', async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'warmly' && e.packageJSON?.publisher === 'warmly');
    assert.ok(extension, 'the extension under test is loaded');
    const api = (await extension.activate()) as WarmlyApi;
    let text = 'Hi {{ first_name }},\n\n';
    while (text.split(/\s+/).length < 2000) text += `${PARAGRAPH}\n\n`;
    const words = text.split(/\s+/).filter(Boolean).length;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    api.lint(document); // the first lint also loads and compiles the rules
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < 20; i++) {
      const result = api.lint(document);
      assert.ok(result);
      times.push(result.ms);
      findings = result.findings.length;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`      lint of a ${words}-word reply in the extension host: median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms over ${times.length} runs (${findings} findings)`);
    assert.ok(findings > 0, 'the reply has findings to report');
    // Budget: lints run after a 250 ms typing pause; a lint longer than that would be felt.
    assert.ok(median < 250, `median ${median.toFixed(1)} ms`);
  });
});
