// The language server as an editor sees it: `node dist/cli.js lsp --stdio` driven over JSON-RPC
// by a real protocol client. Findings must be the engine's own (same rules, same ranges).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  Hover,
  MarkupContent,
  SnippetTextEdit,
  TextDocumentEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { tempDir } from '../helpers';
import { CAPABILITIES, CLI, type Client, ensureBuilt, startClient, uriOf } from './client';
import { applyEdit, engine, readmeReplies } from './fixtures';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

describe('warmly lsp over JSON-RPC', function () {
  this.timeout(30000);
  let client: Client;
  let root: string;
  const { before: cold } = readmeReplies();

  before(async () => {
    ensureBuilt();
    root = tempDir();
    client = await startClient({ root });
  });
  after(async () => client?.stop());

  const open = async (name: string, text: string, languageId = 'markdown') => {
    const uri = uriOf(path.join(root, name));
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  };

  it('initialize announces code actions (with fix-all), hover and incremental sync', () => {
    const caps = client.initialized.capabilities;
    assert.equal(client.initialized.serverInfo?.name, 'warmly');
    assert.ok(caps.hoverProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      'quickfix',
      'source.fixAll.warmly',
    ]);
    assert.equal((caps.textDocumentSync as { change: number }).change, 2);
  });

  it('didOpen publishes the engine findings: rule id as code, a link to the rule, exact ranges', async () => {
    const uri = await open('reply.md', cold);
    const published = await client.diagnostics(uri);
    assert.equal(published.version, 1);
    const expected = engine()
      .open({ text: cold, fileName: path.join(root, 'reply.md') })
      .lint().findings;
    assert.ok(expected.length >= 4, 'the README reply is cold');
    assert.deepEqual(
      codes(published.diagnostics),
      expected.map((f) => f.ruleId),
    );
    const doc = TextDocument.create(uri, 'markdown', 1, cold);
    published.diagnostics.forEach((d, i) => {
      assert.equal(doc.getText(d.range), expected[i].actual);
      assert.equal(d.source, 'warmly');
      assert.equal(d.codeDescription?.href, expected[i].url);
    });
  });

  it('offers each rewrite and a disable-for-this-line comment; applying them does what they say', async () => {
    const uri = uriOf(path.join(root, 'reply.md'));
    const { diagnostics } = await client.diagnostics(uri);
    const handoff = diagnostics.find((d) => d.code === 'not-my-table')!;
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: handoff.range,
      context: { diagnostics: [handoff] },
    });
    const finding = engine()
      .open({ text: cold, fileName: path.join(root, 'reply.md') })
      .lint()
      .findings.find((f) => f.ruleId === 'not-my-table')!;
    const rewrites = actions.filter((a) => /^(Warmer|Suggestion): /.test(a.title));
    assert.deepEqual(
      rewrites.map((a) => a.title),
      finding.suggestions.map((s) => `${s.kind === 'fix' ? 'Warmer' : 'Suggestion'}: ${s.text}`),
    );
    assert.deepEqual(
      rewrites.map((a) => a.isPreferred),
      finding.suggestions.map((s) => s.kind === 'fix'),
      'only a fix is preferred',
    );
    assert.ok(rewrites.every((a) => a.diagnostics?.[0]?.code === 'not-my-table'));
    const first = finding.suggestions[0];
    assert.equal(
      applyEdit(cold, uri, rewrites[0].edit),
      cold.slice(0, first.start) + first.text + cold.slice(first.end),
    );
    assert.ok(actions.some((a) => a.title === 'Fix all Warmly findings'));
    const silence = actions.find((a) => a.title === 'Disable not-my-table for this line')!;
    const silenced = applyEdit(cold, uri, silence.edit);
    assert.equal(silenced, `<!-- warmly-disable-next-line not-my-table -->\n${cold}`);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: silenced }],
    });
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.ok(!codes(after.diagnostics).includes('not-my-table'));
    assert.ok(codes(after.diagnostics).includes('no-blame-shifting'), 'only that rule is silenced');
  });

  it('source.fixAll.warmly fixes the README reply as --fix does (the edit resolved on demand)', async () => {
    const uri = await open('fix-all.md', cold);
    await client.diagnostics(uri);
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Fix all Warmly findings', 'source.fixAll.warmly']],
    );
    assert.equal(actions[0].edit, undefined, 'the edit waits for codeAction/resolve');
    const resolved: CodeAction = await client.connection.sendRequest('codeAction/resolve', actions[0]);
    const fixed = engine()
      .open({ text: cold, fileName: path.join(root, 'fix-all.md') })
      .fix().output;
    assert.notEqual(fixed, cold);
    assert.equal(applyEdit(cold, uri, resolved.edit), fixed);
  });

  it("an unsaved buffer is read in its language id's format and comment syntax; plain text has none", async () => {
    const ask = async (uri: string, languageId: string) => {
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version: 1, text: 'Hi {{name}}, you will need to contact the seller.' },
      });
      const { diagnostics } = await client.diagnostics(uri);
      const handoff = diagnostics.find((d) => d.code === 'not-my-table');
      assert.ok(handoff, `${languageId}: ${JSON.stringify(codes(diagnostics))}`);
      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: handoff.range,
        context: { diagnostics: [handoff] },
      });
      return actions.find((a) => a.title === 'Disable not-my-table for this line');
    };
    const hbs = await ask('untitled:Untitled-1', 'handlebars');
    assert.equal(
      hbs?.edit?.changes?.['untitled:Untitled-1'][0].newText,
      '{{!-- warmly-disable-next-line not-my-table --}}\n',
    );
    assert.equal(await ask('untitled:Untitled-2', 'plaintext'), undefined, 'a comment would show in plain text');
  });

  it('hover gives the principle, why, and the rewrites', async () => {
    const uri = await open('hover.md', 'You will need to contact the seller.');
    const { diagnostics } = await client.diagnostics(uri);
    const handoff = diagnostics.find((d) => d.code === 'not-my-table')!;
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: handoff.range.start,
    });
    const value = (hover.contents as MarkupContent).value;
    const rule = engine().open({ text: 'You will need to contact the seller.', fileName: 'x.md' }).lint().findings[0];
    assert.match(value, /\*\*Warmly\*\* · \[not-my-table\]\(/);
    assert.ok(value.includes(rule.principle.replace(/[.,']/g, (c) => (c === '.' ? '\\.' : c))), value);
    assert.ok(value.includes('Warmer:'), value);
    assert.deepEqual(hover.range, handoff.range);
    const none = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 35 },
    });
    assert.equal(none, null);
  });

  it('a burst of changes is linted once, for the last version; stale versions are never published', async () => {
    const uri = await open('burst.md', 'Thanks for writing in.');
    await client.diagnostics(uri, (p) => p.version === 1);
    const versions: Array<[number, string]> = [
      [2, 'You will need to contact the seller.'],
      [3, 'Please be advised that your order ships on Monday.'],
      [4, 'We apologise for any inconvenience caused.'],
    ];
    for (const [version, text] of versions) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    }
    const last = await client.diagnostics(uri, (p) => p.version === 4);
    assert.deepEqual(codes(last.diagnostics), ['sincere-apology']);
    const seen = client.published.filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(seen, [1, 4], 'versions 2 and 3 were superseded before their lint');
    // A code action asked with the last version's range reads that version's findings.
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: last.diagnostics[0].range,
      context: { diagnostics: last.diagnostics },
    });
    const apology = engine().open({ text: versions[2][1], fileName: 'burst.md' }).lint().findings[0];
    assert.ok(
      actions.some((a) => a.title.endsWith(`: ${apology.suggestions[0].text}`)),
      JSON.stringify(actions.map((a) => a.title)),
    );
  });

  it('a lint that waited for settings while the document changed is dropped; the new version is published', async () => {
    const uri = uriOf(path.join(root, 'slow-settings.md'));
    client.configurationDelayMs = 1500;
    try {
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: 'You will need to contact the seller.' },
      });
      // The server is now waiting for this document's settings; the writer types on.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: 'Please be advised that it ships today.' }],
      });
      const published = await client.diagnostics(uri);
      assert.equal(published.version, 2, 'the first publish is for the version the lint read');
      assert.deepEqual(codes(published.diagnostics), ['no-cold-formality']);
      assert.deepEqual(
        client.published.filter((p) => p.uri === uri).map((p) => p.version),
        [2],
      );
    } finally {
      client.configurationDelayMs = 0;
    }
  });

  it('warmly.* settings come from workspace/configuration, asked again after didChangeConfiguration', async () => {
    const uri = await open('settings.md', 'Dear customer, you will need to contact the seller.');
    const first = await client.diagnostics(uri);
    assert.ok(codes(first.diagnostics).includes('greet-like-a-friend'));
    client.settings = { disable: ['greet-like-a-friend'], severity: { 'not-my-table': 'error' } };
    const count = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const next = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= count);
    assert.deepEqual(codes(next.diagnostics), ['not-my-table']);
    assert.equal(next.diagnostics[0].severity, 1, 'severity setting: error');
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('.warmlyrc.yaml is found upward and reread on workspace/didChangeWatchedFiles', async () => {
    fs.mkdirSync(path.join(root, 'team', 'macros'), { recursive: true });
    const uri = await open(
      'team/macros/refund.md',
      'You will need to contact the seller. Please be advised that it ships.',
    );
    const first = await client.diagnostics(uri);
    assert.deepEqual(codes(first.diagnostics), ['not-my-table', 'no-cold-formality']);
    const config = path.join(root, 'team', '.warmlyrc.yaml');
    fs.writeFileSync(config, 'disable:\n  - no-cold-formality\n');
    const count = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(config), type: 1 }],
    });
    const next = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= count);
    assert.deepEqual(codes(next.diagnostics), ['not-my-table']);
  });

  it('a broken .warmlyrc.yaml is reported in that file, and cleared once it is fixed', async () => {
    fs.mkdirSync(path.join(root, 'broken'), { recursive: true });
    const config = path.join(root, 'broken', '.warmlyrc.yaml');
    fs.writeFileSync(config, 'language: en\ndisabel: [not-my-table]\n');
    await open('broken/reply.md', 'You will need to contact the seller.');
    const problem = await client.diagnostics(uriOf(config), (p) => p.diagnostics.length > 0);
    assert.match(String(problem.diagnostics[0].message), /unknown key "disabel"/);
    assert.deepEqual(problem.diagnostics[0].range.start, { line: 1, character: 0 });
    fs.writeFileSync(config, 'disable: [not-my-table]\n');
    const count = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(config), type: 2 }],
    });
    await client.diagnostics(uriOf(config), (p) => client.published.indexOf(p) >= count && p.diagnostics.length === 0);
  });
});

