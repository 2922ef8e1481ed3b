// Each fact has one table (formats.ts, languages.ts, exit-codes.ts); what cannot import them —
// package.json's contributions, the rule folders' _language.yaml, the usage text — is checked
// against them here, so a new file type or language cannot be added in one place only.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { USAGE } from '../../src/cli/usage';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_TROUBLE,
  FILE_TYPES,
  LANGUAGES,
  canonicalLanguage,
  isExportFileName,
  isKnownExtension,
  knownLanguageIds,
  lintedExtensions,
} from '../../src/core/index';
import { ROOT, RULES_DIR } from '../helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties;

describe('one table per fact', () => {
  it("package.json's default warmly.fileTypes are exactly the VS Code language ids the format table knows", () => {
    assert.deepEqual([...props['warmly.fileTypes'].default].sort(), knownLanguageIds().sort());
  });

  it('every extension belongs to one file type; exports are never prose', () => {
    const all = FILE_TYPES.flatMap((t) => t.extensions);
    assert.equal(new Set(all).size, all.length);
    for (const ext of all) assert.ok(isKnownExtension(`a.${ext}`) && !isExportFileName(`a.${ext}`), ext);
    assert.ok(isExportFileName('a.json') && isExportFileName('a.CSV') && !isKnownExtension('a.json'));
    assert.deepEqual([...lintedExtensions()].sort(), [...all, 'json', 'csv'].sort());
  });

  it("the languages table agrees with each rules/<code>/_language.yaml and with package.json's warmly.language", () => {
    for (const l of LANGUAGES) {
      const file = parse(fs.readFileSync(path.join(RULES_DIR, l.code, '_language.yaml'), 'utf8')) as { name: string };
      assert.equal(file.name, l.name, l.code);
      for (const alias of l.aliases)
        assert.equal(
          canonicalLanguage(
            alias,
            LANGUAGES.map((x) => x.code),
          ),
          l.code,
          alias,
        );
    }
    const enumerated = props['warmly.language'].enum as string[];
    assert.deepEqual(
      enumerated.filter((c) => c !== 'auto' && c !== 'no'),
      LANGUAGES.map((l) => l.code),
    );
  });

  it('the usage text lists the languages and the exit codes from their tables', () => {
    assert.match(USAGE, /--lang <code> +the language: auto \(default\), en, nl, sv, nb \(or no\), ro/);
    assert.match(
      USAGE,
      new RegExp(`Exit codes: ${EXIT_OK} .*, ${EXIT_FINDINGS} findings.*\\n${EXIT_TROUBLE} bad usage`),
    );
  });
});
