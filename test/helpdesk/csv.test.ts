// The position-keeping CSV scanner must read every file exactly as csv-parse does, and each
// field's recorded span must hold that field's raw text.
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { encodeCsvField, scanCsv, CsvError } from '../../src/core/helpdesk/index';
import { fixture, FILES } from './fixtures';

const values = (src: string) => scanCsv(src).map((r) => r.fields.map((f) => f.value));
const oracle = (src: string) =>
  parse(src, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];

// Raw text of a field as it would be re-read: unquote and undouble quotes.
const reread = (src: string, f: { rawStart: number; rawEnd: number; quoted: boolean }) => {
  const raw = src.slice(f.rawStart, f.rawEnd);
  return f.quoted ? raw.replace(/""/g, '"') : raw;
};

describe('scanCsv', () => {
  it('reads the fixture export as csv-parse does, with CRLF rows and a multi-line quoted field', () => {
    const { text } = fixture(FILES.csv);
    assert.deepEqual(values(text), oracle(text));
    const rec = scanCsv(text);
    assert.equal(rec[1].fields[3].quoted, true);
    assert.match(rec[1].fields[3].value, /\r\n\r\nWe apologise/);
    assert.equal(rec[2].line, 5, 'a record after a three-line field starts on line 5');
    assert.equal(rec[3].fields[3].quoted, false);
  });

  it('agrees with csv-parse on generated files, and every span re-reads to its value', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r\n', 'é', '😀', "'", '{', '}') });
    const quoteAll = fc.boolean();
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        quoteAll,
        fc.constantFrom('\n', '\r\n'),
        (rows, all, eol) => {
          // csv-parse skips lines that are empty; keep rows that are not a lone empty field.
          const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          const src =
            kept
              .map((r) => r.map((v) => (all || v === '' ? `"${v.replace(/"/g, '""')}"` : encodeCsvField(v))).join(','))
              .join(eol) + eol;
          const got = scanCsv(src);
          assert.deepEqual(
            got.map((r) => r.fields.map((f) => f.value)),
            oracle(src),
          );
          for (const r of got)
            for (const f of r.fields) {
              assert.equal(reread(src, f), f.value);
              assert.equal(f.offsets.length, f.value.length + 1);
              for (let i = 0; i < f.value.length; i++) assert.equal(src[f.offsets[i]], f.value[i]);
            }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a quoted field that never closes, naming the line', () => {
    assert.throws(
      () => scanCsv('id,text\n1,"open\nstill open'),
      (e: unknown) => e instanceof CsvError && /line 2/.test(e.message),
    );
  });

  it('quotes a value only when it must', () => {
    assert.equal(encodeCsvField('plain words'), 'plain words');
    assert.equal(encodeCsvField('Thanks, Sam'), '"Thanks, Sam"');
    assert.equal(encodeCsvField('the "Gift" option'), '"the ""Gift"" option"');
  });
});
