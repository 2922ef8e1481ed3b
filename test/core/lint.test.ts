import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint } from '../../src/core/index';
import { findings, ruleSetOf } from '../helpers';

const handoff = ruleSetOf({
  'not-my-table': `
message: "Offer to contact {party} yourself."
patterns:
  - phrase: "[you'll|you will|you] need to contact {party}"
    fix: "I'll contact {party} for you"
    suggest: ["let me call {party} for you"]
  - phrase: "please contact {party:parties} directly"
    fix: "I'll contact {party} for you"
lists:
  parties: [seller, bank]
unless: ["if you'd rather"]
`,
  'positive-language': `
patterns:
  - phrase: "we [can't|cannot]"
    fix: "we can"
unless: ["can't wait"]
`,
  'no-cold-formality': `
patterns:
  - phrase: "please be advised (that)"
    fix: ""
  - phrase: "kindly note (that)"
    fix: ""
`,
  'keep-promises': `
patterns:
  - phrase: "as soon as possib*"
    fix: "by {{ due_time }}"
`,
});

const syntax = ruleSetOf({
  'no-judging': `
patterns:
  - phrase: "as (you|everyone) know"
    fix: ""
  - phrase: "^ obviously"
    fix: ""
  - phrase: "did you (even) read the email?"
    fix: "could I walk you through the email"
  - phrase: "ASAP"
    fix: "by {{ due }}"
  - phrase: "I'm afraid"
    fix: "sadly"
`,
});

describe('phrase syntax in matching', () => {
  it('(a|b) is an optional choice', () => {
    assert.equal(findings('This is, as you know, free.', syntax).length, 1);
    assert.equal(findings('As everyone know it is free.', syntax).length, 1);
    assert.equal(findings('As know it is free.', syntax).length, 1);
  });

  it('^ only matches at the start of a sentence', () => {
    assert.equal(findings('Obviously it is broken.', syntax).length, 1);
    assert.deepEqual(findings('It is obviously broken.', syntax), []);
  });

  it('a trailing ? only matches in a question', () => {
    assert.equal(findings('Did you read the email?', syntax).length, 1);
    assert.deepEqual(findings('Did you read the email. Good.', syntax), []);
  });

  it('deleting words between commas takes one comma with them', () => {
    const text = 'This is, as you know, free.';
    assert.equal(fixAll(text, (t) => lint(t, { ruleSet: syntax, language: 'en' }).findings).output, 'This is free.');
  });

  it('a deletion at the start of a sentence rewrites the next word with a capital', () => {
    const [f] = findings('Obviously the parcel is late.', syntax);
    assert.deepEqual([f.suggestions[0].text, f.suggestions[0].end], ['The', 13]);
  });

  it('a deletion never recases an e-mail address, URL or placeholder that follows it', () => {
    const [f] = findings('Obviously help@shop.test is down.', syntax);
    assert.equal(applyEdits('Obviously help@shop.test is down.', [f.suggestions[0]]).output, 'help@shop.test is down.');
    const [g] = findings('Obviously {{ name }} asked.', syntax);
    assert.equal(applyEdits('Obviously {{ name }} asked.', [g.suggestions[0]]).output, '{{ name }} asked.');
  });

  it('only a sentence-initial match passes its capital to the rewrite', () => {
    assert.equal(findings('Please reply ASAP.', syntax)[0].suggestions[0].text, 'by {{ due }}');
    assert.equal(findings("I'm afraid it is late.", syntax)[0].suggestions[0].text, 'Sadly');
    assert.equal(findings("So I'm afraid it is late.", syntax)[0].suggestions[0].text, 'sadly');
  });

  it("escapes a rewrite's own words in HTML, never the captured source", () => {
    const rules = ruleSetOf({
      'no-judging':
        'patterns:\n  - phrase: "contact {party} yourself"\n    fix: "let me & my team call {party} <today>"\n',
    });
    const [f] = findings('<p>Contact Tom yourself.</p>', rules, { format: 'html' });
    assert.equal(f.suggestions[0].text, 'Let me &amp; my team call Tom &lt;today&gt;');
    // Markup inside the matched words would be lost by the rewrite: flagged, but no fix offered.
    const [h] = findings('<p>Contact <b>Tom</b> yourself.</p>', rules, { format: 'html' });
    assert.equal(h.actual, 'Contact <b>Tom</b> yourself');
    assert.deepEqual(h.suggestions, []);
    const [g] = findings('Contact Tom yourself.', rules, { format: 'markdown' });
    assert.equal(g.suggestions[0].text, 'Let me & my team call Tom <today>');
  });

  it('reads HTML entities inside words, and the rewrite replaces the entity too', () => {
    const text = '<p>You&rsquo;ll need to contact the seller.</p>';
    const [f] = findings(text, handoff, { format: 'html' });
    assert.equal(f.actual, 'You&rsquo;ll need to contact the seller');
    assert.equal(applyEdits(text, [f.suggestions[0]]).output, "<p>I'll contact the seller for you.</p>");
  });
});

