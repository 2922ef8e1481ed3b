import assert from 'node:assert/strict';
import { extractProse } from '../../src/core/extract-prose';

// The words left as prose, in order (placeholders show as runs of x).
const words = (source: string, format: Parameters<typeof extractProse>[1]) =>
  extractProse(source, format).prose.split(/\s+/).filter(Boolean);

describe('extractProse', () => {
  it('keeps the length of the source, so offsets need no map', () => {
    const src = '# Hi {{ name }}\n\n```js\ncode()\n```\n> quoted\n<p>Hello &amp; bye</p>';
    for (const f of ['markdown', 'html', 'text', 'template'] as const)
      assert.equal(extractProse(src, f).prose.length, src.length);
  });

  it('turns each placeholder style into one word-like token', () => {
    const src = 'Call {{ bank_name }}, {{{ raw }}}, {%customer.firstName,fallback=there%}, [% name %] and ${who}.';
    const { prose, placeholders } = extractProse(src, 'template');
    assert.equal(placeholders.length, 5);
    for (const [s, e] of placeholders) assert.match(prose.slice(s, e), /^x+$/);
    assert.deepEqual(
      placeholders.map(([s, e]) => src.slice(s, e)),
      ['{{ bank_name }}', '{{{ raw }}}', '{%customer.firstName,fallback=there%}', '[% name %]', '${who}'],
    );
  });

  it('blanks template logic and comments but not the words around them', () => {
    assert.deepEqual(
      words('{% if vip %}Thanks{% endif %} {# note #} {{#if x}}friend{{/if}} [% IF a %]ok[% END %]', 'template'),
      ['Thanks', 'friend', 'ok'],
    );
  });

  it('blanks Markdown code, images, link targets and quoted customer text', () => {
    const src =
      'See `npm run x` and [our guide](https://x.test/a) ![logo](l.png)\n\n```\nyou need to contact\n```\n\n> You will need to contact the bank\ncontinued quote\n\nMine again.';
    assert.deepEqual(words(src, 'markdown'), ['See', 'and', 'our', 'guide', 'Mine', 'again.']);
  });

  it('blanks HTML tags, entities, scripts, styles and blockquotes, and breaks sentences at block tags', () => {
    const { prose } = extractProse(
      '<p>First</p><p>second</p><script>var a="contact us"</script><blockquote>customer words</blockquote>&nbsp;end',
      'html',
    );
    assert.deepEqual(prose.split(/\s+/).filter(Boolean), ['First', 'second', 'end']);
    assert.match(prose, /First\n/);
  });

  it("reads quoted lines as the customer's in plain text too, and not in HTML", () => {
    assert.deepEqual(words('Hello\n> their words\nours', 'text'), ['Hello']);
    assert.deepEqual(words('a > b', 'html'), ['a', '>', 'b']);
  });

  it('treats URLs, e-mail addresses and @handles as placeholders', () => {
    const { placeholders } = extractProse('Write to help@shop.test or @ShopHelp, see https://shop.test/faq.', 'text');
    assert.equal(placeholders.length, 3);
  });

  it('reads the language from front matter and blanks the front matter', () => {
    const r = extractProse('---\nlang: sv\ntitle: x\n---\nHej!', 'markdown');
    assert.equal(r.frontMatterLang, 'sv');
    assert.deepEqual(r.prose.split(/\s+/).filter(Boolean), ['Hej!']);
  });

  it('collects warmly directives from HTML, Jinja, Handlebars and Template Toolkit comments', () => {
    const r = extractProse(
      '<!-- warmly-disable-next-line a b -->\n{# warmly-disable-line c #}\n{{!-- warmly-disable --}}\n[%# warmly-enable d %]',
      'template',
    );
    assert.deepEqual(
      r.directives.map((d) => [d.kind, d.ids]),
      [
        ['disable-next-line', ['a', 'b']],
        ['disable-line', ['c']],
        ['disable', []],
        ['enable', ['d']],
      ],
    );
  });

  it('survives unbalanced template braces without swallowing the rest', () => {
    assert.deepEqual(words('Hello {{ name, you will hear from us', 'template'), [
      'Hello',
      'name,',
      'you',
      'will',
      'hear',
      'from',
      'us',
    ]);
  });
});
