// The fixture exports and an engine over the built-in rules, shared by the helpdesk tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/core/index';
import { RULES_DIR, ROOT } from '../helpers';

export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'helpdesk');
export const FILES = {
  zendesk: 'zendesk-macros.json',
  freshdesk: 'freshdesk-canned-responses.json',
  helpscout: 'helpscout-saved-replies.json',
  intercom: 'intercom-macros.json',
  csv: 'canned-replies.csv',
} as const;

export function fixture(name: string): { file: string; text: string } {
  const file = path.join(FIXTURES, name);
  return { file, text: fs.readFileSync(file, 'utf8') };
}

export function engine(): Engine {
  return new Engine({ builtinRulesDir: RULES_DIR, settings: { useConfigFiles: false } });
}
