// The hand-labelled replies in test/labelled/<lang>.yaml (written for this project) as a
// regression guard: each language keeps its detection and its false-alarm rate, and language
// detection tells the five languages apart on these short replies.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Engine } from '../../src/core/index';
import { measure, type Labelled } from '../../scripts/measure-labelled';
import { ROOT, RULES_DIR } from '../helpers';

const LANGUAGES = ['en', 'nl', 'sv', 'nb', 'ro'];
const engine = new Engine({ builtinRulesDir: RULES_DIR });

describe('labelled replies', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: at least 60 replies, a third of them warm near misses; ≥ 85 % caught, ≤ 5 % of warm replies flagged`, () => {
      const s = measure(lang, engine);
      assert.ok(s.items >= 60, `${s.items} replies`);
      assert.ok(s.nearMisses * 3 >= s.items - 1, `${s.nearMisses} near misses of ${s.items}`);
      assert.ok(s.caught / s.expected >= 0.85, `detection ${s.caught}/${s.expected}:\n${s.misses.join('\n')}`);
      assert.ok(s.warmFlagged / s.warm <= 0.05, `warm flagged ${s.warmFlagged}/${s.warm}:\n${s.misses.join('\n')}`);
    });
  }

  it('language detection names the right language for ≥ 95 % of the labelled replies', () => {
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const lang of LANGUAGES) {
      const items = parse(fs.readFileSync(path.join(ROOT, 'test', 'labelled', `${lang}.yaml`), 'utf8')) as Labelled[];
      for (const item of items) {
        total++;
        const got = engine.open({ text: item.text }).lint().language;
        if (got === lang) right++;
        else wrong.push(`${lang}→${got}: ${item.text}`);
      }
    }
    assert.ok(right / total >= 0.95, `${right}/${total} right:\n${wrong.join('\n')}`);
  });
});
