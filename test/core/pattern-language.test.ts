// The constructions the pattern language reaches, each written once: inflections (word~),
// bounded gaps (..N), free word order (< >), shared word classes (@list, {x:list}), captures
// that exclude us ({x!ours}), diacritics written once, and vetoes scoped to their pattern.
// Each rule here is written in the test, so the built-in rules' wording cannot move them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/core/lint';
import { parseRuleFile } from '../../src/core/rules';
import { parseLanguageFile } from '../../src/core/language-file';
import { RuleSet } from '../../src/core/rule-set';
import type { LanguageInfo } from '../../src/core/language';
import { RULES_DIR } from '../helpers';

function language(code: string, extraLists: Record<string, string[]> = {}): LanguageInfo {
  const file = path.join(RULES_DIR, code, '_language.yaml');
  const { language: info, problems } = parseLanguageFile({ file, text: fs.readFileSync(file, 'utf8'), code });
  if (!info) throw new Error(problems.map((p) => p.message).join('; '));
  return { ...info, lists: { ...info.lists, ...extraLists } };
}

function ruleSet(code: string, patterns: string, lists: Record<string, string[]> = {}) {
  const info = language(code, lists);
  const text = `severity: warning\nprinciple: p\nmessage: m\nwhy: w\npatterns:\n${patterns}\nexamples:\n  bad: [{ text: x }]\n  good: [y]\n`;
  const { rule, problems } = parseRuleFile({
    file: `/virtual/${code}/t.yaml`,
    text,
    language: code,
    knownLists: Object.keys(info.lists ?? {}),
  });
  if (!rule) throw new Error(problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; '));
  return RuleSet.build([info], [rule], []);
}

const matches = (set: RuleSet, code: string, text: string) =>
  lint(text, { ruleSet: set, language: code, format: 'markdown' }).findings.map((f) => f.actual);

describe('pattern language', () => {
  it('word~ matches the inflections of a word (Snowball)', () => {
    const set = ruleSet('sv', '  - phrase: "du får kontakta~ banken"');
    assert.deepEqual(matches(set, 'sv', 'Du får kontaktar banken.'), ['Du får kontaktar banken']);
    assert.deepEqual(matches(set, 'sv', 'Du får kontakta banken.'), ['Du får kontakta banken']);
    assert.deepEqual(matches(set, 'sv', 'Du får ringa banken.'), []);
    const en = ruleSet('en', '  - phrase: "apologi~ for any frustration~"');
    assert.deepEqual(matches(en, 'en', 'Apologies for any frustrations.'), ['Apologies for any frustrations']);
  });

  it('word* works the same in a list of many prefixes (grouped by first letters) and of few', () => {
    const verbs = ['kontakt*', 'ring*', 'mejl*', 'skriv*', 'vänd*', 'hör*', 'kol*', 'kolla*'];
    const many = ruleSet('sv', '  - phrase: "du får @verbs banken"', { verbs });
    const few = ruleSet('sv', '  - phrase: "du får @verbs banken"', { verbs: verbs.slice(0, 2) });
    for (const verb of ['kontaktar', 'ringer', 'mejla', 'vänder dig till', 'kollar', 'kopiera']) {
      const text = `Du får ${verb} banken.`;
      const want = verb.includes(' ') || verb === 'kopiera' ? [] : [`Du får ${verb} banken`];
      assert.deepEqual(matches(many, 'sv', text), want, text);
    }
    assert.deepEqual(matches(few, 'sv', 'Du får ringer banken.'), ['Du får ringer banken']);
    assert.deepEqual(matches(few, 'sv', 'Du får mejla banken.'), []);
  });

  it('spellings: a word written one way matches the other (cant, cannot, can’t)', () => {
    const set = ruleSet('en', '  - phrase: "we can\'t refund"');
    for (const text of ['We cant refund it.', 'We cannot refund it.', 'We can’t refund it.', "We can't refund it."])
      assert.equal(matches(set, 'en', text).length, 1, text);
    assert.deepEqual(matches(set, 'en', 'We can refund it.'), []);
    const written = ruleSet('en', '  - phrase: "we cannot refund"');
    assert.equal(matches(written, 'en', 'We cant refund it.').length, 1);
  });

  it('^ needs no space after it, and is refused inside a word', () => {
    const set = ruleSet('nl', '  - phrase: "^nee dat kan niet"');
    assert.deepEqual(matches(set, 'nl', 'Nee dat kan niet.'), ['Nee dat kan niet']);
    assert.deepEqual(matches(set, 'nl', 'Helaas, nee dat kan niet.'), []);
    assert.throws(() => ruleSet('nl', '  - phrase: "wij^ nee"'), /cannot stand inside a word/);
  });

  it('abbreviations: "kl. 12" does not end the sentence, "kl. Da" still does', () => {
    const set = ruleSet('nb', '  - phrase: "før kl ..2 ville"');
    assert.equal(matches(set, 'nb', 'Hvis du hadde bestilt før kl. 12, ville pakken kommet.').length, 1);
    assert.deepEqual(matches(set, 'nb', 'Vi stenger før kl. Ville du noe mer?'), []);
  });

  it('..N spans up to N words, and never crosses a sentence', () => {
    const set = ruleSet('en', '  - phrase: "you ..2 need to call"');
    assert.deepEqual(matches(set, 'en', 'You will need to call them.'), ['You will need to call']);
    assert.deepEqual(matches(set, 'en', 'You really will need to call them.'), ['You really will need to call']);
    assert.deepEqual(matches(set, 'en', 'You honestly really will need to call them.'), []);
    assert.deepEqual(matches(set, 'en', 'Thank you. Need to call?'), []);
  });

  it('< > lets the parts change places (V2 inversion, Dutch verb-final)', () => {
    const sv = ruleSet('sv', '  - phrase: "<kan vi> inte"');
    assert.deepEqual(matches(sv, 'sv', 'Tyvärr kan vi inte hjälpa dig.'), ['kan vi inte']);
    assert.deepEqual(matches(sv, 'sv', 'Vi kan inte hjälpa dig.'), ['Vi kan inte']);
    const nl = ruleSet('nl', '  - phrase: "<niet kunnen> leveren"');
    assert.deepEqual(matches(nl, 'nl', 'omdat we het niet kunnen leveren'), ['niet kunnen leveren']);
  });

  it('@list is a word class defined once; entries are patterns themselves', () => {
    const set = ruleSet('en', '  - phrase: "please @contact @third"', {
      contact: ['contact~', 'reach out to', 'get in touch with'],
      third: ['[your|the] bank', 'the courier'],
    });
    assert.deepEqual(matches(set, 'en', 'Please contacting the bank.'), ['Please contacting the bank']);
    assert.deepEqual(matches(set, 'en', 'Please reach out to the courier.'), ['Please reach out to the courier']);
    assert.deepEqual(matches(set, 'en', 'Please reach out to us.'), []);
  });

  it('{x!ours} captures anyone but us', () => {
    const set = ruleSet('en', '  - phrase: "please contact {party!ours}"\n    fix: "I\'ll contact {party} for you"');
    assert.deepEqual(matches(set, 'en', 'Please contact us here.'), []);
    assert.deepEqual(matches(set, 'en', 'Please contact our team.'), []);
    assert.deepEqual(matches(set, 'en', 'Please contact the seller.'), ['Please contact the seller']);
  });

  it('a capture stops at punctuation', () => {
    const set = ruleSet('en', '  - phrase: "contact {party}"\n    fix: "I\'ll contact {party}"');
    const f = lint('Contact your courier, sorry about that.', {
      ruleSet: set,
      language: 'en',
      format: 'markdown',
    }).findings;
    assert.deepEqual(
      f.map((x) => x.captures.party),
      ['your courier'],
    );
  });

  it('Romanian written without diacritics matches a pattern written with them', () => {
    const set = ruleSet('ro', '  - phrase: "vă rugăm să contactați~ curierul"');
    assert.equal(matches(set, 'ro', 'Va rugam sa contactati curierul.').length, 1);
    assert.equal(matches(set, 'ro', 'Vă rugăm să contactați curierul.').length, 1);
  });

  it('an unless under a pattern vetoes only that pattern', () => {
    const patterns = [
      '  - phrase: "try again"',
      '    unless: ["try again at a later time"]',
      '  - phrase: "at some point"',
    ].join('\n');
    const set = ruleSet('en', patterns);
    assert.deepEqual(matches(set, 'en', 'Please try again at a later time.'), []);
    assert.deepEqual(matches(set, 'en', "We'll try again at some point."), ['try again', 'at some point']);
  });

  it('a million phrasings still make a small trie: alternatives join again', () => {
    // 2^20 phrasings; written with 41 words, so at most 8 nodes a word.
    const set = ruleSet('en', `  - phrase: "${'[so|very] '.repeat(20)}sorry"`);
    const trie = (set.compiled('en', {})!.matcher as unknown as { trie: { root: object } }).trie;
    const seen = new Set<object>();
    const count = (node: Record<string, unknown>) => {
      if (seen.has(node)) return;
      seen.add(node);
      const children = [...((node.words as Map<string, object>)?.values() ?? []), ...((node.joins as object[]) ?? [])];
      for (const child of children) count(child as Record<string, unknown>);
    };
    count(trie.root as Record<string, unknown>);
    assert.ok(seen.size <= 8 * 41 + 1, `${seen.size} trie nodes`);
    assert.deepEqual(matches(set, 'en', `We are ${'so '.repeat(19)}very sorry.`), [`${'so '.repeat(19)}very sorry`]);
  });

  it('alternatives that fit the same words: each place is walked once', () => {
    // Each "so" can be taken by "_" or by "so": without that, 2^24 paths to the same places.
    const set = ruleSet('en', `  - phrase: "${'[_|so] '.repeat(24)}sorry"`);
    const text = `We are ${'so '.repeat(24)}sorry about this.`;
    assert.deepEqual(matches(set, 'en', text), [`${'so '.repeat(24)}sorry`]);
  });

  it('refuses patterns that would blow up, with the place', () => {
    const info = language('en');
    const bad = (phrase: string) => {
      const text = `severity: warning\nprinciple: p\nmessage: m\nwhy: w\npatterns:\n  - phrase: ${JSON.stringify(phrase)}\nexamples:\n  bad: [{ text: x }]\n  good: [y]\n`;
      return parseRuleFile({ file: '/v/en/t.yaml', text, language: 'en', knownLists: Object.keys(info.lists ?? {}) })
        .problems;
    };
    assert.match(bad('('.repeat(40) + 'x' + ')'.repeat(40))[0].message, /nested/);
    assert.match(bad('<a b c d e>')[0].message, /at most 4/);
    assert.match(bad('.. word')[0].message, /may not start or end/);
    assert.match(bad('contact @nolist')[0].message, /"nolist" is not defined/);
    assert.equal(bad('contact @nolist')[0].line, 6);
  });
});
