// Findings inside an export point at the exact bytes in the file, and --fix changes only the
// reply texts it rewrites: the rest of the file stays byte-identical.
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { detectExport, type ExportFinding, type ReplyResult } from '../../src/core/helpdesk/index';
import { engine, fixture, FILES } from './fixtures';

// The decoded text of a file range: a JSON string fragment, or a CSV fragment.
function decodeRange(text: string, f: ExportFinding, csv: boolean): string {
  const raw = text.slice(f.start, f.end);
  return csv ? raw.replace(/""/g, '"') : (JSON.parse(`"${raw}"`) as string);
}

// Line and column counted by hand, to check the ones the finding carries.
function lineCol(text: string, offset: number) {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const e = engine();

describe('lintExport', () => {
  for (const [kind, name] of Object.entries(FILES)) {
    it(`${kind}: every finding's file range, line and column hold its text, and its place inside the reply too`, () => {
      const { file, text } = fixture(name);
      const r = e.openExport({ fileName: file, text }).lint();
      assert.equal(r.kind, 'export');
      if (r.kind !== 'export') return;
      assert.ok(r.findings.length >= 2, `${name} has cold phrases: ${r.findings.length}`);
      for (const f of r.findings) {
        assert.equal(decodeRange(text, f, kind === 'csv'), f.actual);
        assert.deepEqual(lineCol(text, f.start), { line: f.line, column: f.column });
        assert.deepEqual(lineCol(text, f.end), { line: f.endLine, column: f.endColumn });
        const reply: ReplyResult = r.replies.find(
          (x: ReplyResult) => JSON.stringify(x.reply.location) === JSON.stringify(f.location),
        )!;
        const lines: string[] = reply.reply.text.split(/\r\n|\r|\n/);
        assert.equal(
          lines[f.inReply.line - 1].slice(f.inReply.column - 1, f.inReply.column - 1 + f.actual.length),
          f.actual.split(/\r\n|\r|\n/)[0],
        );
      }
    });
  }

  it('Zendesk: the cold phrases are found where the writer put them, \\u2019 and all', () => {
    const { file, text } = fixture(FILES.zendesk);
    const r = e.openExport({ fileName: file, text }).lint();
    if (r.kind !== 'export') throw new Error(r.reason);
    const handoff = r.findings.find((f) => f.ruleId === 'not-my-table')!;
    assert.deepEqual(handoff.location, { pointer: '/macros/0/actions/1/value' });
    assert.equal(handoff.actual, 'you\u2019ll need to contact your bank');
    assert.equal(text.slice(handoff.start, handoff.end), 'you\\u2019ll need to contact your bank');
    assert.deepEqual({ line: handoff.inReply.line, column: handoff.inReply.column }, { line: 4, column: 33 });
    assert.equal(handoff.title, 'Refunds::Card refund delayed');
    const apology = r.findings.find((f) => f.ruleId === 'sincere-apology')!;
    assert.deepEqual(apology.location, { pointer: '/macros/1/actions/1/value' });
    // The warm macro has nothing to say about it.
    assert.ok(!r.findings.some((f) => 'pointer' in f.location && f.location.pointer.startsWith('/macros/2/')));
  });

  it('CSV: findings carry the spreadsheet row and column name', () => {
    const { file, text } = fixture(FILES.csv);
    const r = e.openExport({ fileName: file, text }).lint();
    if (r.kind !== 'export') throw new Error(r.reason);
    assert.deepEqual(r.findings.find((f) => f.ruleId === 'not-my-table')?.location, { row: 3, column: 'body' });
    assert.ok(
      r.replies.some((x) => x.language === 'sv'),
      'the Swedish row is linted as Swedish',
    );
  });
});

describe('fixExport', () => {
  for (const [kind, name] of Object.entries(FILES)) {
    it(`${kind}: rewrites only the reply texts, re-escaped, and a second run changes nothing`, () => {
      const { file, text } = fixture(name);
      const fixed = e.openExport({ fileName: file, text }).fix();
      if (!('output' in fixed)) throw new Error(fixed.reason);
      assert.ok(fixed.applied >= 1);
      assert.notEqual(fixed.output, text);
      assert.deepEqual(fixed.unsettled, []);
      const before = detectExport(text, file);
      const after = detectExport(fixed.output, file);
      if (before.kind !== 'export' || after.kind !== 'export') throw new Error('not an export');
      assert.equal(after.replies.length, before.replies.length);
      // Outside the reply spans, the bytes are the same.
      const outside = (src: string, d: typeof before) => {
        let out = '';
        let at = 0;
        for (const r of [...d.replies].sort((a, b) => a.rawStart - b.rawStart)) {
          out += src.slice(at, r.rawStart) + '\u0000';
          at = r.rawEnd;
        }
        return out + src.slice(at);
      };
      // A bare CSV field may gain quotes; compare values for CSV, bytes for JSON.
      if (kind === 'csv') {
        const a = parse(text, { relax_column_count: true }) as string[][];
        const b = parse(fixed.output, { relax_column_count: true }) as string[][];
        assert.deepEqual(
          b.map((row) => row.slice(0, 3)),
          a.map((row) => row.slice(0, 3)),
        );
      } else {
        assert.equal(outside(fixed.output, after), outside(text, before));
        // Still valid JSON, and the same document apart from the reply strings.
        const strip = (src: string, d: typeof before) => JSON.parse(outside(src, d).replace(/\u0000/g, ''));
        assert.deepEqual(strip(fixed.output, after), strip(text, before));
      }
      // The fixed replies have nothing left that a rewrite could change.
      const again = e.openExport({ fileName: file, text: fixed.output }).lint();
      if (again.kind !== 'export') throw new Error('not an export');
      assert.deepEqual(
        again.findings.filter((f) => f.suggestions.some((x) => x.kind === 'fix')).map((f) => f.actual),
        [],
      );
      const twice = e.openExport({ fileName: file, text: fixed.output }).fix();
      assert.equal('output' in twice && twice.output, fixed.output);
    });
  }

  it('keeps the escapes the file already had, and escapes what a rewrite brings', () => {
    const { file, text } = fixture(FILES.zendesk);
    const fixed = e.openExport({ fileName: file, text }).fix();
    if (!('output' in fixed)) throw new Error(fixed.reason);
    assert.match(fixed.output, /patience\. We issued the refund on/);
    // The hand-off is a suggestion (a promise only the writer can make): left as written, escapes and all.
    assert.match(fixed.output, /If it hasn\\u2019t arrived in 5 days, you\\u2019ll need to contact your bank\./);
    assert.match(fixed.output, /from the \\"Sign in\\" page/);
    const quoted = JSON.parse(fixed.output).macros[0].actions[1].value as string;
    assert.ok(quoted.startsWith('Hi {{ticket.requester.first_name}},\n\n'));
  });

  it('rewrites a bare CSV field in place, bare while the rewrite needs no quotes', () => {
    const src = 'id,text\r\n1,Please be advised that your refund was sent.\r\n2,Thanks!\r\n';
    const fixed = e.openExport({ fileName: 'x.csv', text: src }).fix();
    if (!('output' in fixed)) throw new Error(fixed.reason);
    assert.equal(fixed.output, 'id,text\r\n1,Your refund was sent.\r\n2,Thanks!\r\n');
  });
});
