// How often the expensive steps run, counted by the engine itself (engine.counts): settings are
// resolved once per document, a report lints each file at most twice (the lint, and the lint of
// the fixed text), and an export's --fix detects the export once and takes its findings from
// the fix instead of linting every reply again.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles } from '../../src/cli/collect-files';
import { lintFiles } from '../../src/cli/lint-files';
import { runReport } from '../../src/cli/report/run-report';
import { Engine } from '../../src/core/index';
import { fixture, FILES } from '../helpdesk/fixtures';
import { RULES_DIR, tempDir } from '../helpers';

const HANDOFF = "Hi {{ name }},\n\nYou'll need to contact {{ bank_name }} directly.\n";
const COLD = 'Please be advised that your order shipped.\n';
const WARM = 'Thanks for writing, I have sorted it.\n';
const RUN = { settings: {} };

// A rule set of its own, so the counts do not move with the wording of the built-in rules.
const RULES = tempDir({
  'en/_language.yaml': fs.readFileSync(path.join(RULES_DIR, 'en', '_language.yaml'), 'utf8'),
  'en/cold.yaml': `severity: warning
principle: Say it plainly.
message: Cold formality.
why: It keeps the customer at a distance.
patterns:
  - phrase: "please be advised that"
    fix: ""
  - phrase: "you'll need to contact {party}"
    fix: "I'll contact {party} for you"
examples:
  bad:
    - text: "Please be advised that it shipped."
      fixed: "It shipped."
    - text: "You'll need to contact the bank."
      fixed: "I'll contact the bank for you."
  good: ["It shipped."]
`,
});

function engine(): Engine {
  return new Engine({ builtinRulesDir: RULES });
}

const io = (cwd: string) => ({ argv: [], cwd, stdout: { write: () => true }, stderr: { write: () => true }, env: {} });

describe('engine counts', () => {
  it('a lint run resolves each document once and lints it once', async () => {
    const dir = tempDir({
      '.warmlyrc.yaml': 'severity: { cold: error }\n',
      'a.md': HANDOFF,
      'b.md': WARM,
      'sub/c.html': `<p>${COLD}</p>`,
    });
    const e = engine();
    const found = await collectFiles(dir, e, ['.'], RUN);
    const linted = lintFiles(e, found.files, { fix: false, run: RUN });
    assert.equal(linted.results.length, 3);
    assert.deepEqual(e.counts, { resolve: 3, lint: 3, detect: 0 });
  });

  it('--fix lints each file once per round, the first round being the lint itself', async () => {
    const dir = tempDir({ 'a.md': COLD, 'b.md': WARM });
    const e = engine();
    const found = await collectFiles(dir, e, ['.'], RUN);
    lintFiles(e, found.files, { fix: true, run: RUN });
    assert.equal(e.counts.resolve, 2);
    // a.md: its lint, then the lint of the fixed text; b.md: its lint only.
    assert.ok(e.counts.lint <= 3, `lint ran ${e.counts.lint} times`);
    assert.notEqual(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), COLD, 'a.md was fixed');
  });

  it('warmly report lints each file at most twice', async () => {
    const dir = tempDir({ 'a.md': COLD, 'b.md': WARM, 'c.md': HANDOFF });
    const e = engine();
    const code = await runReport({ io: io(dir), engine: e, paths: ['.'], out: 'report.html' });
    assert.equal(code, 0);
    assert.equal(e.counts.resolve, 3);
    assert.ok(e.counts.lint <= 6, `lint ran ${e.counts.lint} times for 3 files`);
  });

  it('an export --fix detects the export once and lints each reply once per round', async () => {
    const macro = (title: string, value: string) => ({ title, actions: [{ field: 'comment_value', value }] });
    const macros = [macro('One', COLD), macro('Two', `Hi,\n\n${COLD}`), macro('Three', WARM)];
    const text = JSON.stringify({ macros }, null, 2);
    const dir = tempDir({ [FILES.zendesk]: text });
    const e = engine();
    const found = await collectFiles(dir, e, ['.'], RUN);
    const linted = lintFiles(e, found.files, { fix: true, run: RUN });
    assert.equal(e.counts.detect, 1);
    assert.equal(e.counts.resolve, 1);
    const replies = found.files[0].run;
    assert.ok('replies' in replies);
    assert.ok(
      e.counts.lint <= 2 * replies.replies.length,
      `lint ran ${e.counts.lint} times for ${replies.replies.length} replies`,
    );
    // The findings it reports are those a fresh run finds in the fixed file.
    const fixedText = fs.readFileSync(path.join(dir, FILES.zendesk), 'utf8');
    assert.notEqual(fixedText, text);
    const fresh = engine()
      .openExport({ fileName: path.join(dir, FILES.zendesk), text: fixedText })
      .lint();
    assert.equal(fresh.kind, 'export');
    if (fresh.kind !== 'export') return;
    assert.deepEqual(linted.results[0].findings, fresh.findings);
  });

  it("an export fix's findings are a fresh run's, for every fixture (CSV fields that gain quotes included)", () => {
    let applied = 0;
    for (const name of Object.values(FILES)) {
      const { file, text } = fixture(name);
      const fixed = engine().openExport({ fileName: file, text }).fix();
      if (!('output' in fixed)) throw new Error(fixed.reason);
      applied += fixed.applied;
      assert.deepEqual(fixed.result, engine().openExport({ fileName: file, text: fixed.output }).lint(), name);
    }
    assert.ok(applied >= 5, `fixes were applied in the fixtures (${applied})`);
    const csv =
      'id,text\n1,"Please be advised that you need to contact your bank, today."\n' +
      '2,Please be advised that it shipped.\n';
    const fixed = engine().openExport({ fileName: 'x.csv', text: csv }).fix();
    if (!('output' in fixed)) throw new Error(fixed.reason);
    assert.deepEqual(fixed.result, engine().openExport({ fileName: 'x.csv', text: fixed.output }).lint());
  });
});
