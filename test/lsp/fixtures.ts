// What the LSP and retext tests share: the README's "Before" reply (a cold reply with five
// findings), the engine in-process (what the server must agree with, whatever the rules say
// today), and applying LSP edits the way an editor does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { Engine } from '../../src/core/index';
import { ROOT, RULES_DIR } from '../helpers';

/** The two replies in the README: what --fix starts from and what it writes. */
export function readmeReplies(): { before: string; after: string } {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/\*\*(?:Before|After)[^\n]*\n\n```md\n([\s\S]*?)\n```/g)].map((m) => m[1]);
  if (blocks.length !== 2) throw new Error('README.md no longer has its Before/After replies');
  return { before: blocks[0], after: blocks[1] };
}

export function applyEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
  if (!edits.length) throw new Error(`the edit changes nothing in ${uri}: ${JSON.stringify(edit)}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

let shared: Engine | undefined;

/** The built-in rules in-process, as the server and the CLI load them. */
export function engine(): Engine {
  shared ??= new Engine({
    builtinRulesDir: RULES_DIR,
    builtinSnapshot: path.join(ROOT, 'dist', 'rules.snapshot.json'),
  });
  return shared;
}
