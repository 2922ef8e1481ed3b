// `warmly/retext` as unified users run it: imported through the package's "exports", in a
// retext pipeline and inside remark (remark-parse + remark-retext), and held to the CLI: for
// the README's reply its messages are the CLI's JSON findings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Options } from 'warmly/retext';
import type { VFile } from 'vfile';
import { tempDir, ROOT } from '../helpers';
import { ensureBuilt } from '../lsp/build';
import { readmeReplies } from '../lsp/fixtures';

// unified and its plugins are ESM only; the plugin is loaded the way its users load it.
async function load() {
  const [
    { unified },
    { default: retextEnglish },
    { default: remarkParse },
    { default: remarkRetext },
    { VFile },
    { default: retextWarmly },
  ] = await Promise.all([
    import('unified'),
    import('retext-english'),
    import('remark-parse'),
    import('remark-retext'),
    import('vfile'),
    import('warmly/retext'),
  ]);
  return { unified, retextEnglish, remarkParse, remarkRetext, VFile, retextWarmly };
}

type Loaded = Awaited<ReturnType<typeof load>>;

async function retext(m: Loaded, file: VFile, options: Options): Promise<VFile> {
  const processor = m.unified().use(m.retextEnglish).use(m.retextWarmly, options);
  await processor.run(processor.parse(file), file);
  return file;
}

async function remark(m: Loaded, file: VFile, options: Options): Promise<VFile> {
  const processor = m
    .unified()
    .use(m.remarkParse)
    .use(m.remarkRetext, m.unified().use(m.retextEnglish).use(m.retextWarmly, options));
  await processor.run(processor.parse(file), file);
  return file;
}

const summary = (file: VFile) =>
  file.messages.map((m) => [
    m.ruleId,
    m.place && 'start' in m.place
      ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}`
      : '',
    m.actual,
  ]);

describe('warmly/retext', function () {
  this.timeout(30000);
  let m: Loaded;
  before(async () => {
    ensureBuilt();
    m = await load();
  });

  it('in a retext pipeline: vfile messages with ruleId, source, place, actual, expected, url and note', async () => {
    const file = await retext(m, new m.VFile('Dear customer, you will need to contact the seller.'), {
      language: 'en',
      severity: { 'not-my-table': 'error' },
    });
    assert.deepEqual(summary(file), [
      ['greet-like-a-friend', '1:1-1:14', 'Dear customer'],
      ['not-my-table', '1:16-1:51', 'you will need to contact the seller'],
    ]);
    const handoff = file.messages[1];
    assert.equal(handoff.source, 'warmly');
    assert.equal(handoff.fatal, true, 'severity error is a fatal message');
    assert.equal(file.messages[0].fatal, undefined, 'an info finding is an info message');
    assert.ok(
      Array.isArray(handoff.expected) &&
        handoff.expected.length > 0 &&
        handoff.expected.every((e) => typeof e === 'string'),
    );
    assert.match(handoff.expected![0], /seller for you|contact the seller/);
    assert.match(handoff.url ?? '', /#not-my-table$/);
    assert.match(handoff.note ?? '', /responsib/i);
    assert.equal(handoff.place && 'start' in handoff.place ? handoff.place.start.offset : -1, 15);
  });

  it('inside remark via remark-retext: prose is checked; code, quoted customer text and HTML are not', async () => {
    const markdown = [
      '# Your refund',
      '',
      'Please be advised that the refund was issued.',
      '',
      '> You will need to contact the bank, they told me.',
      '',
      '```text',
      'You will need to contact the bank.',
      '```',
      '',
      '- If it has not arrived, you will need to contact {{ bank_name }}.',
      '',
      '<p>We apologise for any inconvenience caused.</p>',
      '',
    ].join('\n');
    const file = await remark(m, new m.VFile({ path: 'reply.md', value: markdown }), { language: 'en', config: false });
    assert.deepEqual(summary(file), [
      ['no-cold-formality', '3:1-3:23', 'Please be advised that'],
      ['not-my-table', '11:26-11:66', 'you will need to contact {{ bank_name }}'],
    ]);
  });

  it("for the README's reply, its messages are the CLI's JSON findings (ids, positions, rewrites)", async () => {
    const { before } = readmeReplies();
    const dir = tempDir();
    const cli = spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist', 'cli.js'), '--stdin', '--stdin-filename', 'reply.md', '--format', 'json', '--no-config'],
      { cwd: dir, input: before, encoding: 'utf8' },
    );
    assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
    type CliMessage = {
      ruleId: string;
      severity: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      suggestions: { text: string }[];
    };
    const [result] = JSON.parse(cli.stdout) as Array<{ messages: CliMessage[] }>;
    const fromCli = result.messages.map((c) => [
      c.ruleId,
      c.severity,
      c.line,
      c.column,
      c.endLine,
      c.endColumn,
      c.suggestions.map((s) => s.text),
    ]);
    const file = await retext(m, new m.VFile({ path: 'reply.md', cwd: dir, value: before }), { config: false });
    const level = (fatal: boolean | null | undefined) => (fatal ? 'error' : fatal === false ? 'warning' : 'info');
    const fromPlugin = file.messages.map((p) => {
      const place = p.place as { start: { line: number; column: number }; end: { line: number; column: number } };
      return [
        p.ruleId,
        level(p.fatal),
        place.start.line,
        place.start.column,
        place.end.line,
        place.end.column,
        p.expected,
      ];
    });
    assert.ok(fromCli.length >= 4, 'the README reply is cold');
    assert.deepEqual(fromPlugin, fromCli);
  });

  it('options: disable turns a rule off; config: false reads no .warmlyrc.yaml', async () => {
    const dir = tempDir({ '.warmlyrc.yaml': 'disable:\n  - not-my-table\n' });
    const text = 'Dear customer, you will need to contact the seller.';
    const withConfig = await retext(m, new m.VFile({ path: 'reply.md', cwd: dir, value: text }), {});
    assert.deepEqual(
      withConfig.messages.map((x) => x.ruleId),
      ['greet-like-a-friend'],
      'the nearest .warmlyrc.yaml applies',
    );
    const without = await retext(m, new m.VFile({ path: 'reply.md', cwd: dir, value: text }), {
      config: false,
      disable: ['greet-like-a-friend'],
    });
    assert.deepEqual(
      without.messages.map((x) => x.ruleId),
      ['not-my-table'],
    );
  });

  it('a broken rule file is a fatal message naming the file, line and column', async () => {
    const dir = tempDir({ 'team/en/broken.yaml': 'severity: loud\n' });
    const file = await retext(m, new m.VFile({ path: 'reply.md', cwd: dir, value: 'Thanks for writing in.' }), {
      config: false,
      rules: [path.join(dir, 'team')],
    });
    const problems = file.messages.filter((x) => x.ruleId === 'rule-file');
    assert.ok(problems.length > 0, JSON.stringify(file.messages.map((x) => x.reason)));
    assert.ok(problems.every((x) => x.fatal === true && x.source === 'warmly'));
    assert.match(problems[0].reason, /broken\.yaml:\d+:\d+: /);
  });
});
