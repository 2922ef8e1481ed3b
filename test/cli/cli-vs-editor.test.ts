// The same documents through the CLI and through the extension's document linter (its core,
// without vscode: the format from the VS Code language id, the engine settings the extension
// gives): the findings must be identical, as the JSON formatter prints them, and a file
// the config ignores must be left out by both.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatJson } from '../../src/cli/formatters/json';
import { runCli } from '../../src/cli/run-cli';
import { Engine, formatForLanguageId } from '../../src/core/index';
import { DocumentLinter } from '../../src/extension/document-linter';
import { RULES_DIR, tempDir } from '../helpers';

const COLD =
  "Please be advised that you'll need to contact {{ bank }}. We can't refund it. Kindly note that it shipped.";
const DOCUMENTS: Record<string, { languageId: string; text: string }> = {
  'reply.md': {
    languageId: 'markdown',
    text: `Hi {{ name }},\n\n${COLD}\n\n> You'll need to contact the bank, they said.\n`,
  },
  'reply.html': {
    languageId: 'html',
    text: `<p>Hi {{ name }},</p>\n<p>${COLD}</p>\n<blockquote>Kindly note that.</blockquote>\n`,
  },
  'reply.hbs': {
    languageId: 'handlebars',
    text: `{{!-- warmly-disable-next-line no-cold-formality --}}\n${COLD}\n${COLD}\n`,
  },
  'reply.liquid': {
    languageId: 'liquid',
    text: `{% if x %}${COLD}{% endif %}\n{% comment %} warmly-disable-next-line not-my-table {% endcomment %}\n${COLD}`,
  },
  'reply.txt': { languageId: 'plaintext', text: `${COLD}\n<!-- not a comment in plain text? -->\n` },
  'reply.njk': { languageId: 'nunjucks', text: `{# note #}${COLD}\n` },
  'reply.reply': { languageId: 'reply-template', text: `{{ greeting }}, ${COLD}\n` },
  'sv/svar.md': { languageId: 'markdown', text: 'Du måste kontakta banken. Vi kan tyvärr inte hjälpa dig.\n' },
  'drafts/ignored.md': { languageId: 'markdown', text: `${COLD}\n` },
};
const CONFIG =
  'ignore: ["drafts/**"]\nseverity: { no-cold-formality: error }\n' +
  'overrides:\n  - files: ["*.txt"]\n    disable: [not-my-table]\n';

describe('the CLI and the editor see the same findings', () => {
  it('for every template type, with a config that ignores, overrides and changes severity', async () => {
    const dir = tempDir({
      '.warmlyrc.yaml': CONFIG,
      ...Object.fromEntries(Object.entries(DOCUMENTS).map(([name, d]) => [name, d.text])),
    });
    let out = '';
    const code = await runCli({
      argv: ['--format', 'json', '.'],
      cwd: dir,
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: {},
    });
    assert.equal(code, 1, 'error-level findings');
    const cli = new Map(
      (JSON.parse(out) as Array<{ filePath: string; language: string; messages: unknown[] }>).map((r) => [
        path.relative(dir, r.filePath),
        r,
      ]),
    );

    // What the extension does: its engine settings (settings.ts), the format from the language id.
    const engine = new Engine({
      builtinRulesDir: RULES_DIR,
      trusted: true,
      settings: { language: 'auto', disable: [], severity: {}, rules: [] },
    });
    const linter = new DocumentLinter();
    let compared = 0;
    for (const [name, d] of Object.entries(DOCUMENTS)) {
      const fileName = path.join(dir, name);
      const shown = linter.result(
        { key: fileName, version: 1, text: d.text, fileName, format: formatForLanguageId(d.languageId) },
        engine,
      );
      const printed = cli.get(name);
      if (name.startsWith('drafts/')) {
        assert.equal(printed, undefined, 'the CLI skips the ignored file');
        assert.equal(shown.ignored, true);
        assert.deepEqual(shown.findings, []);
        continue;
      }
      assert.ok(printed, `${name} linted by the CLI`);
      const asPrinted = JSON.parse(
        formatJson([{ filePath: fileName, language: shown.language, findings: shown.findings }]),
      );
      assert.deepEqual(asPrinted, [printed], name);
      compared += shown.findings.length;
    }
    assert.ok(compared >= 15, `enough findings compared (${compared})`);
  });
});