describe('lint', () => {
  it('finds a phrase with a placeholder in the capture and keeps it byte for byte in the rewrite', () => {
    const [f] = findings("You'll need to contact {{ bank_name }} directly.", handoff);
    assert.equal(f.ruleId, 'not-my-table');
    assert.equal(f.actual, "You'll need to contact {{ bank_name }}");
    assert.equal(f.message, 'Offer to contact {{ bank_name }} yourself.');
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [1, 1, 1, 39]);
    assert.equal(f.suggestions[0].text, "I'll contact {{ bank_name }} for you");
    assert.equal(f.suggestions[1].text, 'Let me call {{ bank_name }} for you');
  });

  it('captures a determiner with its noun and stops at function words', () => {
    const [f] = findings('Sadly you will need to contact your bank about it.', handoff);
    assert.equal(f.captures.party, 'your bank');
    assert.equal(
      applyEdits('Sadly you will need to contact your bank about it.', [f.suggestions[0]]).output,
      "Sadly I'll contact your bank for you about it.",
    );
  });

  it('does not capture a pronoun: "contact us" is no hand-off', () => {
    assert.deepEqual(findings('You will need to contact us first.', handoff), []);
  });

  it('restricts {name:list} captures to the list', () => {
    assert.equal(findings('Please contact the seller directly.', handoff).length, 1);
    assert.equal(findings('Please contact the team directly.', handoff).length, 0);
  });

  it('folds case, curly apostrophes and line breaks inside a phrase', () => {
    const f = findings('YOU’LL NEED TO\n  CONTACT the bank.', handoff);
    assert.equal(f.length, 1);
    assert.equal(f[0].line, 1);
    assert.equal(f[0].endLine, 2);
  });

  it('never matches across sentences', () => {
    assert.deepEqual(findings('Then you need to. Contact the bank later.', handoff), []);
  });

  it('drops a match an `unless` phrase overlaps', () => {
    assert.deepEqual(findings("We can't wait to see you!", handoff), []);
    assert.equal(findings("Sorry, we can't do that.", handoff).length, 1);
  });

  it('ignores quoted customer text and code', () => {
    assert.deepEqual(
      findings("> You'll need to contact the bank, they said.\n\n`we can't`", handoff, { format: 'markdown' }),
      [],
    );
  });

  it('carries the sentence-initial capital over, and an empty rewrite capitalises the next word', () => {
    const text = 'Please be advised that your order shipped. Also kindly note that it is insured.';
    const out = fixAll(text, (t) => lint(t, { ruleSet: handoff, language: 'en' }).findings);
    assert.equal(out.output, 'Your order shipped. Also it is insured.');
    assert.equal(out.settled, true);
  });

  it('matches word prefixes written with *', () => {
    assert.equal(findings('We will reply as soon as possibly can.', handoff).length, 1);
  });

  it('counts columns in UTF-16 code units, as VS Code does', () => {
    const [f] = findings('😀 é we cannot help.', handoff);
    assert.equal(f.column, 6);
  });

  it('honours warmly-disable comments and reports unknown ids in them', () => {
    const text =
      "<!-- warmly-disable-next-line positive-language -->\nWe can't.\nWe can't.\n<!-- warmly-disable-next-line no-such-rule -->\nWe can't.";
    const f = findings(text, handoff, { format: 'markdown' });
    assert.deepEqual(
      f.map((x) => [x.ruleId, x.line]),
      [
        ['positive-language', 3],
        ['warmly-comment', 4],
        ['positive-language', 5],
      ],
    );
    const blocks = findings("<!-- warmly-disable -->\nWe can't.\n<!-- warmly-enable -->\nWe can't.", handoff, {
      format: 'markdown',
    });
    assert.deepEqual(
      blocks.map((x) => x.line),
      [4],
    );
  });

  it('fix-all is idempotent: fixing the fixed text changes nothing', () => {
    const text = "Hi {{ name }}, you'll need to contact {{ bank }}. We can't refund it as soon as possible.";
    const run = (t: string) => fixAll(t, (x) => lint(x, { ruleSet: handoff, language: 'en' }).findings).output;
    const once = run(text);
    assert.equal(once, "Hi {{ name }}, I'll contact {{ bank }} for you. We can refund it by {{ due_time }}.");
    assert.equal(run(once), once);
  });
});
