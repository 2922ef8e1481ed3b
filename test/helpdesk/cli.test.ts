// Helpdesk exports through the CLI, in-process: real fixture files in a temporary folder.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Log } from 'sarif';
import { tempDir } from '../helpers';
import { fixture, FILES } from './fixtures';
import { cli } from '../cli-capture';

function exportsDir(extra: Record<string, string> = {}) {
  const files: Record<string, string> = { ...extra };
  for (const name of Object.values(FILES)) files[`exports/${name}`] = fixture(name).text;
  return tempDir(files);
}

describe('warmly on helpdesk exports', () => {
  it('the stylish report names the reply a finding sits in', async () => {
    const dir = exportsDir();
    const { out } = await cli(['--no-config', path.join('exports', FILES.csv)], dir);
    assert.match(out, /Hand-off: .* \(in ".+", row 3, column body\) {2}not-my-table/);
  });

  it("finds the exports in a folder; --format json carries each finding's pointer or row and column", async () => {
    const dir = exportsDir({
      'exports/package.json': '{ "name": "x" }',
      'exports/reply.md': "You'll need to contact your bank.\n",
    });
    const { code, out, err } = await cli(['--no-config', '--format', 'json', 'exports'], dir);
    assert.equal(code, 0, err);
    const json = JSON.parse(out) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; line: number; column: number; location?: object }>;
    }>;
    const byName = new Map(json.map((r) => [path.basename(r.filePath), r]));
    assert.deepEqual([...byName.keys()].sort(), [...Object.values(FILES), 'reply.md'].sort());
    const zendesk = byName.get(FILES.zendesk)!;
    const handoff = zendesk.messages.find((m) => m.ruleId === 'not-my-table')!;
    assert.deepEqual(handoff.location, { pointer: '/macros/0/actions/1/value' });
    const line = fixture(FILES.zendesk).text.split('\n')[handoff.line - 1];
    assert.ok(line.slice(handoff.column - 1).startsWith('you\\u2019ll need to contact your bank'));
    assert.deepEqual(byName.get(FILES.csv)!.messages.find((m) => m.ruleId === 'not-my-table')!.location, {
      row: 3,
      column: 'body',
    });
    assert.equal(
      byName.get('reply.md')!.messages[0].location,
      undefined,
      'plain templates keep the contract as it was',
    );
    assert.match(err, /package\.json: skipped \(JSON, but not a Zendesk, Freshdesk, Help Scout or Intercom export\)/);
  });

  it('stylish, github and sarif point into the export file itself', async () => {
    const dir = exportsDir();
    const rel = `exports/${FILES.intercom}`;
    const stylish = await cli(['--no-config', rel], dir);
    assert.match(stylish.out, /intercom-macros\.json\n {2}8:63 +info +Cold formality/);
    const github = await cli(['--no-config', '--format', 'github', rel], dir);
    assert.match(github.out, /::warning file=exports\/intercom-macros\.json,line=8,col=119,/);
    const sarif = JSON.parse((await cli(['--no-config', '--format', 'sarif', rel], dir)).out) as Log;
    const result = sarif.runs[0].results!.find((r) => r.ruleId === 'not-my-table')!;
    const region = result.locations![0].physicalLocation!.region!;
    assert.equal(region.startLine, 8);
    assert.equal(region.snippet!.text, 'You\u2019ll need to contact your administrator');
    // The SARIF fix replaces file characters with text already escaped for the JSON string.
    const replacement = result.fixes![0].artifactChanges[0].replacements[0];
    const src = fixture(FILES.intercom).text;
    assert.equal(
      src.slice(
        replacement.deletedRegion.charOffset!,
        replacement.deletedRegion.charOffset! + replacement.deletedRegion.charLength!,
      ),
      'You\\u2019ll need to contact your administrator',
    );
  });

  it('--fix rewrites the reply strings in place and nothing else, atomically', async () => {
    const dir = exportsDir();
    const file = path.join(dir, 'exports', FILES.helpscout);
    const before = fs.readFileSync(file, 'utf8');
    const { code, err } = await cli(['--no-config', '--fix', `exports/${FILES.helpscout}`], dir);
    assert.equal(code, 0, err);
    const after = fs.readFileSync(file, 'utf8');
    assert.notEqual(after, before);
    const a = before.split('\n');
    const b = after.split('\n');
    assert.equal(b.length, a.length);
    const changed = a.flatMap((l, i) => (l === b[i] ? [] : [i + 1]));
    // Line 7 has a fix (cold formality); line 14's hand-off is a suggestion, so it stays as written.
    assert.deepEqual(changed, [7], 'only the line holding a fixable cold reply changed');
    assert.match(b[6], /<p>Your subscription is paused until \{%mailbox\.name%\} hears back from you\.<\/p>/);
    assert.equal(b[13], a[13], 'the hand-off (a suggestion) and its escapes are kept');
    assert.deepEqual(
      fs.readdirSync(path.join(dir, 'exports')).filter((f) => f.endsWith('.tmp')),
      [],
    );
    const again = await cli(['--no-config', '--fix', `exports/${FILES.helpscout}`], dir);
    assert.equal(again.code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), after);
  });

  it('--csv-column names the text column; a CSV without one is skipped with a hint', async () => {
    const dir = tempDir({ 'greetings.csv': 'key,Greeting\n1,You need to contact your bank.\n' });
    const skipped = await cli(['--no-config', '--format', 'json', 'greetings.csv'], dir);
    assert.match(skipped.err, /greetings\.csv: skipped \(CSV without a text column \(name one with --csv-column/);
    assert.deepEqual(JSON.parse(skipped.out), []);
    const named = await cli(['--no-config', '--format', 'json', '--csv-column', 'Greeting', 'greetings.csv'], dir);
    const [entry] = JSON.parse(named.out);
    assert.deepEqual(entry.messages[0].location, { row: 2, column: 'Greeting' });
    assert.equal(entry.messages[0].line, 2);
    assert.equal(entry.messages[0].column, 3);
  });
});
