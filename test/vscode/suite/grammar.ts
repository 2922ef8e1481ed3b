// The grammars, tokenized by the same TextMate engine and Oniguruma build that this VS Code uses
// (loaded from its install), together with VS Code's own Markdown and HTML grammars: the
// reply-template language and the placeholder injection must colour exactly the placeholders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionRoot } from './helpers';

// A computed path, so the bundler leaves these to VS Code's own node_modules at run time.
// biome-ignore lint/suspicious/noExplicitAny: vscode-textmate and vscode-oniguruma come untyped from VS Code's own install
const load = (name: string): any => require(path.join(vscode.env.appRoot, 'node_modules', name));

const PLACEHOLDER = /meta\.embedded\.(placeholder|tag)/;

describe('grammars', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the untyped vscode-textmate registry
  let registry: any;
  // biome-ignore lint/suspicious/noExplicitAny: the untyped vscode-textmate module
  let textmate: any;

  before(async () => {
    textmate = load('vscode-textmate');
    const oniguruma = load('vscode-oniguruma');
    await oniguruma.loadWASM(
      fs.readFileSync(path.join(vscode.env.appRoot, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer,
    );
    const root = extensionRoot();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const ours: { scopeName: string; path: string; injectTo?: string[] }[] = pkg.contributes.grammars;
    const builtin: Record<string, string> = {
      'text.html.markdown': 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json',
      'text.html.basic': 'extensions/html/syntaxes/html.tmLanguage.json',
    };
    registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scope: string) => {
        const mine = ours.find((g) => g.scopeName === scope);
        const file = mine
          ? path.join(root, mine.path)
          : builtin[scope]
            ? path.join(vscode.env.appRoot, builtin[scope])
            : undefined;
        return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      // As VS Code does: package.json's injectTo decides where the injection applies.
      getInjections: (scope: string) => ours.filter((g) => g.injectTo?.includes(scope)).map((g) => g.scopeName),
    });
  });

  /** Each token's text with whether it is coloured as a placeholder. */
  async function tokens(
    scope: string,
    lines: string[],
  ): Promise<{ text: string; placeholder: boolean; scopes: string[] }[][]> {
    const grammar = await registry.loadGrammar(scope);
    assert.ok(grammar, `grammar ${scope}`);
    let state = textmate.INITIAL;
    return lines.map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      // biome-ignore lint/suspicious/noExplicitAny: a vscode-textmate token
      return result.tokens.map((t: any) => ({
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
        placeholder: t.scopes.some((s: string) => PLACEHOLDER.test(s)),
      }));
    });
  }

  const placeholders = (line: { text: string; placeholder: boolean }[]) =>
    line
      .filter((t) => t.placeholder)
      .map((t) => t.text)
      .join('');
  const prose = (line: { text: string; placeholder: boolean }[]) =>
    line
      .filter((t) => !t.placeholder)
      .map((t) => t.text)
      .join('');

  it('reply templates: {{ }}, {% %}, [% %] and Help Scout placeholders are placeholders, the words around them are not', async () => {
    const [line] = await tokens('text.reply-template', [
      'Hi {{ first_name }}, {% if vip %}welcome back{% endif %} [% agent.name %] {%customer.firstName,fallback=there%}!',
    ]);
    assert.equal(
      placeholders(line),
      '{{ first_name }}{% if vip %}{% endif %}[% agent.name %]{%customer.firstName,fallback=there%}',
    );
    assert.equal(prose(line), 'Hi , welcome back  !');
    assert.ok(line.some((t) => t.text === 'if' && t.scopes.some((s) => s.startsWith('keyword.control'))));
    assert.ok(
      line.some((t) => t.text === 'first_name' && t.scopes.some((s) => s.startsWith('variable.other.placeholder'))),
    );
  });

  it('reply templates: comments, suppression directives and quoted customer text', async () => {
    const [comment, quote] = await tokens('text.reply-template', [
      '{# warmly-disable-next-line not-my-table #}',
      '> You said {{ bank }} told you to call us.',
    ]);
    assert.ok(comment.every((t) => t.scopes.some((s) => s.startsWith('comment.block'))));
    assert.ok(
      comment.some(
        (t) => t.text === 'warmly-disable-next-line' && t.scopes.includes('keyword.control.directive.warmly'),
      ),
    );
    assert.ok(quote.every((t) => t.scopes.some((s) => s.startsWith('markup.quote'))));
    assert.equal(placeholders(quote), '{{ bank }}');
  });

  it('Markdown: placeholders in prose are highlighted, but not inside code', async () => {
    const lines = await tokens('text.html.markdown', [
      'Hi {{ first_name }}, your refund is on its way.',
      '',
      '```',
      '{{ not_a_placeholder }}',
      '```',
      '',
      'Inline `{{ code }}` stays code.',
    ]);
    assert.equal(placeholders(lines[0]), '{{ first_name }}');
    assert.equal(placeholders(lines[3]), '', 'fenced code is not prose');
    assert.equal(placeholders(lines[6]), '', 'inline code is not prose');
  });

  it('HTML: placeholders in text are highlighted', async () => {
    const [line] = await tokens('text.html.basic', ['<p>Hi {{ first_name }}, [% agent %] here.</p>']);
    assert.equal(placeholders(line), '{{ first_name }}[% agent %]');
  });
});
