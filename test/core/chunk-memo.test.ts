// The paragraph memo editors use (EngineOptions.incremental): after any edit, an incremental
// engine must report exactly what a fresh engine reports, while parsing only what changed.
import * as assert from 'node:assert/strict';
import { ChunkMemo } from '../../src/core/chunk-memo';
import { Engine } from '../../src/core/index';
import { RULES_DIR } from '../helpers';

const PARAGRAPHS = [
  'Hi {{ name }},',
  'Please be advised that you will need to contact your bank about the refund.',
  'The delay was due to circumstances beyond our control, and our system is working as intended.',
  'We will get back to you soon. Sorry for any inconvenience caused.',
  'Thanks for writing in! I have already asked the warehouse to send a new parcel today.',
  'Kind regards,\nSam',
];
const TEXT = PARAGRAPHS.join('\n\n');

// A small deterministic generator, so a failure can be replayed.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

const shape = (engine: Engine, text: string) =>
  engine
    .open({ text, fileName: '/virtual/reply.md' })
    .lint()
    .findings.map(
      (f) => `${f.ruleId} ${f.start}-${f.end} ${f.actual} | ${f.suggestions.map((s) => s.text).join(' / ')}`,
    );

describe('paragraph memo (incremental engines)', () => {
  const fresh = () => new Engine({ builtinRulesDir: RULES_DIR, settings: { useConfigFiles: false } });

  it('gives the same findings as a fresh engine after each of 150 random edits', () => {
    const incremental = new Engine({
      builtinRulesDir: RULES_DIR,
      settings: { useConfigFiles: false },
      incremental: true,
    });
    const plain = fresh();
    const rand = prng(42);
    let text = TEXT;
    const inserts = ['e', ' ', '\n\n', 'contact your bank. ', '{{ x }}', '.', ''];
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(rand() * (text.length + 1));
      const cut = rand() < 0.3 ? Math.floor(rand() * 12) : 0;
      text = text.slice(0, at) + inserts[Math.floor(rand() * inserts.length)] + text.slice(at + cut);
      assert.deepEqual(shape(incremental, text), shape(plain, text), `after edit ${i + 1}: ${JSON.stringify(text)}`);
    }
    assert.ok(incremental.memo && incremental.memo.counts.hits > 150, 'the memo answered most paragraphs');
  });

  it('re-reads only the paragraph a change touched', () => {
    const engine = new Engine({ builtinRulesDir: RULES_DIR, settings: { useConfigFiles: false }, incremental: true });
    const first = shape(engine, TEXT);
    const memo = engine.memo!;
    const misses = memo.counts.misses;
    const edited = TEXT.replace('about the refund', 'about the refunds');
    const second = shape(engine, edited);
    assert.equal(memo.counts.misses - misses, 1, 'one paragraph parsed again');
    assert.equal(second.length, first.length);
    // Findings after the edit moved by the one letter added.
    const last = (f: string[]) => Number(/ (\d+)-/.exec(f[f.length - 1])![1]);
    assert.equal(last(second), last(first) + 1);
  });

  it('never reuses a paragraph across rule sets: a disabled rule stays disabled', () => {
    const memo = new ChunkMemo();
    const computed: string[] = [];
    const a = {};
    const b = {};
    const note = (what: string) => () => {
      computed.push(what);
      return { tokens: [], matches: [] };
    };
    memo.get(a, 'p', note('a'));
    memo.get(b, 'p', note('b'));
    memo.get(a, 'p', note('a again'));
    assert.deepEqual(computed, ['a', 'b']);
    const engine = new Engine({ builtinRulesDir: RULES_DIR, settings: { useConfigFiles: false }, incremental: true });
    assert.ok(shape(engine, TEXT).some((f) => f.startsWith('not-my-table')));
    engine.reload({ useConfigFiles: false, disable: ['not-my-table'] });
    assert.ok(!shape(engine, TEXT).some((f) => f.startsWith('not-my-table')));
  });

  it('keeps at most its limit, dropping the least recently used first', () => {
    const memo = new ChunkMemo(2);
    const rules = {};
    const computed: string[] = [];
    const get = (key: string) =>
      memo.get(rules, key, () => {
        computed.push(key);
        return { tokens: [], matches: [] };
      });
    get('x');
    get('y');
    get('x');
    get('z'); // drops y, the least recently used
    get('x');
    get('y');
    assert.deepEqual(computed, ['x', 'y', 'z', 'y']);
  });
});
