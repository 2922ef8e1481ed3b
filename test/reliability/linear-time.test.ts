// Issue 15, item 11: linting time grows linearly with the input for the shapes that used to be
// quadratic (one huge word, a run of backticks, "<!--" or "![" repeated). Each case is timed at
// a size and at twice that size in the same run, and the ratio must stay near 2: a machine's
// speed cancels out, so the test holds on a slow CI box as on a fast laptop.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../src/core/index';
import { ruleSetOf } from '../helpers';

const ruleSet = ruleSetOf({
  'not-my-table':
    'patterns:\n  - phrase: "[you\'ll|you will] need to contact {party}"\n    fix: "I\'ll contact {party} for you"',
});
const MAX_RATIO = 2.5;
const SIZE = 64 * 1024;

/**
 * CPU milliseconds one lint of the text takes, over a batch lasting at least 40 ms of CPU time.
 * CPU time, not wall time: other work on a shared machine then barely moves the figure.
 */
function msPerRun(text: string, fileName: string): number {
  let runs = 0;
  const t0 = process.cpuUsage();
  let spent = 0;
  do {
    lint(text, { ruleSet, fileName, language: 'en' });
    runs++;
    const d = process.cpuUsage(t0);
    spent = (d.user + d.system) / 1000;
  } while (spent < 40);
  return spent / runs;
}

const grow = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

/**
 * Time at twice the size over time at the size. Both are timed in turns, four times, and the
 * best of each is kept; a garbage collection can still land on one side, so a ratio over the
 * limit is measured again, up to three times. A quadratic shape gives about 4 every time.
 */
function ratio(unit: string, fileName: string): number {
  const texts = [grow(unit, SIZE), grow(unit, 2 * SIZE)];
  let lowest = Infinity;
  for (let attempt = 0; attempt < 3 && lowest > MAX_RATIO; attempt++) {
    const best = [Infinity, Infinity];
    for (let round = 0; round < 4; round++)
      for (const i of [0, 1]) best[i] = Math.min(best[i], msPerRun(texts[i], fileName));
    lowest = Math.min(lowest, best[1] / best[0]);
  }
  return lowest;
}

export const SHAPES: Array<[string, string, string]> = [
  ['one long word', 'a', 'reply.md'],
  ['backticks', '`', 'reply.md'],
  ['unclosed comments', '<!--', 'reply.md'],
  ['unclosed images', '![', 'reply.md'],
  ['link targets', '](', 'reply.md'],
  ['emphasis markers', '**a', 'reply.md'],
  ['e-mail-like word', 'a.', 'reply.txt'],
  ['entities', '&ldquo;', 'reply.html'],
];

describe('linear time on pathological inputs (issue 15: 11)', function () {
  this.timeout(300000);

  for (const [name, unit, fileName] of SHAPES) {
    it(`${name}: twice the text takes at most ${MAX_RATIO}× the time`, () => {
      const r = ratio(unit, fileName);
      assert.ok(r <= MAX_RATIO, `${name}: doubling took ${r.toFixed(2)}× as long`);
    });
  }

  it(`any repeated fragment of markup: twice the text takes at most ${MAX_RATIO}× the time`, () => {
    const pieces = [
      '`',
      '~',
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '!',
      '<',
      '>',
      '!--',
      '-->',
      '&',
      ';',
      '#',
      '{{',
      '}}',
      '{%',
      '%}',
      '[%',
      '${',
      '@',
      '.',
      'a',
      ' ',
      '\n',
      '> ',
      'http://',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('reply.md', 'reply.html', 'reply.hbs', 'reply.txt'),
        (parts, fileName) => {
          const r = ratio(parts.join(''), fileName);
          if (r > MAX_RATIO)
            throw new Error(`${JSON.stringify(parts.join(''))} in ${fileName}: doubling took ${r.toFixed(2)}× as long`);
        },
      ),
      { numRuns: Number(process.env.WARMLY_LINEAR_RUNS ?? 12), seed: 15 },
    );
  });
});
