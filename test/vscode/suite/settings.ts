// Settings take effect at once, without reloading the window.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, ruleId, setting, sleep, warmly } from './helpers';

describe('settings', () => {
  after(closeAll);

  it('warmly.disable turns a rule off and back on', async () => {
    const editor = await open('settings.md');
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, 'one finding', (d) => d.length === 1);
    const restore = await setting('warmly', 'disable', ['not-my-table']);
    try {
      await diagnosticsWhere(uri, 'none with the rule off', (d) => d.length === 0);
    } finally {
      await restore();
    }
    await diagnosticsWhere(uri, 'back after restoring', (d) => d.length === 1);
  });

  it('warmly.severity changes the level shown', async () => {
    const editor = await open('settings.md');
    const uri = editor.document.uri;
    const restore = await setting('warmly', 'severity', { 'not-my-table': 'error' });
    try {
      await diagnosticsWhere(
        uri,
        'an error',
        (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error,
      );
    } finally {
      await restore();
    }
    await diagnosticsWhere(
      uri,
      'a warning again',
      (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Warning,
    );
  });

  it('warmly.rules adds a team rule folder (relative to the workspace) at once', async () => {
    const editor = await open('extra.md');
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, 'nothing before the setting', (d) => d.length === 0);
    const restore = await setting('warmly', 'rules', ['extra-rules']);
    try {
      const [diagnostic] = await diagnosticsWhere(uri, 'the rule from warmly.rules', (d) => d.length === 1);
      assert.equal(ruleId(diagnostic), 'no-ticket-talk');
      assert.equal(editor.document.getText(diagnostic.range), 'your ticket number');
    } finally {
      await restore();
    }
    await diagnosticsWhere(uri, 'gone with the setting', (d) => d.length === 0);
  });

  it('warmly.enable false clears everything', async () => {
    const editor = await open('settings.md');
    const uri = editor.document.uri;
    const restore = await setting('warmly', 'enable', false);
    try {
      await diagnosticsWhere(uri, 'nothing while disabled', (d) => d.length === 0);
    } finally {
      await restore();
    }
    await diagnosticsWhere(uri, 'back when enabled', (d) => d.length === 1);
  });

  it('warmly.fileTypes decides which languages are linted', async () => {
    const editor = await open('settings.md');
    const uri = editor.document.uri;
    const restore = await setting('warmly', 'fileTypes', ['html']);
    try {
      await diagnosticsWhere(uri, 'Markdown not linted', (d) => d.length === 0);
    } finally {
      await restore();
    }
    await diagnosticsWhere(uri, 'Markdown linted again', (d) => d.length === 1);
  });

  it('warmly.run onSave waits for the save', async () => {
    const restore = await setting('warmly', 'run', 'onSave');
    try {
      const editor = await open('typing.md');
      const uri = editor.document.uri;
      await editor.edit((edit) =>
        edit.insert(
          editor.document.lineAt(editor.document.lineCount - 1).range.end,
          'You will need to call the courier.\n',
        ),
      );
      await sleep(800);
      assert.equal(warmly(uri).length, 0, 'typing alone does not lint in onSave mode');
      await editor.document.save();
      await diagnosticsWhere(uri, 'a finding after saving', (d) => d.length === 1);
    } finally {
      await restore();
    }
  });

  it('warmly.language fixes the language (Norwegian rules do not flag English)', async () => {
    const editor = await open('settings.md');
    const uri = editor.document.uri;
    const restore = await setting('warmly', 'language', 'nb');
    try {
      await diagnosticsWhere(uri, 'no English findings under Norwegian rules', (d) => d.length === 0);
    } finally {
      await restore();
    }
    await diagnosticsWhere(uri, 'English again', (d) => d.length === 1);
  });
});
