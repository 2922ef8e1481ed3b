// Property tests: 10,000 generated documents (hostile Unicode, broken templates, markup, CR/LF
// mixes) through lint and fix. The nightly run (scripts/fuzz.ts) does 100,000.
import fc from 'fast-check';
import { Engine } from '../../src/core/index';
import { RULES_DIR } from '../helpers';
import { checkCase, documentArb, FILE_NAMES } from './properties';

export const PROPERTY_RUNS = Number(process.env.WARMLY_PROPERTY_RUNS ?? 10000);

describe('engine properties', function () {
  this.timeout(600000);
  const engine = new Engine({ builtinRulesDir: RULES_DIR });

  it(`${PROPERTY_RUNS} random documents: no throw, exact UTF-16 ranges, stable and safe fixes`, () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.constantFrom(...FILE_NAMES),
        fc.array(fc.nat(50), { maxLength: 8 }),
        (text, fileName, order) => {
          checkCase(engine, text, fileName, order);
        },
      ),
      { numRuns: PROPERTY_RUNS, seed: Number(process.env.WARMLY_PROPERTY_SEED ?? 20261127) },
    );
  });

  it('huge single lines and deep nesting do not hang or throw', () => {
    const line = "you'll need to contact the bank ".repeat(20000);
    checkCase(engine, line, 'reply.txt', []);
    checkCase(engine, '{{'.repeat(50000) + 'x' + '}}'.repeat(50000), 'reply.hbs', []);
    checkCase(engine, '> '.repeat(30000) + 'hi', 'reply.md', []);
    checkCase(engine, '<p>'.repeat(20000) + 'Please be advised that it is late.', 'reply.html', []);
  });
});
