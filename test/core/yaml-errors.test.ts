// YAML syntax errors in rule files, in plain words and at the character to change (issue 14.4):
// the parser's own words ("Sequence item without - indicator", column 1) sent writers hunting.
import assert from 'node:assert/strict';
import { parseRuleFile } from '../../src/core/index';

const problem = (text: string) => {
  const [p] = parseRuleFile({ file: '/r/en/my-rule.yaml', text, language: 'en' }).problems;
  return `${p.line}:${p.column}: ${p.message}`;
};

describe('YAML syntax errors in plain words', () => {
  it('one space too many or too few before a key points at the key and says how to line it up', () => {
    assert.equal(
      problem('severity: warning\npatterns:\n  - phrase: "a"\n   fix: "b"\n'),
      '4:4: "fix:" is indented by 3 spaces, "phrase" on the line above by 4 — line them up (the same number of ' +
        'spaces) to make them keys of one entry, or indent "fix:" further to go inside "phrase"',
    );
    assert.match(
      problem('patterns:\n  - phrase: a\n     fix: b\n'),
      /^3:6: "fix:" is indented by 5 spaces, "phrase" .* by 4/,
    );
    assert.match(
      problem('lists:\n   a: [x]\n  b: [y]\n'),
      /^3:3: "b:" is indented by 2 spaces, "a" on the line above by 3/,
    );
  });

  it('an unclosed quote points at the quote that opens it', () => {
    assert.equal(
      problem('patterns:\n  - phrase: a\n    fix: "b\n'),
      '3:10: this " opens a quoted value that is never closed — add the closing " at its end',
    );
  });

  it('a colon in an unquoted value says to quote the value', () => {
    assert.match(problem('message: he said: no\n'), /^1:17: a value with ": " in it must be in quotes/);
  });

  it("an apostrophe in a '…' value points after the quote that ended it", () => {
    assert.match(problem("message: 'it's fine'\n"), /^1:14: text goes on after a closing quote .*written ''/);
  });

  it('a value starting with @ and an unclosed [ list', () => {
    assert.match(problem('unless:\n  - @x\n'), /^2:5: a value cannot start with "@" unless it is in quotes/);
    assert.match(
      problem('lists:\n  parties: [a, b\n'),
      /^2:12: this \[ starts a list that is not closed on its line — add the \]/,
    );
  });
});
