// The CLI in-process: real files in a temporary folder, fake streams, the exit code back.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { tempDir } from '../helpers';
// The official SARIF 2.1.0 schema, as shipped in Microsoft's SARIF test matchers (draft-04).
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { cli } from '../cli-capture';

const HANDOFF = "Hi {{ name }},\n\nYou'll need to contact {{ bank_name }} directly.\n";
const WARM = 'Hi {{ name }},\n\nI have contacted the courier for you.\n';

describe('runCli', () => {
  it('prints the JSON contract with 1-based, end-exclusive ranges', async () => {
    const dir = tempDir({ 'a.md': HANDOFF, 'b.md': WARM });
    const { code, out } = await cli(['--format', 'json', '.'], dir);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.deepEqual(
      json.map((r: { filePath: string }) => path.basename(r.filePath)),
      ['a.md', 'b.md'],
    );
    const [m] = json[0].messages;
    assert.deepEqual(
      {
        ruleId: m.ruleId,
        severity: m.severity,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      },
      { ruleId: 'not-my-table', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 39 },
    );
    assert.equal(
      HANDOFF.split('\n')[m.line - 1].slice(m.column - 1, m.endColumn - 1),
      "You'll need to contact {{ bank_name }}",
    );
    assert.ok(m.suggestions[0].text.includes('{{ bank_name }}'));
    assert.deepEqual(json[1].messages, []);
    assert.equal(json[0].language, 'en');
  });

  it('stylish output names the file, place, rule and rewrite; --max-warnings turns warnings into exit 1', async () => {
    const dir = tempDir({ 'reply.md': HANDOFF });
    const r = await cli(['reply.md'], dir);
    assert.equal(r.code, 0);
    // A hand-off's rewrite is a promise only the writer can make: shown as a suggestion, not an arrow.
    assert.match(
      r.out,
      /reply\.md\n {2}3:1 {2}warning {2}.*not-my-table\n.*suggestion: I'll .*\{\{ bank_name \}\} for you/,
    );
    assert.equal((await cli(['--max-warnings', '0', 'reply.md'], dir)).code, 1);
    assert.equal((await cli(['--max-warnings', '1', 'reply.md'], dir)).code, 0);
  });

  it('github format prints workflow annotations with escaped properties', async () => {
    const dir = tempDir({ 'x,y.md': HANDOFF });
    const { out } = await cli(['--format', 'github', '.'], dir);
    assert.equal(out.trim().split('\n').length, 1);
    assert.match(
      out,
      /^::warning file=x%2Cy\.md,line=3,col=1,endLine=3,endColumn=39,title=Warmly \(not-my-table\)::Hand-off/,
    );
  });

  it('sarif output is valid SARIF 2.1.0 with rules and fixes', async () => {
    const dir = tempDir({ 'a.md': HANDOFF });
    const { out } = await cli(['--format', 'sarif', 'a.md'], dir);
    const log = JSON.parse(out) as Log;
    // unicodeRegExp off: the schema's own patterns predate the u flag.
    const validate = new AjvDraft04({
      strict: false,
      allErrors: true,
      validateFormats: false,
      unicodeRegExp: false,
    }).compile(sarifSchema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    const run = log.runs[0];
    assert.equal(run.tool.driver.rules?.[0].id, 'not-my-table');
    assert.equal(run.results?.[0].locations?.[0].physicalLocation?.region?.startLine, 3);
    const preferred = JSON.parse((await cli(['--format', 'json', 'a.md'], dir)).out)[0].messages[0].suggestions[0].text;
    assert.equal(run.results?.[0].fixes?.[0].artifactChanges[0].replacements[0].insertedContent?.text, preferred);
  });

  it('--fix rewrites the file atomically, keeps BOM, CRLF and permissions, and is idempotent', async () => {
    const original = '\uFEFFHi {{ name }},\r\n\r\nPlease be advised that {{ bank_name }} has the refund.\r\n';
    const dir = tempDir({ 'a.md': original, 'warm.md': WARM });
    fs.chmodSync(path.join(dir, 'a.md'), 0o640);
    const warmBefore = fs.statSync(path.join(dir, 'warm.md')).mtimeMs;
    const [suggestion] = JSON.parse((await cli(['--format', 'json', 'a.md'], dir)).out)[0].messages[0].suggestions;
    assert.equal(suggestion.kind, 'fix');
    const r = await cli(['--fix', '.'], dir);
    assert.equal(r.code, 0, r.err);
    const fixed = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
    assert.equal(fixed, '\uFEFFHi {{ name }},\r\n\r\n{{ bank_name }} has the refund.\r\n');
    assert.equal(fs.statSync(path.join(dir, 'a.md')).mode & 0o777, 0o640);
    assert.equal(fs.statSync(path.join(dir, 'warm.md')).mtimeMs, warmBefore, 'an unchanged file is not rewritten');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'warm.md'], 'no temporary file is left behind');
    await cli(['--fix', '.'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), fixed);
  });

  it('--stdin lints standard input, with --stdin-filename deciding format and language', async () => {
    const dir = tempDir();
    const r = await cli(
      ['--stdin', '--stdin-filename', 'reply.md', '--format', 'json'],
      dir,
      '> You will need to contact the bank.\n\nYou will need to contact the bank.',
    );
    const [file] = JSON.parse(r.out);
    assert.equal(file.filePath, 'reply.md');
    assert.deepEqual(
      file.messages.map((m: { line: number }) => m.line),
      [3],
    );
    const fixed = await cli(['--stdin', '--fix'], dir, 'Kindly note that the bank has it.');
    assert.equal(fixed.out, 'The bank has it.');
    const kept = await cli(['--stdin', '--fix'], dir, 'You will need to contact the bank.');
    assert.equal(kept.out, 'You will need to contact the bank.', 'a suggestion is never written');
  });

  it('a broken config stops the run with file:line:col, the remedy and exit 2', async () => {
    const dir = tempDir({ '.warmlyrc.yaml': 'disable: [not-my-table]\nseverty:\n  x: error\n', 'a.md': HANDOFF });
    const r = await cli(['a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /^\.warmlyrc\.yaml:2:1: unknown key "severty" — did you mean "severity"\?/m);
  });

  it('a broken user rule file gives file:line:col and exit 2', async () => {
    const dir = tempDir({
      'team/en/be-kind.yaml': 'severity: warning\npatterns:\n  - phrase: "[oops"\n',
      'a.md': WARM,
    });
    const r = await cli(['--rules', 'team', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /team\/en\/be-kind\.yaml:\d+:\d+: /);
  });

  it('config discovery: the nearest .warmlyrc.yaml applies, with overrides and ignore globs', async () => {
    const dir = tempDir({
      '.warmlyrc.yaml':
        'severity:\n  not-my-table: error\nignore: ["drafts/**"]\noverrides:\n  - files: ["legacy/**"]\n    disable: [not-my-table]\n',
      'a.md': HANDOFF,
      'drafts/d.md': HANDOFF,
      'legacy/l.md': HANDOFF,
    });
    const r = await cli(['--format', 'json', '.'], dir);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ severity: string }> }>;
    assert.deepEqual(
      json.map((f) => [path.relative(dir, f.filePath), f.messages.map((m) => m.severity)]),
      [
        ['a.md', ['error']],
        ['legacy/l.md', []],
      ],
    );
  });

  it('.warmlyignore leaves files out (gitignore syntax)', async () => {
    const dir = tempDir({
      '.warmlyignore': 'old/\n*.draft.md\n',
      'old/a.md': HANDOFF,
      'b.draft.md': HANDOFF,
      'c.md': WARM,
    });
    const r = await cli(['--format', 'json', '.'], dir);
    assert.deepEqual(
      JSON.parse(r.out).map((f: { filePath: string }) => path.basename(f.filePath)),
      ['c.md'],
    );
  });

  it('an unreadable file is reported, the rest still linted, exit 2', async () => {
    if (process.getuid?.() === 0) {
      // root reads everything; a directory named like a file is unreadable as a file for anyone.
      const dir = tempDir({ 'a.md': HANDOFF });
      fs.mkdirSync(path.join(dir, 'b.md'));
      const r = await cli(['--format', 'json', 'a.md', 'b.md/'], dir);
      assert.equal(JSON.parse(r.out).length, 1);
      return;
    }
    const dir = tempDir({ 'a.md': HANDOFF, 'b.md': HANDOFF });
    fs.chmodSync(path.join(dir, 'b.md'), 0o000);
    const r = await cli(['--format', 'json', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /b\.md: cannot read \(permission denied\)/);
    assert.equal(JSON.parse(r.out).length, 1);
  });

  it('binary and non-UTF-8 files are skipped with a note', async () => {
    const dir = tempDir({
      'bin.txt': Buffer.from([0x48, 0x00, 0x01, 0x02]),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      'ok.md': HANDOFF,
    });
    const r = await cli(['--format', 'json', '.'], dir);
    assert.equal(r.code, 0);
    assert.match(r.err, /bin\.txt: skipped \(binary file\)/);
    assert.match(r.err, /latin1\.txt: skipped \(not valid UTF-8/);
    assert.equal(JSON.parse(r.out).length, 1);
  });

  it('a path or glob that matches nothing is bad usage when nothing else matched', async () => {
    const dir = tempDir({ 'a.md': WARM });
    assert.equal((await cli(['missing/'], dir)).code, 2);
    assert.equal((await cli(['*.liquid'], dir)).code, 2);
    // A missing path next to others is a typo in a CI file list: exit 2, the others still linted.
    const mixed = await cli(['a.md', 'missing.md'], dir);
    assert.equal(mixed.code, 2);
    assert.match(mixed.err, /missing\.md: no such file or folder/);
  });

  it('rejects unknown options, formats and languages with exit 2', async () => {
    const dir = tempDir({ 'a.md': WARM });
    assert.equal((await cli(['--formt', 'json', 'a.md'], dir)).code, 2);
    assert.equal((await cli(['--format', 'xml', 'a.md'], dir)).code, 2);
    assert.equal((await cli(['--lang', 'de', 'a.md'], dir)).code, 2);
    assert.equal((await cli(['--lang', 'no', 'a.md'], dir)).code, 0);
  });

  it('--quiet shows errors only', async () => {
    const dir = tempDir({ 'a.md': HANDOFF });
    const r = await cli(['--quiet', '--format', 'json', 'a.md'], dir);
    assert.deepEqual(JSON.parse(r.out)[0].messages, []);
  });

  it('--cache reuses findings for unchanged files and notices edits', async () => {
    const dir = tempDir({ 'a.md': HANDOFF });
    const first = await cli(['--cache', '--format', 'json', 'a.md'], dir);
    assert.ok(fs.existsSync(path.join(dir, '.warmlycache')));
    const second = await cli(['--cache', '--format', 'json', 'a.md'], dir);
    assert.equal(second.out, first.out);
    fs.writeFileSync(path.join(dir, 'a.md'), WARM + '\n');
    const third = await cli(['--cache', '--format', 'json', 'a.md'], dir);
    assert.deepEqual(JSON.parse(third.out)[0].messages, []);
  });

  it('--version and --help', async () => {
    const dir = tempDir();
    assert.match((await cli(['--version'], dir)).out, /^\d+\.\d+\.\d+\n$/);
    assert.match((await cli(['--help'], dir)).out, /Usage: warmly/);
  });
});
