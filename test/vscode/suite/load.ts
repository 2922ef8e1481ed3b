// Load: 50 documents open and a burst of rapid edits. The extension host must stay responsive
// (its event loop never stalls), and the diagnostics must end up describing the last version
// of the text, not some version in between.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, waitFor, warmly } from './helpers';

const DOCUMENTS = 50;
const EDITS = 40;

describe('load', () => {
  after(closeAll);

  it(`stays responsive with ${DOCUMENTS} documents open and ${EDITS} rapid edits, and shows the last version's findings`, async function () {
    this.timeout(120_000);
    const editors: vscode.TextEditor[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: `Reply ${i}.\n\nYou'll need to contact {{ bank_name }} directly.\n`,
      });
      editors.push(await vscode.window.showTextDocument(document, { preview: false }));
    }
    await waitFor(
      'a hand-off finding in every document',
      () => editors.every((e) => warmly(e.document.uri).length === 1),
      60_000,
    );

    // Measure how late a 5 ms timer fires while the edits pour in: a stalled host shows here.
    let worstLag = 0;
    let probing = true;
    const probe = async () => {
      while (probing) {
        const asked = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 5));
        worstLag = Math.max(worstLag, performance.now() - asked - 5);
      }
    };
    const probed = probe();
    const editor = editors[editors.length - 1];
    await vscode.window.showTextDocument(editor.document, { preview: false });
    for (let i = 0; i < EDITS; i++) {
      // Each edit adds a cold phrase: the findings grow with the text, version by version.
      await editor.edit((b) =>
        b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Please be advised that it shipped.\n'),
      );
    }
    const finalVersion = editor.document.version;
    const settled = await waitFor(
      'the findings of the last version',
      () => {
        const count = warmly(editor.document.uri).filter(
          (d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'no-cold-formality',
        ).length;
        return count === EDITS ? count : undefined;
      },
      30_000,
    );
    probing = false;
    await probed;
    console.log(
      `      ${DOCUMENTS} documents, ${EDITS} edits: worst event-loop lag ${worstLag.toFixed(0)} ms; final version ${finalVersion} shows ${settled} cold-formality findings`,
    );
    assert.equal(editor.document.version, finalVersion);
    // A ceiling only a stalled host crosses (a 2,000-word lint takes ~10 ms here).
    assert.ok(worstLag < 2000, `the extension host stalled for ${worstLag.toFixed(0)} ms`);
  });
});
