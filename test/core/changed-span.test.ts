// changedSpan: the one edit fix-all applies in VS Code and over LSP — only the differing middle.
import assert from 'node:assert/strict';
import { changedSpan } from '../../src/core/index';

const apply = (before: string, after: string) => {
  const span = changedSpan(before, after);
  return span ? before.slice(0, span.start) + span.text + before.slice(span.end) : before;
};

describe('changedSpan', () => {
  it('replaces only the middle that differs, and nothing when the texts are equal', () => {
    assert.deepEqual(changedSpan('Hi. You need to call. Bye.', 'Hi. I will call. Bye.'), {
      start: 4,
      end: 15,
      text: 'I will',
    });
    assert.equal(changedSpan('same', 'same'), undefined);
  });

  it('turns any text into any other, with repeats at the seams (aaa → aa, ab → abab)', () => {
    const texts = ['', 'a', 'aa', 'aaa', 'ab', 'abab', 'ba', 'xaay', 'xay', 'Hello world', 'Hello, world'];
    for (const a of texts)
      for (const b of texts) assert.equal(apply(a, b), b, `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  });
});
