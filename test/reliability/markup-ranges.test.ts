// Issue 15, items 1 and 2: a finding's range never starts or ends inside an HTML entity, a tag
// or a Markdown marker, and a rewrite is not offered when its span holds markup it would drop
// (a link's bracket, half of a ** or ~~ pair). What --fix writes must keep every marker.
import assert from 'node:assert/strict';
import { applyEdits, preferredEdits, type Finding } from '../../src/core/index';
import { findings, ruleSetOf } from '../helpers';

const ruleSet = ruleSetOf({
  'not-my-table':
    'patterns:\n  - phrase: "[you\'ll|you will] need to contact {party}"\n    fix: "I\'ll contact {party} for you"',
});
const lintAs = (text: string, fileName: string) => findings(text, ruleSet, { fileName });
const fixed = (text: string, fileName: string) => applyEdits(text, preferredEdits(lintAs(text, fileName))).output;

/** Offsets inside an entity, tag or marker of the text, where no range may start or end. */
function insideMarkup(text: string): Set<number> {
  const inside = new Set<number>();
  for (const m of text.matchAll(/&[A-Za-z0-9#]+;|<[^<>]*>|\*\*|~~|\]\([^)]*\)/g))
    for (let i = m.index + 1; i < m.index + m[0].length; i++) inside.add(i);
  return inside;
}

function checkRanges(text: string, list: Finding[]): void {
  const inside = insideMarkup(text);
  for (const f of list) {
    assert.ok(!inside.has(f.start), `${JSON.stringify(f.actual)} starts inside markup`);
    assert.ok(!inside.has(f.end), `${JSON.stringify(f.actual)} ends inside markup`);
  }
}

describe('ranges and rewrites around markup (issue 15: 1, 2)', () => {
  it('an entity just before a phrase: the range starts after it, and the fix keeps it', () => {
    for (const name of ['reply.html', 'reply.tmpl']) {
      const text = 'Hi &ldquo;You will need to contact the bank.&rdquo; Thanks';
      const list = lintAs(text, name);
      assert.equal(list.length, 1, name);
      assert.equal(list[0].actual, 'You will need to contact the bank');
      checkRanges(text, list);
      assert.equal(fixed(text, name), "Hi &ldquo;I'll contact the bank for you.&rdquo; Thanks");
    }
  });

  it('an entity inside a word keeps the word whole: "don&rsquo;t", "bank&rsquo;s"', () => {
    const text = 'You will need to contact the bank&rsquo;s team.';
    const list = lintAs(text, 'reply.html');
    assert.equal(list[0].actual, 'You will need to contact the bank&rsquo;s team');
    assert.equal(fixed(text, 'reply.html'), "I'll contact the bank&rsquo;s team for you.");
  });

  it('a Markdown link inside the match: found, but no rewrite that would cut the link', () => {
    const text = 'You will need to contact [the bank](https://bank.test) directly.';
    const list = lintAs(text, 'reply.md');
    assert.equal(list.length, 1);
    assert.deepEqual(list[0].suggestions, []);
    assert.equal(fixed(text, 'reply.md'), text);
  });

  it('half of a ** or ~~ pair inside the match: no rewrite; a whole pair inside a capture is kept', () => {
    for (const text of [
      "**You'll need** to contact the bank.",
      "~~You'll need~~ to contact the bank.",
      "You'll need to contact **the bank**.",
    ]) {
      const list = lintAs(text, 'reply.md');
      assert.equal(list.length, 1, text);
      checkRanges(text, list);
      assert.deepEqual(list[0].suggestions, [], text);
      assert.equal(fixed(text, 'reply.md'), text);
    }
    assert.equal(fixed("**You'll need to contact the bank.**", 'reply.md'), "**I'll contact the bank for you.**");
  });

  it('leaves snake_case, 5 * 3 and links outside the match alone', () => {
    assert.equal(
      fixed("You'll need to contact the bank_team. 5 * 3 [see](x.md)", 'reply.md'),
      "I'll contact the bank_team for you. 5 * 3 [see](x.md)",
    );
  });
});
