// No built-in rule flags a sentence on one word with no frame: "sorry", "unfortunately" or
// "policy" alone say nothing cold; it is who is asked to act, and how, that makes a finding.
import assert from 'node:assert/strict';
import { lint } from '../../src/core/lint';
import { builtinRules } from '../../scripts/builtin-rules';

const { ruleSet } = builtinRules();
const BARE: Record<string, string[]> = {
  en: [
    'Sorry.',
    'Unfortunately.',
    'Policy.',
    'Sorry!',
    'Unfortunately, yes.',
    'Our policy.',
    'Apologies.',
    'The courier.',
  ],
  nl: ['Sorry.', 'Helaas.', 'Beleid.', 'Excuses.', 'Helaas wel.', 'De bezorger.'],
  sv: ['Förlåt.', 'Tyvärr.', 'Policy.', 'Ursäkta.', 'Tyvärr ja.', 'Budfirman.'],
  nb: ['Beklager.', 'Dessverre.', 'Retningslinjer.', 'Unnskyld.', 'Dessverre ja.', 'Posten.'],
  ro: ['Scuze.', 'Din păcate.', 'Politica.', 'Ne pare rău.', 'Din pacate, da.', 'Curierul.'],
};

describe('no rule flags a bare word', () => {
  for (const [lang, texts] of Object.entries(BARE)) {
    for (const text of texts) {
      it(`${lang}: "${text}"`, () => {
        const found = lint(text, { ruleSet, language: lang, format: 'markdown' }).findings;
        assert.deepEqual(
          found.map((f) => `${f.ruleId}: ${f.pattern}`),
          [],
        );
      });
    }
  }
});
