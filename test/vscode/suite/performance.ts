// Typing must not lag: times a lint of a 2,000-word reply inside the extension host, through the
// same path the editor uses (settings, engine, diagnostics), logs the figure, and checks that
// the extension adds next to nothing to what the core engine itself takes for the same text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, wsPath } from './helpers';
import { engine } from './oracle';

interface WarmlyApi {
  lint(document: vscode.TextDocument): { ms: number; findings: unknown[] } | undefined;
}

const PARAGRAPH =
  "Thanks for getting in touch about your order. I've looked into it and can see the parcel left our warehouse on Monday. " +
  "You'll need to contact {{ carrier }} about the delivery window. Please contact the seller directly if the size is wrong. " +
  'We will refund the shipping cost today, and I have added a note to your account so the next order goes smoothly. ';
const RUNS = 15;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('performance', () => {
  after(closeAll);

  it('lints a 2,000-word reply fast enough to type in', async () => {
    const extension = vscode.extensions.all.find(
      (e) => e.packageJSON?.name === 'warmly' && e.packageJSON?.publisher === 'warmly',
    );
    assert.ok(extension, 'the extension under test is loaded');
    const api = (await extension.activate()) as WarmlyApi;
    let text = 'Hi {{ first_name }},\n\n';
    while (text.split(/\s+/).length < 2000) text += `${PARAGRAPH}\n\n`;
    const words = text.split(/\s+/).filter(Boolean).length;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);

    api.lint(document); // the first lint also loads and compiles the rules
    // The same text through a bare engine in the same process, interleaved run by run so both
    // see the same machine load.
    const bare = engine();
    bare.open({ fileName: wsPath('perf.md'), text }).lint();
    const inExtension: number[] = [];
    const inEngine: number[] = [];
    let findings = 0;
    for (let i = 0; i < RUNS; i++) {
      const result = api.lint(document);
      assert.ok(result);
      inExtension.push(result.ms);
      findings = result.findings.length;
      const started = performance.now();
      bare.open({ fileName: wsPath('perf.md'), text }).lint();
      inEngine.push(performance.now() - started);
    }
    const ext = median(inExtension),
      core = median(inEngine);
    const extMin = Math.min(...inExtension),
      coreMin = Math.min(...inEngine);
    console.log(
      `      lint of a ${words}-word reply in the extension host: median ${ext.toFixed(1)} ms (min ${extMin.toFixed(1)}, max ${Math.max(...inExtension).toFixed(1)}, ${RUNS} runs, ${findings} findings); bare engine median ${core.toFixed(1)} ms (min ${coreMin.toFixed(1)})`,
    );
    assert.ok(findings > 0, 'the reply has findings to report');
    // Machine load inflates single runs; the fastest run of each is the truest cost. The
    // extension's own share (settings, conversion to diagnostics) must stay small.
    assert.ok(
      extMin < coreMin * 1.5 + 20,
      `extension ${extMin.toFixed(1)} ms vs engine ${coreMin.toFixed(1)} ms (fastest runs)`,
    );
    // A ceiling that only a pathological slowdown (not a busy CI machine) would cross.
    assert.ok(ext < 3000, `median ${ext.toFixed(1)} ms`);
  });
});
