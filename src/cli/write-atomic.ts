// --fix writes through a temporary file in the same folder and a rename, so a crash or a full
// disk leaves either the old file or the new one, never half of each. The file is re-checked
// first: if someone changed it since we read it, their change wins and we report it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeAtomic(file: string, text: string, expected: { mtimeMs: number; size: number; mode: number; bom: boolean }): 'written' | 'changed-on-disk' {
  const now = fs.statSync(file);
  if (now.mtimeMs !== expected.mtimeMs || now.size !== expected.size) return 'changed-on-disk';
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.warmly-${process.pid}-${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, (expected.bom ? '\uFEFF' : '') + text, { mode: expected.mode & 0o7777 });
    fs.chmodSync(tmp, expected.mode & 0o7777);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return 'written';
}
