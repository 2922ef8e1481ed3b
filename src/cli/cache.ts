// --cache: a file whose size and modification time match the last run, under the same tool
// version, run options (the whole RunOptions object) and config/rule files, reuses its findings.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../core/index';
import type { FileResult } from './formatters/types';
import type { RunOptions } from './options';
import { packageVersion } from './paths';
import { readBoundedText } from '../core/read-bounded';

interface Entry {
  mtimeMs: number;
  size: number;
  fingerprint: string;
  result: FileResult;
}

interface CacheFile {
  version: string;
  files: Record<string, Entry>;
}

const MAX_CACHE_BYTES = 256 * 1024 * 1024;

export function openCache(location: string, engine: Engine, run: RunOptions) {
  const version = packageVersion();
  let data: CacheFile = { version, files: {} };
  try {
    // Bounded and regular files only: .warmlycache can be a FIFO or a link to /dev/zero.
    const read = readBoundedText(location, MAX_CACHE_BYTES);
    const parsed = read.ok ? (JSON.parse(read.text) as CacheFile) : undefined;
    if (parsed?.version === version && parsed.files) data = parsed;
  } catch {
    // No cache yet, or an unreadable one: start afresh rather than fail the run.
  }
  const fingerprints = new Map<string, string>();
  const fingerprint = (file: string) => {
    const config = engine.configFor(file);
    const key = config?.file ?? '';
    let fp = fingerprints.get(key);
    if (fp === undefined) {
      const hash = createHash('sha1').update(version).update(JSON.stringify(run));
      for (const f of [...(config?.files ?? []), ...(config?.rules ?? []), ...(run.settings.rules ?? [])])
        stamp(f, hash, 0);
      fp = hash.digest('hex');
      fingerprints.set(key, fp);
    }
    return fp;
  };
  let dirty = false;
  return {
    get(file: string): FileResult | undefined {
      const entry = data.files[file];
      if (!entry) return undefined;
      try {
        const stat = fs.statSync(file);
        if (stat.mtimeMs !== entry.mtimeMs || stat.size !== entry.size || entry.fingerprint !== fingerprint(file))
          return undefined;
      } catch {
        return undefined;
      }
      return entry.result;
    },
    set(file: string, input: { mtimeMs: number; size: number }, result: FileResult) {
      data.files[file] = { mtimeMs: input.mtimeMs, size: input.size, fingerprint: fingerprint(file), result };
      dirty = true;
    },
    save() {
      if (!dirty) return;
      const tmp = `${location}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, JSON.stringify(data));
        fs.renameSync(tmp, location);
      } catch {
        fs.rmSync(tmp, { force: true });
      }
    },
  };
}

// Path, size and time of a config or rule file, or of every file under a rule folder.
// Each folder once by its real path, so a symbolic link loop in a rule folder ends.
function stamp(p: string, hash: ReturnType<typeof createHash>, depth: number, seen = new Set<string>()) {
  try {
    const stat = fs.statSync(p);
    hash.update(`${p}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
    if (!stat.isDirectory() || depth >= 8) return;
    const real = fs.realpathSync(p);
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of fs.readdirSync(p).sort()) stamp(path.join(p, name), hash, depth + 1, seen);
  } catch {
    hash.update(`${p}\u0000missing\n`);
  }
}
