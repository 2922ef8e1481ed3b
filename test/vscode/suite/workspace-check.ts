// "Warmly: Check all files in the workspace" (issue 14.5): the files the CLI would lint — its
// file types, .warmlyignore, the config's `ignore:`, helpdesk exports — fill the Problems panel
// without being opened, at the engine's ranges; opening one replaces them with the live
// findings, closing it leaves the saved ones and no duplicates; the output channel says how many
// files and findings; cancelling stops it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, open, ruleId, waitFor, warmly, wsPath, wsUri } from './helpers';
import { engine } from './oracle';

interface Summary {
  files: number;
  checked: number;
  findings: number;
  cancelled: boolean;
}
interface WarmlyApi {
  logLines(): string[];
  forgetWorkspaceCheck(): void;
}

// The fixture's own team rule (no-internal-jargon), so the test does not move with the built-in rules.
const BAD = 'Your case was escalated to tier two.';
const MACROS = JSON.stringify({
  macros: [{ title: BAD, actions: [{ field: 'comment_value', value: `Hi,\n\n${BAD}\n` }] }],
});
// Which files of the sweep folder the CLI lints (true) and leaves out (false).
const FILES: Record<string, [string, boolean]> = {
  'sweep/a.md': [`Hello,\n\n${BAD}\n`, true],
  'sweep/deep/b.liquid': [`{{ first_name }}, ${BAD}\n`, true],
  'sweep/macros.json': [MACROS, true],
  'sweep/replies.csv': [`title,text\nBank,"${BAD}"\n`, true],
  'sweep/package.json': [JSON.stringify({ description: BAD }), false],
  'sweep/script.js': [`// ${BAD}\n`, false],
  'sweep/ignored/c.md': [`${BAD}\n`, false],
  'sweep/legal/d.md': [`${BAD}\n`, false],
  'sweep/node_modules/pkg/e.md': [`${BAD}\n`, false],
};

async function api(): Promise<WarmlyApi> {
  const extension = vscode.extensions.getExtension('warmly.warmly');
  assert.ok(extension);
  return (await extension.activate()) as WarmlyApi;
}

function check(cancel?: vscode.CancellationToken): Thenable<Summary> {
  return vscode.commands.executeCommand<Summary>('warmly.checkWorkspace', cancel);
}

const mine = (d: vscode.Diagnostic) => ruleId(d) !== 'config-problem';

describe('check all files in the workspace', () => {
  before(() => {
    for (const [file, [text]] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(wsPath(file)), { recursive: true });
      fs.writeFileSync(wsPath(file), text);
    }
    fs.writeFileSync(wsPath('sweep/.warmlyrc.yaml'), 'rules:\n  - ../warmly-rules\nignore:\n  - legal/\n');
    fs.writeFileSync(wsPath('.warmlyignore'), 'sweep/ignored/\n');
  });
  afterEach(closeAll);
  after(async () => {
    // Any suite after this one expects a closed file to leave the Problems panel, as it does
    // when no workspace check has run. (This file is named to run last of the trusted session:
    // a check touches every file of the workspace.)
    (await api()).forgetWorkspaceCheck();
    fs.rmSync(wsPath('sweep'), { recursive: true, force: true });
    fs.rmSync(wsPath('sweep-many'), { recursive: true, force: true });
    fs.rmSync(wsPath('.warmlyignore'), { force: true });
  });

  it('fills the Problems panel with what the CLI lints, unopened, at the engine ranges', async () => {
    const summary = await check();
    assert.equal(summary.cancelled, false);
    assert.equal(summary.checked, summary.files);
    for (const [file, [text, linted]] of Object.entries(FILES)) {
      const shown = warmly(wsUri(file)).filter(mine);
      assert.equal(shown.length > 0, linted, `${file}: ${linted ? 'findings' : 'left out'} (${shown.length})`);
      if (!linted || file.endsWith('.csv')) continue;
      const run = file.endsWith('.json')
        ? engine()
            .openExport({ fileName: wsPath(file), text })
            .lint()
        : engine()
            .open({ fileName: wsPath(file), text })
            .lint();
      const expected = 'findings' in run ? run.findings : [];
      const at = (l: number, c: number, el: number, ec: number) => `${l}:${c}-${el}:${ec}`;
      assert.deepEqual(
        shown.map((d) =>
          at(d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1),
        ),
        expected.map((f) => at(f.line, f.column, f.endLine, f.endColumn)),
        file,
      );
    }
    const said = (await api()).logLines().filter((l) => l.includes('workspace check:'));
    assert.match(
      said.at(-1) ?? '',
      new RegExp(`${summary.files} files checked, ${summary.findings} findings in \\d+ files`),
    );
  });

  it('an opened file gets live findings in place of the checked ones; closing leaves no duplicates', async () => {
    await check();
    const uri = wsUri('sweep/a.md');
    const before = warmly(uri).filter(mine).length;
    assert.ok(before > 0);
    const editor = await open('sweep/a.md');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), `${BAD}\n`));
    const live = await diagnosticsWhere(uri, 'the live findings', (d) => d.filter(mine).length === 2 * before);
    assert.ok(
      live.some((d) => d.range.start.line === 0),
      'the inserted line is flagged live',
    );
    await closeAll();
    await diagnosticsWhere(uri, 'the saved findings, once', (d) => d.filter(mine).length === before);
  });

  // Cancelled through the command's token: the same stop the notification's Cancel button
  // triggers. (The button itself is not clicked here: headless code-server showed no toast while a
  // check ran, so a click test could only time out.)
  it('cancelling stops it part-way, and the output channel says so', async () => {
    const many = Array.from({ length: 600 }, (_, i) => `sweep-many/${i % 20}/${i}.md`);
    for (const file of many) {
      fs.mkdirSync(path.dirname(wsPath(file)), { recursive: true });
      fs.writeFileSync(wsPath(file), `Hello,\n\n${BAD} We are sorry for the wait.\n`);
    }
    const warmlyApi = await api();
    const source = new vscode.CancellationTokenSource();
    const running = check(source.token);
    // Cancel once the first of these files has its findings: the check is under way.
    await waitFor('the check under way', () => many.some((f) => warmly(wsUri(f)).length > 0), 60_000);
    source.cancel();
    const summary = await running;
    assert.equal(summary.cancelled, true);
    assert.ok(summary.checked > 0 && summary.checked < summary.files, `${summary.checked} of ${summary.files}`);
    assert.match(warmlyApi.logLines().at(-1) ?? '', /workspace check cancelled after \d+ of \d+ files/);
  });
});
