// What a content lead does with a rule pack of their own, step by step, through the real CLI:
// write rules in YAML, run their examples with one command, see CI fail when one breaks, and
// get told about conflicts between rules before writers meet them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from '../helpers';
import { cli } from '../cli-capture';

const PACK = path.join(ROOT, 'docs', 'examples', 'team-pack');

function copyPack(): string {
  const dir = tempDir();
  fs.cpSync(PACK, dir, { recursive: true });
  return dir;
}

const RULE = (body: string) => `severity: warning
principle: Be warm.
message: "Warmer, please."
why: Because the customer feels it.
${body}`;

describe('team rule packs', () => {
  it("the guide's worked example passes `warmly test-rules` (docs/writing-rules.md)", async () => {
    const r = await cli(['test-rules', 'rules'], PACK);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /3 rules, \d+ checks: \d+ passed, 0 failed/);
  });

  it('a team rule, a team phrase for a built-in rule and a new language all lint files', async () => {
    const dir = copyPack();
    fs.writeFileSync(path.join(dir, 'replies', 'a.md'), 'Hi {{ name }}, you must log a claim with the courier.\n');
    fs.writeFileSync(path.join(dir, 'replies', 'b.de.md'), 'Bitte beachten Sie, dass die Rücksendung kostenlos ist.\n');
    const r = await cli(['--format', 'json', 'replies'], dir);
    const byFile = Object.fromEntries(
      (
        JSON.parse(r.out) as Array<{
          filePath: string;
          language: string;
          messages: Array<{ ruleId: string; severity: string }>;
        }>
      ).map((f) => [path.relative(dir, f.filePath), f]),
    );
    assert.deepEqual(
      byFile['replies/a.md'].messages.map((m) => m.ruleId),
      ['not-my-table'],
    );
    assert.equal(byFile['replies/b.de.md'].language, 'de');
    assert.deepEqual(
      byFile['replies/b.de.md'].messages.map((m) => m.ruleId),
      ['no-cold-formality'],
    );
    assert.deepEqual(
      byFile['replies/legal/villkor.sv.md'].messages.map((m) => [m.ruleId, m.severity]),
      [['tack-for-talamodet', 'info']],
    );
  });

  it('CI fails when an example breaks, naming the file, the example and the difference', async () => {
    const dir = copyPack();
    const file = path.join(dir, 'rules', 'sv', 'tack-for-talamodet.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(
          'fixed: "Tack för ditt tålamod! Din order skickades i dag."',
          'fixed: "Tack! Din order skickades i dag."',
        ),
    );
    const r = await cli(['test-rules', 'rules'], dir);
    assert.equal(r.code, 1);
    assert.match(
      r.out,
      /✖ rules\/sv\/tack-for-talamodet\.yaml:\d+:\d+ \(sv\/tack-for-talamodet\) bad example 1: .*\n\s+fixed text differs\n\s+expected: "Tack! Din order skickades i dag\."\n\s+actual: {3}"Tack för ditt tålamod! Din order skickades i dag\."/,
    );
    const json = await cli(['test-rules', '--format', 'json', 'rules'], dir);
    assert.equal((JSON.parse(json.out) as Array<{ ok: boolean }>).filter((x) => !x.ok).length, 1);
  });

  it('a good example that a rule flags fails', async () => {
    const dir = tempDir({
      'r/en/no-sorry.yaml': RULE(
        'patterns:\n  - phrase: "sorry for the wait"\n    fix: "thanks for waiting"\nexamples:\n  bad: [{ text: "Sorry for the wait.", fixed: "Thanks for waiting." }]\n  good: ["So sorry for the wait."]\n',
      ),
    });
    const r = await cli(['test-rules', 'r'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /good example 1: "So sorry for the wait\."\n\s+flagged: no-sorry "sorry for the wait"/);
  });

  it('reports a rewrite another rule flags, and rewrites that undo each other', async () => {
    const dir = tempDir({
      'r/en/aa-one.yaml': RULE(
        'patterns:\n  - phrase: "sort it out"\n    fix: "fix it up"\nexamples:\n  bad: [{ text: "We will sort it out.", fixed: "We will fix it up." }]\n  good: ["Thanks."]\n',
      ),
      'r/en/bb-two.yaml': RULE(
        'patterns:\n  - phrase: "fix it up"\n    fix: "sort it out"\nexamples:\n  bad: [{ text: "We will fix it up.", fixed: "We will sort it out." }]\n  good: ["Thanks."]\n',
      ),
    });
    const r = await cli(['test-rules', 'r'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /aa-one\) bad example 1: .*\n\s+the fixed text is flagged again: bb-two "fix it up"/);
  });

  it('reports a pattern that can never match', async () => {
    const dir = tempDir({
      'r/en/dupe.yaml': RULE(
        'patterns:\n  - phrase: "[kindly|please] note"\n    fix: ""\n  - phrase: "kindly note"\n    fix: ""\nexamples:\n  bad: [{ text: "Kindly note it ships today.", fixed: "It ships today." }]\n  good: ["Thanks."]\n',
      ),
      'r/en/vetoed.yaml': RULE(
        'patterns:\n  - phrase: "we cannot wait"\nunless: ["cannot wait"]\nexamples:\n  bad: [{ text: "We cannot wait." }]\n  good: ["Thanks."]\n',
      ),
    });
    const r = await cli(['test-rules', 'r'], dir);
    assert.match(r.out, /dupe\) pattern 2: "kindly note"\n\s+can never match: every phrasing is already in pattern 1/);
    assert.match(
      r.out,
      /vetoed\) pattern 1: "we cannot wait"\n\s+can never match: the unless phrase "cannot wait" is inside every phrasing/,
    );
  });

  it('`replace: true` drops the built-in patterns of a rule; without it they are kept', async () => {
    const own = (replace: boolean) =>
      RULE(
        `replace: ${replace}\npatterns:\n  - phrase: "ask the depot"\n    fix: "I'll ask the depot"\nexamples:\n  bad: [{ text: "Please ask the depot.", fixed: "Please I'll ask the depot." }]\n  good: ["Thanks."]\n`,
      );
    for (const replace of [false, true]) {
      const dir = tempDir({
        '.warmlyrc.yaml': 'rules: [./r]\n',
        'r/en/not-my-table.yaml': own(replace),
        'a.md': "You'll need to contact {{ bank }}. Ask the depot.\n",
      });
      const r = await cli(['--format', 'json', 'a.md'], dir);
      const ids = JSON.parse(r.out)[0].messages.map((m: { ruleId: string }) => m.ruleId);
      assert.deepEqual(ids, replace ? ['not-my-table'] : ['not-my-table', 'not-my-table']);
    }
  });

  it('extends an npm package and a path; a circular extends is an error at its line', async () => {
    const dir = tempDir({
      'node_modules/@acme/warmly-pack/package.json': '{ "name": "@acme/warmly-pack", "version": "1.0.0" }',
      'node_modules/@acme/warmly-pack/.warmlyrc.yaml': 'disable: [not-my-table]\n',
      '.warmlyrc.yaml': 'extends: ["@acme/warmly-pack"]\n',
      'a.md': "You'll need to contact {{ bank }}.\n",
      'loop/.warmlyrc.yaml': 'language: en\nextends: [./other.warmlyrc.yaml]\n',
      'loop/other.warmlyrc.yaml': 'extends: [./.warmlyrc.yaml]\n',
      'loop/b.md': 'Hello.\n',
    });
    const a = await cli(['--format', 'json', 'a.md'], dir);
    assert.deepEqual(JSON.parse(a.out)[0].messages, []);
    const b = await cli(['loop/b.md'], dir);
    assert.equal(b.code, 2);
    assert.match(
      b.err,
      /loop\/other\.warmlyrc\.yaml:1:11: ".\/\.warmlyrc\.yaml" extends a config that extends this one again/,
    );
  });

  it('`warmly explain` shows the rule, the pattern, the captures and each rewrite in context', async () => {
    const r = await cli(['explain', "Sadly you'll need to contact your bank about it."], ROOT);
    assert.equal(r.code, 1);
    assert.match(r.out, /^language: en \(detected/);
    assert.match(r.out, /not-my-table \(warning\) at 1:7–1:\d+: "you'll need to contact your bank"/);
    assert.match(r.out, /\{party\} = "your bank"/);
    assert.match(r.out, /pattern: .*\(rules\/en\/not-my-table\.yaml:\d+:\d+\)/);
    assert.match(
      r.out,
      /rewrite 1 \((fix, applied by --fix|suggestion, [^)]*)\): ".*"\n\s+→ Sadly .*your bank.* about it\./,
    );
  });
});