describe('warmly lsp usage', () => {
  before(ensureBuilt);

  it('needs --stdio and knows its options: bad usage exits 2 with the usage, --help exits 0', () => {
    const lsp = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'lsp', ...args], { encoding: 'utf8', input: '' });
    const bare = lsp();
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /pass --stdio/);
    const unknown = lsp('--stdio', '--socket=4000');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option --socket=4000\nUsage: warmly lsp --stdio/);
    const help = lsp('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--builtin-only/);
  });
});

describe('warmly lsp: rewrites with slots', function () {
  this.timeout(30000);
  before(ensureBuilt);

  it('are snippet edits (tab stops) for a client that takes them, plain text for one that does not', async () => {
    const text = "We'll refund you as soon as possible.";
    const withSlots = engine()
      .open({ text, fileName: 'slots.md' })
      .lint()
      .findings.flatMap((f) => f.suggestions)
      .find((s) => s.snippet);
    assert.ok(withSlots, 'a built-in rewrite has a slot to fill in');
    const firstRewrite = async (capabilities: ClientCapabilities) => {
      const root = tempDir();
      const client = await startClient({ root, capabilities });
      try {
        const uri = uriOf(path.join(root, 'slots.md'));
        await client.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'markdown', version: 1, text },
        });
        const { diagnostics } = await client.diagnostics(uri);
        const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostics[0].range,
          context: { diagnostics },
        });
        return { uri, action: actions.find((a) => a.title.endsWith(`: ${withSlots.text}`))! };
      } finally {
        await client.stop();
      }
    };
    const snippets = await firstRewrite({
      ...CAPABILITIES,
      workspace: { ...CAPABILITIES.workspace, workspaceEdit: { snippetEditSupport: true } },
    });
    const [change] = snippets.action.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri: snippets.uri, version: 1 });
    assert.deepEqual((change.edits[0] as SnippetTextEdit).snippet, { kind: 'snippet', value: withSlots.snippet });
    const plain = await firstRewrite(CAPABILITIES);
    assert.equal(plain.action.edit!.changes![plain.uri][0].newText, withSlots.text);
  });
});

