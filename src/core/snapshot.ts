// A snapshot of the built-in rules, written at build time: the rules already parsed and
// validated, as JSON. Loading it skips YAML parsing and schema checks, which are most of a
// cold start. Each rule file's content hash is kept, so an edited rule file makes the snapshot
// stale and the YAML is read instead: the snapshot can be slower to miss, never wrong.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRules, type LoadedRules } from './read-rules';

interface Snapshot {
  format: 2;
  /** Rule and language files, relative to the rules folder, with a hash of each. */
  files: Array<[string, string]>;
  loaded: LoadedRules;
}

// Every YAML file readRules() would read, at any depth (rules/en/extra/x.yaml too): a file the
// snapshot does not hash could change without making the snapshot stale.
function ruleFiles(dir: string, rel = '', depth = 0): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    if (name.startsWith('.')) continue;
    const child = path.join(rel, name);
    const stat = fs.statSync(path.join(dir, child));
    if (stat.isDirectory() && depth < 8) out.push(...ruleFiles(dir, child, depth + 1));
    else if (stat.isFile() && /\.ya?ml$/i.test(name)) out.push(child);
  }
  return out;
}

function hashes(dir: string): Array<[string, string]> {
  return ruleFiles(dir).map((rel) => [
    rel.split(path.sep).join('/'),
    createHash('sha1')
      .update(fs.readFileSync(path.join(dir, rel)))
      .digest('hex'),
  ]);
}

/** Reads the rules folder and writes its snapshot; refuses to write one of rules with problems. */
export function writeSnapshot(dir: string, file: string): LoadedRules {
  const loaded = readRules([dir], { builtin: true });
  if (loaded.problems.length === 0) {
    const relative: LoadedRules = {
      ...loaded,
      rules: loaded.rules.map((r) => ({ ...r, file: path.relative(dir, r.file).split(path.sep).join('/') })),
      languages: loaded.languages.map((l) => ({
        ...l,
        file: l.file && path.relative(dir, l.file).split(path.sep).join('/'),
      })),
    };
    const snapshot: Snapshot = { format: 2, files: hashes(dir), loaded: relative };
    fs.writeFileSync(file, JSON.stringify(snapshot));
  } else {
    fs.rmSync(file, { force: true });
  }
  return loaded;
}

/** The snapshot's rules when it matches the rule files on disk, else undefined. */
export function readSnapshot(dir: string, file: string): LoadedRules | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
    if (snapshot.format !== 2 || JSON.stringify(snapshot.files) !== JSON.stringify(hashes(dir))) return undefined;
  } catch {
    return undefined;
  }
  const abs = (rel: string) => path.join(dir, ...rel.split('/'));
  return {
    problems: [],
    rules: snapshot.loaded.rules.map((r) => ({ ...r, file: abs(r.file) })),
    languages: snapshot.loaded.languages.map((l) => ({ ...l, file: l.file && abs(l.file) })),
  };
}
