// Fixes and suggestions: fix-all applies fixes only; a suggestion's {slot?} becomes a tab stop
// and is never written unasked; a greeting uses the team's placeholder only when one is named;
// a deletion that leaves a sentence hanging is demoted; a self-matching fix stops the loop.
import assert from 'node:assert/strict';
import { fixAll } from '../../src/core/fix';
import { lint } from '../../src/core/lint';
import { ruleSetOf } from '../helpers';

const set = ruleSetOf({
  'keep-promises': `patterns:
  - phrase: "as soon as possible"
    suggest: ["by {time?}"]`,
  'greet-like-a-friend': `patterns:
  - phrase: "^ dear customer"
    fix: ["Hi {first_name?}", "Hi there"]`,
  'no-blame-shifting': `patterns:
  - phrase: "due to circumstances beyond our control"
    fix: ""`,
  'no-cold-formality': `patterns:
  - phrase: "^ please be advised (that)"
    fix: ""`,
  loop: `patterns:
  - phrase: "sorry for the wait"
    fix: "sorry for the wait and thank you"`,
});

const run = (text: string, placeholders?: Record<string, string>) =>
  lint(text, { ruleSet: set, language: 'en', format: 'markdown', settings: { placeholders } }).findings;

describe('two kinds of rewrite', () => {
  it('a suggestion with a slot is a snippet, and fix-all leaves it alone', () => {
    const [f] = run('We will reply as soon as possible.');
    assert.equal(f.suggestions[0].kind, 'suggestion');
    assert.equal(f.suggestions[0].text, 'by [time]');
    assert.equal(f.suggestions[0].snippet, 'by ${1:time}');
    assert.match(f.suggestions[0].title ?? '', /fill in the time/);
    const fixed = fixAll('We will reply as soon as possible.', (t) => run(t));
    assert.equal(fixed.output, 'We will reply as soon as possible.');
  });

  it('a greeting takes the team placeholder when named, else the safe wording', () => {
    assert.equal(fixAll('Dear customer, thanks.', (t) => run(t)).output, 'Hi there, thanks.');
    const team = { first_name: '{{ticket.requester.first_name}}' };
    assert.equal(
      fixAll('Dear customer, thanks.', (t) => run(t, team)).output,
      'Hi {{ticket.requester.first_name}}, thanks.',
    );
  });

  it('a deletion that would leave "The delay is." is only a suggestion', () => {
    const [f] = run('The delay is due to circumstances beyond our control.');
    assert.equal(f.suggestions[0].kind, 'suggestion');
    assert.equal(f.suggestions[0].title, "Remove 'due to circumstances beyond our control'");
    assert.equal(
      fixAll('The delay is due to circumstances beyond our control.', (t) => run(t)).output,
      'The delay is due to circumstances beyond our control.',
    );
    assert.equal(
      fixAll('It shipped late due to circumstances beyond our control, sorry.', (t) => run(t)).settled,
      true,
    );
  });

  it('a deletion of a whole sentence takes its full stop, and one that opens a sentence recases the next word', () => {
    assert.equal(fixAll('Thanks. Please be advised. It shipped.', (t) => run(t)).output, 'Thanks. It shipped.');
    assert.equal(fixAll('Please be advised that your order shipped.', (t) => run(t)).output, 'Your order shipped.');
  });

  it('a fix its own pattern matches again stops, writes nothing and names the pattern', () => {
    const result = fixAll('Hi, sorry for the wait.', (t) => run(t));
    assert.equal(result.output, 'Hi, sorry for the wait.');
    assert.equal(result.settled, false);
    assert.match(
      result.loop?.message ?? '',
      /loop\.yaml:\d+:\d+: the fix "sorry for the wait and thank you" of loop .* its own pattern/,
    );
  });
});

describe('capitals after a line break', () => {
  it("a rewrite at a line's start keeps the capital the writer gave it", () => {
    const set = ruleSetOf({
      'no-cold-formality': 'patterns:\n  - phrase: "we wish to inform you that"\n    fix: "just so you know,"',
    });
    const run = (t: string) => lint(t, { ruleSet: set, language: 'en', format: 'markdown', settings: {} }).findings;
    assert.equal(
      fixAll('Hi there,\nWe wish to inform you that it shipped.', run).output,
      'Hi there,\nJust so you know, it shipped.',
    );
    assert.equal(fixAll('Hi, we wish to inform you that it shipped.', run).output, 'Hi, just so you know, it shipped.');
  });
});

describe('capitals after a placeholder or @handle', () => {
  it('a rewrite after only a placeholder keeps the capital the writer gave the first word', () => {
    const set = ruleSetOf({
      'sincere-apology': 'patterns:\n  - phrase: "sorry for any trouble"\n    fix: "sorry for the trouble"',
    });
    const run = (t: string) => lint(t, { ruleSet: set, language: 'en', format: 'template', settings: {} }).findings;
    assert.equal(fixAll('@acme_help Sorry for any trouble.', run).output, '@acme_help Sorry for the trouble.');
    assert.equal(fixAll('{{ name }}, sorry for any trouble.', run).output, '{{ name }}, sorry for the trouble.');
  });
});
