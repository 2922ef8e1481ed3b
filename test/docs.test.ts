// Generated docs are checked: the README's rule table and docs/rules.md must match the rules.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from '../scripts/gen-docs';
import { ROOT } from './helpers';

describe('generated docs', () => {
  it('README rule table and docs/rules.md are up to date (run: npx tsx scripts/gen-docs.ts)', () => {
    const { readme, rulesDoc } = generate();
    assert.equal(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), readme);
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8'), rulesDoc);
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
