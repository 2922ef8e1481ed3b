// Issue 15, items 14 and 20: every format prints any number of findings, piece by piece (130,000
// findings crashed stylish with a stack overflow, 400,000 crashed SARIF with "Invalid string
// length"), and what comes from the files cannot drive the terminal: control characters and
// escape sequences in file names and text are shown, not obeyed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/core/index';
import { runCli } from '../../src/cli/run-cli';
import { writeResults, type FormatName } from '../../src/cli/formatters/write';
import type { FileResult, FormatContext } from '../../src/cli/formatters/types';
import { tempDir } from '../helpers';

const ctx: FormatContext = { cwd: '/work', version: '0.0.0', rules: new Map(), color: false };

function finding(i: number, message: string, actual = 'kindly note'): Finding {
  const line = i + 1;
  return {
    ruleId: 'team',
    severity: 'warning',
    message,
    principle: 'p',
    why: 'w',
    source: '',
    url: '',
    language: 'en',
    actual,
    pattern: 'kindly note',
    captures: {},
    start: i * 12,
    end: i * 12 + 11,
    line,
    column: 1,
    endLine: line,
    endColumn: 12,
    suggestions: [{ text: 'note', start: i * 12, end: i * 12 + 11, kind: 'fix' }],
  } as Finding;
}

/** Writes the results and returns how many characters came out, checking each piece is modest. */
function measure(format: FormatName, results: FileResult[]): { chars: number; tail: string } {
  let chars = 0;
  let tail = '';
  writeResults(format, results, ctx, (chunk) => {
    assert.ok(chunk.length < 16 * 1024 * 1024, 'no giant piece');
    chars += chunk.length;
    tail = (tail + chunk).slice(-200);
  });
  return { chars, tail };
}

describe('streamed, clean output (issue 15: 14, 20)', function () {
  this.timeout(300000);

  it('stylish and github print 200,000 findings of one file', () => {
    const findings = Array.from({ length: 200000 }, (_, i) => finding(i, 'Kindly note is cold.'));
    const results = [{ filePath: '/work/big.md', language: 'en', findings }];
    assert.match(
      measure('stylish', results).tail,
      /✖ 200000 findings \(0 errors, 200000 warnings, 0 info\)\n {2}200000 can be rewritten with --fix\n$/,
    );
    assert.ok(measure('github', results).chars > 200000 * 100);
  });

  it('SARIF and JSON print 300,000 findings whose text is over 512 MB in all', () => {
    const long = 'A long message about the tone of this phrase. '.repeat(40);
    const findings = Array.from({ length: 300000 }, (_, i) => finding(i, long));
    const results = [{ filePath: '/work/big.md', language: 'en', findings }];
    const sarif = measure('sarif', results);
    assert.ok(sarif.chars > 600 * 1024 * 1024, `${sarif.chars} characters`);
    assert.match(sarif.tail, /"columnKind": "utf16CodeUnits"\n {4}}\n {2}]\n}\n$/);
    assert.ok(measure('json', results).chars > 512 * 1024 * 1024);
  });

  it('the streamed SARIF and JSON are the same documents as before, whole', () => {
    const results = [
      { filePath: '/work/a.md', language: 'en', findings: [finding(0, 'm'), finding(1, 'n')] },
      { filePath: '/work/b.md', language: 'en', findings: [] },
    ];
    for (const format of ['sarif', 'json'] as const) {
      let text = '';
      writeResults(format, results, ctx, (chunk) => (text += chunk));
      const doc = JSON.parse(text);
      const list = format === 'sarif' ? doc.runs[0].results : doc.flatMap((f: { messages: unknown[] }) => f.messages);
      assert.equal(list.length, 2);
    }
  });

  it('escape sequences and bidirectional overrides from names and text are shown, not obeyed', () => {
    const hostile = 'Note \u001b]0;pwned\u0007 \u001b[2J and \u202Eevil\u202C\nnext line';
    const results = [
      { filePath: '/work/re\u001b[31mply.md', language: 'en', findings: [finding(0, hostile, 'x\u001b[1my')] },
    ];
    for (const format of ['stylish', 'github'] as const) {
      let text = '';
      writeResults(format, results, ctx, (chunk) => (text += chunk));
      assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, format);
      assert.match(text, /\\u\{1b\}\[31mply\.md/, `${format}: the file name is shown with its escape spelt out`);
      if (format === 'stylish') assert.equal(text.split('\n').filter((l) => l.includes('next line')).length, 1);
    }
  });

  it('a file name with an escape sequence, through the CLI: stylish output holds no raw escape', async () => {
    const dir = tempDir({
      'r/en/team.yaml':
        'severity: warning\nprinciple: p.\nmessage: m.\nwhy: w.\npatterns:\n  - phrase: "kindly note"\nexamples:\n  bad: [{ text: "Kindly note this." }]\n  good: ["ok"]\n',
    });
    fs.writeFileSync(path.join(dir, 'a\u001b[2Jb.md'), 'Kindly note this.\n');
    let out = '';
    await runCli({
      argv: ['--no-config', '--rules', 'r', 'a\u001b[2Jb.md'],
      cwd: dir,
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => undefined },
      env: {},
    });
    assert.match(out, /a\\u\{1b\}\[2Jb\.md/);
    assert.doesNotMatch(out, /\u001b/);
  });
});