describe('warmly lsp --builtin-only (untrusted workspaces)', function () {
  this.timeout(30000);
  before(ensureBuilt);

  it('reads no .warmlyrc.yaml and no rule files named in settings', async () => {
    const root = tempDir({
      '.warmlyrc.yaml': 'disable:\n  - not-my-table\n',
      'team/en/no-asap.yaml': [
        'severity: warning',
        'principle: Say when.',
        'message: Say when.',
        'why: Because.',
        'patterns:',
        '  - phrase: "as soon as possible"',
        'examples:',
        '  bad: [{ text: "as soon as possible" }]',
        '  good: ["by Monday"]',
        '',
      ].join('\n'),
    });
    const client = await startClient({ root, args: ['--builtin-only'], settings: { rules: ['team'] } });
    try {
      const uri = uriOf(path.join(root, 'reply.md'));
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri,
          languageId: 'markdown',
          version: 1,
          text: 'You will need to contact the seller. I will write back as soon as possible.',
        },
      });
      const published = await client.diagnostics(uri);
      assert.ok(codes(published.diagnostics).includes('not-my-table'), 'the workspace config is not read');
      assert.ok(!codes(published.diagnostics).includes('no-asap'), 'the workspace rule file is not read');
    } finally {
      await client.stop();
    }
  });
});
