// Generated docs are checked: the README's rule table and docs/rules.md must match the rules.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from '../scripts/gen-docs';
import { Engine } from '../src/core/index';
import { ROOT, RULES_DIR } from './helpers';

describe('generated docs', () => {
  it('README rule table and docs/rules.md are up to date (run: npx tsx scripts/gen-docs.ts)', () => {
    const { readme, rulesDoc } = generate();
    assert.equal(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), readme);
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8'), rulesDoc);
  });

  it("the README's before/after is what --fix really writes", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/\*\*(?:Before|After)[^\n]*\n\n```md\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    assert.equal(blocks.length, 2);
    const engine = new Engine({ builtinRulesDir: RULES_DIR });
    assert.equal(engine.open({ fileName: 'reply.md', text: blocks[0] }).fix().output, blocks[1]);
  });

  it('the core never imports vscode', () => {
    const dir = path.join(ROOT, 'src', 'core');
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!f.endsWith('.ts')) continue;
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.doesNotMatch(text, /from ['"]vscode['"]|require\(['"]vscode['"]\)/, `${f} imports vscode`);
    }
  });
});
