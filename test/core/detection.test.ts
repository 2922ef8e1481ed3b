// Detection on one-sentence replies made of words several languages share ("din", "de", "is"):
// the letter trigrams learnt from the rule examples tell them apart where word lists cannot.
import assert from 'node:assert/strict';
import { builtinRules } from '../../scripts/builtin-rules';

const { ruleSet } = builtinRules();
const SHORT: Array<[string, string]> = [
  ['Kolla gärna din inkorg igen.', 'sv'],
  ['Sjekk innboksen din en gang til.', 'nb'],
  ['Hopelijk is de storing vanavond verholpen.', 'nl'],
  ['Din comanda a plecat azi din depozit.', 'ro'],
  ['Hopefully the outage is fixed by tonight.', 'en'],
  ['Vi har skickat ett nytt lösenord till dig.', 'sv'],
  ['Vi har sendt deg et nytt passord.', 'nb'],
  ['Am trimis deja un colet nou.', 'ro'],
];

describe('language detection on one-sentence replies', () => {
  for (const [text, lang] of SHORT)
    it(`${lang}: ${text}`, () => assert.equal(ruleSet.detector.detect(text).code, lang));

  it('a text with no letters names no language', () => {
    assert.equal(ruleSet.detector.detect('12:30 — 👍').code, undefined);
  });
});
