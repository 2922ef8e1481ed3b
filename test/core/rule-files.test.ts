import assert from 'node:assert/strict';
import { parseRuleFile, RuleSet } from '../../src/core/index';

const VALID = `severity: warning
principle: Own it.
message: "Say what you will do."
why: Because.
patterns:
  - phrase: "not my table"
    fix: "let me help"
examples:
  bad: [{ text: "Not my table.", fixed: "Let me help." }]
  good: ["I'll help."]
`;

const problemsOf = (text: string, file = '/r/en/my-rule.yaml') =>
  parseRuleFile({ file, text, language: 'en' }).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);

describe('rule files', () => {
  it('loads a valid rule, its id from the file name', () => {
    const { rule, problems } = parseRuleFile({ file: '/r/en/my-rule.yaml', text: VALID, language: 'en' });
    assert.deepEqual(problems, []);
    assert.equal(rule?.id, 'my-rule');
    assert.equal(rule?.language, 'en');
  });

  it('points at a misspelt key and suggests the right one', () => {
    const [p] = problemsOf(VALID.replace('fix:', 'fx:'));
    assert.equal(p, '7:5: unknown key "fx" — did you mean "fix"?');
  });

  it('reports broken YAML at its line and column', () => {
    const [p] = problemsOf('severity: warning\npatterns: [\n  - phrase: "x"\n');
    assert.match(p, /^\d+:\d+: .* — fix the YAML syntax here/);
  });

  it('names a missing key and what it is for (a file that adds to no built-in rule)', () => {
    const { rule } = parseRuleFile({
      file: '/r/en/my-rule.yaml',
      text: VALID.replace(/why: Because.\n/, ''),
      language: 'en',
    });
    const [p] = RuleSet.build([], [], rule ? [rule] : []).problems.map((x) => `${x.line}:${x.column}: ${x.message}`);
    assert.match(p, /^1:1: missing key "why" — add it: Why it matters/);
  });

  it('rejects a wrong severity with the allowed values', () => {
    const [p] = problemsOf(VALID.replace('severity: warning', 'severity: warn'));
    assert.equal(p, '1:11: "severity" must be one of "error", "warning", "info" — pick one of them');
  });

  it('reports pattern syntax errors inside the phrase', () => {
    const [p] = problemsOf(VALID.replace('"not my table"', '"not [my|our table"'));
    assert.match(p, /^6:18: "\[" is never closed/);
  });

  it('refuses a phrase that is only optional parts, which would match everywhere', () => {
    const [p] = problemsOf(VALID.replace('"not my table"', '"(not) (my)"'));
    assert.match(p, /every part of the phrase is optional/);
  });

  it('refuses a message using a capture the pattern lacks', () => {
    const [p] = problemsOf(VALID.replace('"Say what you will do."', '"Contact {party}."'));
    assert.match(p, /^3:11: \{party\} is not captured by every phrasing of pattern 1/);
  });

  it('refuses a regex that could backtrack (backreferences, look-around)', () => {
    const [p] = problemsOf(VALID.replace('- phrase: "not my table"', '- regex: "(a+)+\\\\1"'));
    assert.match(p, /^6:13: the regex cannot be used: .*linear time/);
    const [q] = problemsOf(VALID.replace('- phrase: "not my table"', '- regex: "(?=x)y"'));
    assert.match(q, /look-around/);
  });

  it('refuses a regex that matches empty text', () => {
    const [p] = problemsOf(VALID.replace('- phrase: "not my table"', '- regex: "x*"'));
    assert.match(p, /matches empty text/);
  });

  it('accepts a linear-time regex with named captures', () => {
    assert.deepEqual(
      problemsOf(
        VALID.replace('- phrase: "not my table"', '- regex: "\\\\bnot (?P<who>my|our) table\\\\b"').replace(
          'Say what you will do.',
          'Not {who} table?',
        ),
      ),
      [],
    );
  });

  it('refuses duplicate keys and a file name that is not an id', () => {
    assert.match(problemsOf(VALID + 'severity: error\n')[0], /each key may appear once/);
    assert.match(problemsOf(VALID, '/r/en/My Rule.yaml')[0], /the file name "My Rule" is the rule id/);
  });

  it('refuses a list reference that is defined nowhere', () => {
    const [p] = problemsOf(VALID.replace('"not my table"', '"contact {party:parties}"'));
    assert.match(p, /the list "parties" is not defined/);
  });
});
