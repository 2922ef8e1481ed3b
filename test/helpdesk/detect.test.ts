// Each helpdesk's export is recognised from its content, and every reply text is found with
// its JSON pointer or CSV row and column.
import assert from 'node:assert/strict';
import { extractProse } from '../../src/core/extract-prose';
import { detectExport, type Reply } from '../../src/core/helpdesk/index';
import { fixture, FILES } from './fixtures';

const where = (r: Reply) => ('pointer' in r.location ? r.location.pointer : `${r.location.row}:${r.location.column}`);

function detect(name: string, as = name) {
  const d = detectExport(fixture(name).text, as);
  if (d.kind !== 'export') throw new Error(`${name}: ${d.reason}`);
  return d;
}

describe('detectExport', () => {
  it('Zendesk macros: comment_value and comment_value_html, string or ["channel:all", text]', () => {
    const d = detect(FILES.zendesk);
    assert.equal(d.format, 'zendesk');
    assert.deepEqual(d.replies.map(where), [
      '/macros/0/actions/1/value',
      '/macros/1/actions/1/value',
      '/macros/2/actions/0/value/1',
      '/macros/3/actions/0/value',
    ]);
    assert.deepEqual(
      d.replies.map((r) => r.format),
      ['template', 'html', 'template', 'template'],
    );
    assert.equal(d.replies[1].title, 'Shipping::Parcel "lost" by courier');
    // \n, \" and \u2019 are decoded in the text the writer sees.
    assert.match(d.replies[0].text, /^Hi \{\{ticket\.requester\.first_name\}\},\n\nThank you/);
    assert.match(d.replies[0].text, /you\u2019ll need to contact/);
    assert.match(d.replies[3].text, /from the "Sign in" page/);
  });

  it('Freshdesk canned responses: content_html only, so a finding is not reported twice', () => {
    const d = detect(FILES.freshdesk);
    assert.equal(d.format, 'freshdesk');
    assert.deepEqual(d.replies.map(where), ['/0/content_html', '/1/content_html', '/2/content_html']);
    assert.ok(d.replies.every((r) => r.format === 'html'));
    const wrapped = detectExport(
      `{ "canned_responses": [ { "id": 1, "title": "T", "content": "Plain text reply" } ] }`,
      'x.json',
    );
    assert.equal(wrapped.kind === 'export' && where(wrapped.replies[0]), '/canned_responses/0/content');
  });

  it('Help Scout saved replies: _embedded.replies or items, HTML or plain text', () => {
    const d = detect(FILES.helpscout);
    assert.equal(d.format, 'helpscout');
    assert.deepEqual(d.replies.map(where), [
      '/_embedded/replies/0/text',
      '/_embedded/replies/1/text',
      '/_embedded/replies/2/text',
    ]);
    assert.deepEqual(
      d.replies.map((r) => r.format),
      ['html', 'template', 'html'],
    );
    const items = detectExport('{ "items": [ { "id": 9, "name": "N", "text": "Hello" } ] }', 'y.json');
    assert.equal(items.kind === 'export' && items.format, 'helpscout');
  });

  it('Intercom macros: { type: "list", data: [ { name, body } ] }', () => {
    const d = detect(FILES.intercom);
    assert.equal(d.format, 'intercom');
    assert.deepEqual(d.replies.map(where), ['/data/0/body', '/data/1/body', '/data/2/body']);
    assert.equal(d.replies[0].title, 'Login trouble');
  });

  it('CSV: the body column by its header, rows numbered as a spreadsheet shows them', () => {
    const d = detect(FILES.csv);
    assert.equal(d.format, 'csv');
    assert.deepEqual(d.replies.map(where), ['2:body', '3:body', '4:body', '5:body', '6:body']);
    assert.deepEqual(
      d.replies.map((r) => r.encoding),
      ['csv-quoted', 'csv-quoted', 'csv-bare', 'csv-quoted', 'csv-quoted'],
    );
    assert.equal(d.replies[3].text.includes('the "Gift" option'), true);
    const named = detectExport('key,Greeting\r\na,Hello there\r\n', 'z.csv', { csvColumn: 'greeting' });
    assert.equal(named.kind === 'export' && named.replies[0].text, 'Hello there');
    const none = detectExport('key,value\na,b\n', 'z.csv');
    assert.equal(none.kind, 'not-export');
    assert.match(none.kind === 'not-export' ? none.reason : '', /--csv-column/);
  });

  it('reads the format from the content, whatever the file is called', () => {
    assert.equal(detect(FILES.intercom, 'export-2024.json').format, 'intercom');
    assert.equal(detect(FILES.zendesk, 'download').format, 'zendesk');
  });

  it('says why JSON that is no helpdesk export is skipped', () => {
    for (const text of ['{ "name": "warmly", "version": "1.0.0" }', '[1, 2, 3]', '{ "broken": ']) {
      const d = detectExport(text, 'package.json');
      assert.equal(d.kind, 'not-export', text);
    }
  });

  it("each helpdesk's placeholder is one word-like token in the prose", () => {
    const cases: Array<[string, 'html' | 'template']> = [
      ['Hi {{ticket.requester.first_name}}, thanks', 'template'],
      ['Hi {%customer.firstName,fallback=there%}, thanks', 'template'],
      ['<p>Hi {%customer.firstName,fallback=there%}, thanks</p>', 'html'],
      ['<p>Hi {{contact.name}}, thanks</p>', 'html'],
      ['Hi {{first_name|fallback:"there"}}, thanks', 'template'],
      ['Hi {{ticket.requester.name}}, thanks', 'template'],
    ];
    for (const [text, format] of cases) {
      const { prose, placeholders } = extractProse(text, format);
      assert.equal(placeholders.length, 1, text);
      const [s, e] = placeholders[0];
      assert.match(text.slice(s, e), /^\{[{%].*[}%]\}$/, text);
      assert.match(prose, /Hi x+, thanks/, text);
    }
  });
});
