// Issue 12's reproductions at the engine.open() level: each was a place where one front end
// assembled a document's decisions differently from another. A DocumentRun is resolved once,
// so the CLI, the report, the exports and the editor read the same answers from it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, FILE_TYPES, extractProse, fileType } from '../../src/core/index';
import { writeSnapshot } from '../../src/core/snapshot';
import { DocumentLinter } from '../../src/extension/document-linter';
import { ROOT, RULES_DIR, tempDir } from '../helpers';

const HANDOFF = "You'll need to contact your bank.\n";
const PACK = path.join(ROOT, 'docs', 'examples', 'team-pack');
const RULE = `severity: warning
principle: Say what you will do.
message: Team phrase.
why: Because.
patterns:
  - phrase: "PHRASE"
examples:
  bad: [{ text: "PHRASE here." }]
  good: ["Fine."]
`;

describe('engine.open(): one resolution per document', () => {
  it('1. a file the config ignores is ignored for the extension too (its document linter shows nothing)', () => {
    const dir = tempDir({ '.warmlyrc.yaml': 'ignore: ["drafts/**"]\n', 'drafts/a.md': HANDOFF, 'b.md': HANDOFF });
    const engine = new Engine({ builtinRulesDir: RULES_DIR });
    const drafts = path.join(dir, 'drafts', 'a.md');
    assert.equal(engine.open({ fileName: drafts, text: HANDOFF }).ignored, true);
    assert.equal(engine.open({ fileName: path.join(dir, 'b.md'), text: HANDOFF }).ignored, false);
    const linter = new DocumentLinter();
    const shown = linter.result({ key: 'a', version: 1, text: HANDOFF, fileName: drafts, format: 'markdown' }, engine);
    assert.equal(shown.ignored, true);
    assert.deepEqual(shown.findings, []);
    const other = linter.result(
      { key: 'b', version: 1, text: HANDOFF, fileName: path.join(dir, 'b.md'), format: 'markdown' },
      engine,
    );
    assert.ok(other.findings.length > 0);
  });

  it("2. a language that only the config's rules: bring is known to the document's run", () => {
    const dir = tempDir();
    fs.cpSync(PACK, dir, { recursive: true });
    const engine = new Engine({ builtinRulesDir: RULES_DIR, settings: { language: 'de' } });
    const run = engine.open({
      fileName: path.join(dir, 'replies', 'b.md'),
      text: 'Bitte beachten Sie, dass die Rücksendung kostenlos ist.\n',
    });
    assert.ok(run.ruleSet.languages.has('de'));
    assert.deepEqual(
      run.problems.filter((p) => p.file.startsWith(dir)),
      [],
    );
    const r = run.lint();
    assert.equal(r.language, 'de');
    assert.deepEqual(
      r.findings.map((f) => f.ruleId),
      ['no-cold-formality'],
    );
  });

  it('6. an edit to a rule in a nested folder makes the build snapshot stale', () => {
    const dir = tempDir();
    const rules = path.join(dir, 'rules');
    fs.mkdirSync(path.join(rules, 'en', 'extra'), { recursive: true });
    fs.copyFileSync(path.join(RULES_DIR, 'en', '_language.yaml'), path.join(rules, 'en', '_language.yaml'));
    const nested = path.join(rules, 'en', 'extra', 'team-phrase.yaml');
    fs.writeFileSync(nested, RULE.replaceAll('PHRASE', 'old phrase'));
    const snapshot = path.join(dir, 'rules.snapshot.json');
    assert.deepEqual(writeSnapshot(rules, snapshot).problems, []);
    fs.writeFileSync(nested, RULE.replaceAll('PHRASE', 'new phrase'));
    const engine = new Engine({
      builtinRulesDir: rules,
      builtinSnapshot: snapshot,
      settings: { useConfigFiles: false },
    });
    const ids = (text: string) =>
      engine
        .open({ text, language: 'en' })
        .lint()
        .findings.map((f) => f.ruleId);
    assert.deepEqual(ids('A new phrase here.'), ['team-phrase']);
    assert.deepEqual(ids('An old phrase here.'), []);
  });

  it('fix() reuses lint() as its first round and keeps the language it detected on the original text', () => {
    const engine = new Engine({ builtinRulesDir: RULES_DIR, settings: { useConfigFiles: false } });
    const run = engine.open({ fileName: 'reply.md', text: HANDOFF });
    const before = engine.counts.lint;
    const { language } = run.lint();
    run.lint();
    assert.equal(engine.counts.lint, before + 1, 'lint() is memoised');
    const fixed = run.fix();
    assert.equal(fixed.language, language);
    // One lint for each round after the first (the first is lint() itself).
    assert.equal(engine.counts.lint, before + 1 + fixed.rounds);
  });
});

describe('suppressionComment(): the format decides, and only where a comment is safe', () => {
  const engine = new Engine({ builtinRulesDir: RULES_DIR, settings: { useConfigFiles: false } });
  const comment = (fileName: string, format?: string) =>
    engine.open({ fileName, text: '', format }).suppressionComment('not-my-table');

  it('Liquid gets {% comment %}, never a Jinja {# #}', () => {
    assert.equal(comment('reply.liquid'), '{% comment %} warmly-disable-next-line not-my-table {% endcomment %}');
    assert.equal(comment('untitled', 'liquid'), '{% comment %} warmly-disable-next-line not-my-table {% endcomment %}');
  });

  it('each template dialect its own comment; plain text, unknown templates and exports none', () => {
    assert.equal(comment('a.md'), '<!-- warmly-disable-next-line not-my-table -->');
    assert.equal(comment('a.hbs'), '{{!-- warmly-disable-next-line not-my-table --}}');
    assert.equal(comment('a.mustache'), '{{! warmly-disable-next-line not-my-table }}');
    assert.equal(comment('a.njk'), '{# warmly-disable-next-line not-my-table #}');
    assert.equal(comment('a.tt'), '[%# warmly-disable-next-line not-my-table %]');
    assert.equal(comment('a.txt'), undefined);
    assert.equal(comment('a', 'template'), undefined);
    assert.equal(comment('macros.json'), undefined);
    assert.equal(comment('macros.csv'), undefined);
  });

  it('every comment the table writes is one the extractor reads as a suppression, and it silences the finding', () => {
    for (const type of FILE_TYPES.filter((t) => t.comment)) {
      const text = `${type.comment!('warmly-disable-next-line not-my-table')}\n${HANDOFF}`;
      const extracted = extractProse(text, type.source);
      assert.equal(extracted.directives.length, 1, type.id);
      assert.equal(fileType(type.id)?.id, type.id);
      const run = engine.open({ text, format: type.id, language: 'en' });
      assert.deepEqual(
        run.lint().findings.map((f) => f.ruleId),
        [],
        type.id,
      );
    }
  });
});
