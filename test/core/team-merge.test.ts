// A team rule file with a built-in rule's id adds to that rule (issue 14.4): its unless and
// lists apply to the whole rule, its severity and message only to its own patterns, and it
// needs only what it adds. Anything else must be a complete rule.
import * as assert from 'node:assert/strict';
import { parseRuleFile, RuleSet } from '../../src/core/index';
import { english, findings } from '../helpers';

const BUILTIN = `severity: warning
principle: Built-in principle.
message: Offer to do it yourself.
why: Built-in reason.
lists:
  parties: [bank]
patterns:
  - phrase: you'll need to contact {party:parties}
examples:
  bad: [{ text: "You'll need to contact the bank." }]
  good: ["I'll contact the bank for you."]
`;

function rule(file: string, text: string, builtin = false) {
  const { rule: r, problems } = parseRuleFile({ file, text, language: 'en', builtin, knownLists: ['parties'] });
  assert.deepEqual(problems, [], `${file} loads`);
  return r as NonNullable<typeof r>;
}

function build(team: Record<string, string>) {
  const builtin = rule('/builtin/en/not-my-table.yaml', BUILTIN, true);
  const user = Object.entries(team).map(([file, text]) => rule(file, text));
  return RuleSet.build([english()], [builtin], user);
}

describe('team file with a built-in id', () => {
  it('its severity and message apply to its own patterns only; origins name each file', () => {
    const set = build({
      '/team/en/not-my-table.yaml': `severity: error
message: Team message.
patterns:
  - phrase: you must check with {party:parties}
`,
    });
    assert.deepEqual(set.problems, []);
    const [mine, theirs] = [
      findings('You must check with the bank.', set)[0],
      findings("You'll need to contact the bank.", set)[0],
    ];
    assert.equal(mine.ruleId, 'not-my-table');
    assert.equal(mine.severity, 'error');
    assert.equal(mine.message, 'Team message.');
    assert.equal(mine.origin?.file, '/team/en/not-my-table.yaml');
    assert.equal(mine.why, 'Built-in reason.', 'what the team file leaves out comes from the built-in rule');
    assert.equal(theirs.severity, 'warning');
    assert.equal(theirs.message, 'Offer to do it yourself.');
    assert.equal(theirs.origin?.file, '/builtin/en/not-my-table.yaml');
  });

  it("the config's severity still beats the team file's", () => {
    const set = build({
      '/team/en/not-my-table.yaml': 'severity: error\npatterns:\n  - phrase: you must check with {party:parties}\n',
    });
    const settings = { severity: { 'not-my-table': 'info' as const } };
    assert.equal(findings('You must check with the bank.', set, { settings })[0].severity, 'info');
  });

  it('a file with only unless: is accepted and vetoes the built-in patterns', () => {
    const set = build({ '/team/en/not-my-table.yaml': 'unless:\n  - "{party:parties} if you prefer"\n' });
    assert.deepEqual(set.problems, []);
    assert.equal(findings("You'll need to contact the bank.", set).length, 1);
    assert.equal(findings("You'll need to contact the bank if you prefer.", set).length, 0);
  });

  it('a file with only lists: adds words to the built-in lists', () => {
    const set = build({ '/team/en/not-my-table.yaml': 'lists:\n  parties: [warehouse]\n' });
    assert.deepEqual(set.problems, []);
    assert.equal(findings("You'll need to contact the warehouse.", set).length, 1);
    assert.equal(findings("You'll need to contact the bank.", set).length, 1, 'the built-in words stay');
  });

  it('team vetoes reach team patterns added by another file too', () => {
    const set = build({
      '/team/en/not-my-table.yaml': 'patterns:\n  - phrase: you must check with {party:parties}\n',
      '/more/en/not-my-table.yaml': 'unless:\n  - "{party:parties} if you prefer"\n',
    });
    assert.equal(findings('You must check with the bank.', set).length, 1);
    assert.equal(findings('You must check with the bank if you prefer.', set).length, 0);
  });

  it('an incomplete file with no built-in rule to add to, or with replace: true, is a problem', () => {
    const set = build({
      '/team/en/my-own-rule.yaml': 'patterns:\n  - phrase: per my last email\n',
      '/team/en/not-my-table.yaml': 'replace: true\npatterns:\n  - phrase: ask the bank\n',
    });
    const lines = set.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    assert.equal(lines.length, 10, lines.join('\n'));
    assert.match(lines[0], /^\/team\/en\/my-own-rule\.yaml:1:1: missing key "severity" — add it: How serious/);
    assert.match(
      lines[0],
      /only a file with a built-in rule's id may leave it out, and en has no built-in "my-own-rule"\)$/,
    );
    assert.match(
      lines[5],
      /^\/team\/en\/not-my-table\.yaml:1:1: missing key "severity" .*"replace: true", so it stands alone/,
    );
    assert.equal(findings("You'll need to contact the bank.", set).length, 1, 'the built-in rule stays');
    assert.equal(findings('Per my last email, done.', set).length, 0);
  });

  it('an empty rule file is still refused by the schema', () => {
    const { rule: r, problems } = parseRuleFile({ file: '/team/en/x.yaml', text: 'severity: error\n', language: 'en' });
    assert.equal(r, undefined);
    assert.ok(problems.length > 0);
  });
});
