// The editor's "disable in .warmlyrc.yaml" edits the config as a YAML document: the rule is
// added once, in the scope asked for, and the team's comments and other keys stay.
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { disableInConfig } from '../../src/core/config-edit';
import { loadConfig, settingsFor } from '../../src/core/config';
import { tempDir } from '../helpers';
import * as path from 'node:path';
import * as fs from 'node:fs';

const TEAM = '# the support team\nrules: [./team]   # our own pack\ndisable: [no-judging]\n';

describe('disabling a rule in .warmlyrc.yaml', () => {
  it('adds it everywhere once, keeping comments and other keys', () => {
    const once = disableInConfig(TEAM, 'keep-promises', { kind: 'everywhere' });
    assert.equal(disableInConfig(once, 'keep-promises', { kind: 'everywhere' }), once);
    assert.match(once, /^# the support team\n/);
    assert.match(once, /# our own pack/);
    assert.deepEqual(parse(once), { rules: ['./team'], disable: ['no-judging', 'keep-promises'] });
  });

  it('for a file or a folder, as an override that the config really applies', () => {
    const dir = tempDir({ '.warmlyrc.yaml': TEAM });
    let text = disableInConfig(TEAM, 'keep-promises', { kind: 'folder', path: 'legal' });
    text = disableInConfig(text, 'not-my-table', { kind: 'folder', path: 'legal/' });
    text = disableInConfig(text, 'no-cold-formality', { kind: 'file', path: 'macros/refund.txt' });
    fs.writeFileSync(path.join(dir, '.warmlyrc.yaml'), text);
    const config = loadConfig(path.join(dir, '.warmlyrc.yaml'));
    assert.deepEqual(config.problems, []);
    const at = (rel: string) => settingsFor(config, path.join(dir, rel)).disable.sort();
    assert.deepEqual(at('legal/terms.md'), ['keep-promises', 'no-judging', 'not-my-table']);
    assert.deepEqual(at('macros/refund.txt'), ['no-cold-formality', 'no-judging']);
    assert.deepEqual(at('macros/other.txt'), ['no-judging']);
  });

  it('starts a config from nothing, and refuses to edit one with YAML errors', () => {
    assert.deepEqual(parse(disableInConfig('', 'keep-promises', { kind: 'everywhere' })), {
      disable: ['keep-promises'],
    });
    assert.throws(() => disableInConfig('disable: [a\n', 'x', { kind: 'everywhere' }), /YAML errors/);
  });
});
