// --fix applies fixes only, through the real CLI: a vague promise stays as written (its rewrite
// needs a time only the writer knows), a team's placeholder names the customer in a greeting,
// and a team rule whose fix its own pattern matches again stops the run with exit 2, the
// rule, the pattern and its place, and the file left exactly as it was.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { tempDir } from '../helpers';

async function cli(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io = {
    argv,
    cwd,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
  };
  const code = await runCli(io);
  return { code, out, err };
}

const LOOPING = `severity: warning
principle: Thank people for waiting.
message: "Thank them instead."
why: It is warmer.
patterns:
  - phrase: "ursäkta dröjsmålet"
    fix: "ursäkta dröjsmålet och tack för ditt tålamod"
examples:
  bad: [{ text: "Ursäkta dröjsmålet." }]
  good: ["Tack för ditt tålamod."]
`;

describe('--fix applies fixes only', () => {
  it('leaves a vague promise as written, and the JSON says its rewrite is a suggestion with a slot', async () => {
    const dir = tempDir({ 'reply.md': "Thanks for writing in. We'll get back to you as soon as possible.\n" });
    const fixed = await cli(['--fix', '--no-config', 'reply.md'], dir);
    assert.equal(
      fs.readFileSync(path.join(dir, 'reply.md'), 'utf8'),
      "Thanks for writing in. We'll get back to you as soon as possible.\n",
      fixed.out + fixed.err,
    );
    const json = await cli(['--format', 'json', '--no-config', 'reply.md'], dir);
    const [message] = JSON.parse(json.out)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'keep-promises');
    assert.ok(message, json.out);
    assert.ok(
      message.suggestions.length > 0 && message.suggestions.every((s: { kind: string }) => s.kind === 'suggestion'),
      json.out,
    );
  });

  it("greets the customer with the team's own placeholder when the config names one", async () => {
    const dir = tempDir({
      '.warmlyrc.yaml': 'placeholders:\n  first_name: "{{ticket.requester.first_name}}"\n',
      'macro.md': 'Dear customer, your refund was issued today.\n',
      'plain/macro.md': 'Dear customer, your refund was issued today.\n',
      'plain/.warmlyrc.yaml': 'language: en\n',
    });
    await cli(['--fix', 'macro.md', 'plain/macro.md'], dir);
    assert.match(fs.readFileSync(path.join(dir, 'macro.md'), 'utf8'), /^Hi \{\{ticket\.requester\.first_name\}\},/);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'plain', 'macro.md'), 'utf8'), /\{\{|Dear customer/);
  });

  it('stops a fix that its own pattern matches again: exit 2, named, nothing written', async () => {
    const text = 'Hej! Ursäkta dröjsmålet, paketet är på väg.\n';
    const dir = tempDir({ 'team/sv/tack.yaml': LOOPING, 'svar.sv.md': text, '.warmlyrc.yaml': 'rules: [./team]\n' });
    const r = await cli(['--fix', 'svar.sv.md'], dir);
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(
      r.err + r.out,
      /team\/sv\/tack\.yaml:\d+:\d+: the fix "[Uu]rsäkta dröjsmålet och tack för ditt tålamod" of tack .* its own pattern/,
    );
    assert.equal(fs.readFileSync(path.join(dir, 'svar.sv.md'), 'utf8'), text);
    const t = await cli(['test-rules', 'team'], dir);
    assert.equal(t.code, 1);
    assert.match(t.out, /is matched by its own pattern/);
  });
});
