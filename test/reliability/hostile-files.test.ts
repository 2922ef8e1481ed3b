// Issue 15, items 12 (YAML side), 15 (deep JSON), 19, 21 and 22: files built to break the
// parsers, files that are not Warmly's, and text encodings and CSV dialects that real exports
// use. Each is reported for what it is, per file, and the rest of the run goes on.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readYaml } from '../../src/core/yaml-file';
import { checkRegex } from '../../src/core/rules';
import { tempDir } from '../helpers';
import { cli } from '../cli-capture';

const RULE =
  'severity: warning\nprinciple: p.\nmessage: m.\nwhy: w.\npatterns:\n  - phrase: "kindly note"\n    fix: "note"\nexamples:\n  bad: [{ text: "Kindly note this." }]\n  good: ["ok"]\n';
const SCHEMA = { type: 'object', properties: { severity: { type: 'string' } } };

const zendesk = (text: string) =>
  JSON.stringify({ macros: [{ title: 'm', actions: [{ field: 'comment_value', value: text }] }] });

describe('hostile files (issue 15: 12, 15, 19, 21, 22)', function () {
  this.timeout(60000);

  it('YAML nested 20,000 deep is "too deep", at once, not a syntax error or a stack overflow', () => {
    for (const text of [
      '['.repeat(20000) + ']'.repeat(20000),
      '- '.repeat(20000) + 'x\n',
      'a:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n'),
    ]) {
      const t0 = Date.now();
      const { problems } = readYaml('f.yaml', text, SCHEMA);
      assert.ok(Date.now() - t0 < 2000, 'refused before parsing');
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /nests more than 200 levels deep/);
    }
  });

  it('a YAML alias bomb is refused with a problem, not a stack trace', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill('*' + 'abcdefghi'[i - 1])
          .join(',')}]`,
      );
    const dir = tempDir({ 'r/en/bomb.yaml': RULE + levels.join('\n') + '\n', 'a.md': 'Hi.\n' });
    const r = await cli(['--no-config', '--rules', 'r', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /bomb\.yaml:\d+:\d+: the YAML expands its aliases/);
    assert.doesNotMatch(r.err, /unexpected error| {4}at /);
  });

  it('a .json nested 10,000 deep is skipped with a note; the other files are still linted', async () => {
    const dir = tempDir({
      'deep.json': '['.repeat(10000) + ']'.repeat(10000),
      'b.json': zendesk('Kindly note this.'),
      'r/en/team.yaml': RULE,
    });
    const r = await cli(['--no-config', '--rules', 'r', '--format', 'json', 'deep.json', 'b.json'], dir);
    assert.match(r.err, /deep\.json: skipped \(JSON nested more than 200 levels deep/);
    assert.doesNotMatch(r.err, /unexpected error/);
    const files = JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    assert.deepEqual(
      files.map((f) => [path.basename(f.filePath), f.messages.filter((m) => m.ruleId === 'team').length]),
      [['b.json', 1]],
    );
  });

  it('duplicate JSON keys: the copy JSON.parse keeps is the one linted', async () => {
    const text = `{"macros": [{"title": "old", "actions": [{"field": "comment_value", "value": "Thanks."}]}], "macros": [{"title": "new", "actions": [{"field": "comment_value", "value": "Kindly note this."}]}]}`;
    assert.equal(JSON.parse(text).macros[0].title, 'new');
    const dir = tempDir({ 'm.json': text, 'r/en/team.yaml': RULE });
    const r = await cli(['--no-config', '--rules', 'r', '--format', 'json', 'm.json'], dir);
    const messages = JSON.parse(r.out)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'team');
    assert.equal(messages.length, 1);
    assert.equal(messages[0].column, text.indexOf('Kindly') + 1);
  });

  it('a regex that can match empty text anywhere (^\\b|kindly note) is refused: it would never fire', () => {
    assert.equal(typeof checkRegex('^\\b|kindly note'), 'string');
    assert.equal(typeof checkRegex('\\bx*|kindly note'), 'string');
    assert.deepEqual(checkRegex('\\bkindly note\\b'), []);
  });

  it('a "rules:" or "extends:" target that is not a Warmly file is refused without its keys', async () => {
    const secrets = 'aws_access_key_id: AKIAEXAMPLE\naws_secret_access_key: wJalrEXAMPLEKEY\n';
    const dir = tempDir({ 'creds.yaml': secrets, 'a.md': 'Hi.\n', '.warmlyrc.yaml': 'extends: [./creds.yaml]\n' });
    for (const argv of [['a.md'], ['--no-config', '--rules', 'creds.yaml', 'a.md']]) {
      const r = await cli(argv, dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /creds\.yaml:1:1: this is not a Warmly file/);
      assert.doesNotMatch(r.err, /aws_|AKIA|wJalr/);
    }
  });

  it('a package with neither a config nor a rules/ folder is not read as rules', async () => {
    const dir = tempDir({
      'a.md': 'Hi.\n',
      '.warmlyrc.yaml': 'extends: [some-pack]\n',
      'node_modules/some-pack/package.json': '{"name":"some-pack"}',
      'node_modules/some-pack/ci.yaml': 'jobs: {}\n',
    });
    const r = await cli(['a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot find "some-pack"/);
    assert.doesNotMatch(r.err, /ci\.yaml/);
  });

  it('UTF-16 text with a byte order mark is linted, and --fix writes it back as UTF-16', async () => {
    const dir = tempDir({ 'r/en/team.yaml': RULE });
    const le = Buffer.from('\uFEFFKindly note this.\r\n', 'utf16le');
    fs.writeFileSync(path.join(dir, 'le.txt'), le);
    fs.writeFileSync(path.join(dir, 'be.txt'), Buffer.from(le).swap16());
    const r = await cli(['--no-config', '--rules', 'r', '--format', 'json', 'le.txt', 'be.txt'], dir);
    assert.doesNotMatch(r.err, /binary/);
    const files = JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string; column: number }> }>;
    assert.deepEqual(
      files.map((f) => f.messages.filter((m) => m.ruleId === 'team').map((m) => m.column)),
      [[1], [1]],
    );
    await cli(['--no-config', '--rules', 'r', '--fix', 'le.txt', 'be.txt'], dir);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'le.txt')), Buffer.from('\uFEFFNote this.\r\n', 'utf16le'));
    assert.deepEqual(
      fs.readFileSync(path.join(dir, 'be.txt')),
      Buffer.from('\uFEFFNote this.\r\n', 'utf16le').swap16(),
    );
  });

  it('a semicolon-separated CSV is read by its header, and a rewrite stays inside its field', async () => {
    const dir = tempDir({ 'r/en/team.yaml': RULE, 'replies.csv': 'title;text\nWait;Kindly note this.\n' });
    const r = await cli(['--no-config', '--rules', 'r', '--format', 'json', 'replies.csv'], dir);
    assert.doesNotMatch(r.err, /without a text column/);
    assert.equal(JSON.parse(r.out)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'team').length, 1);
  });
});
