// --cache: a file whose content hash matches the last run, under the same tool version, run
// options (the whole RunOptions object) and config/rule file contents, reuses its findings.
// Everything is keyed by content and by paths relative to the repository root (root.ts), never
// by modification times or absolute paths: a fresh CI checkout with the cache restored hits.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../core/index';
import { readBoundedText } from '../core/read-bounded';
import type { FileResult } from './formatters/types';
import type { RunOptions } from './options';
import { packageVersion } from './paths';
import { rootRelative } from './root';

interface Entry {
  hash: string;
  fingerprint: string;
  /** The result with its filePath relative to the root. */
  result: FileResult;
}

interface CacheFile {
  format: 2;
  version: string;
  files: Record<string, Entry>;
}

const MAX_CACHE_BYTES = 256 * 1024 * 1024;
export function openCache(location: string, engine: Engine, run: RunOptions, root: string) {
  const version = packageVersion();
  let data: CacheFile = { format: 2, version, files: {} };
  try {
    // Bounded and regular files only: .warmlycache can be a FIFO or a link to /dev/zero.
    const read = readBoundedText(location, MAX_CACHE_BYTES);
    const parsed = read.ok ? (JSON.parse(read.text) as CacheFile) : undefined;
    if (parsed?.format === 2 && parsed.version === version && parsed.files) data = parsed;
  } catch {
    // No cache yet, or an unreadable one: start afresh rather than fail the run.
  }
  const fingerprints = new Map<string, string>();
  const fingerprint = (file: string) => {
    const config = engine.configFor(file);
    const key = config?.file ?? '';
    let fp = fingerprints.get(key);
    if (fp === undefined) {
      fp = fingerprintOf(version, run, root, [...(config?.files ?? []), ...(config?.rules ?? [])]);
      fingerprints.set(key, fp);
    }
    return fp;
  };
  let dirty = false;
  return {
    get(file: string, text: string): FileResult | undefined {
      const entry = data.files[rootRelative(root, file)];
      if (!entry || entry.hash !== sha1(text) || entry.fingerprint !== fingerprint(file)) return undefined;
      return { ...entry.result, filePath: file };
    },
    set(file: string, text: string, result: FileResult) {
      const key = rootRelative(root, file);
      data.files[key] = { hash: sha1(text), fingerprint: fingerprint(file), result: { ...result, filePath: key } };
      dirty = true;
    },
    /** Writes the cache; returns what went wrong, if anything (the run still succeeds). */
    save(): string | undefined {
      if (!dirty) return undefined;
      const tmp = `${location}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(path.dirname(location), { recursive: true });
        fs.writeFileSync(tmp, JSON.stringify(data));
        fs.renameSync(tmp, location);
        return undefined;
      } catch (e) {
        try {
          fs.rmSync(tmp, { force: true });
        } catch {
          // The folder itself is what failed: there is no temporary file to remove.
        }
        const why = (e as NodeJS.ErrnoException).code ?? e;
        return `cannot write the cache ${location} (${why}); the next run lints every file`;
      }
    },
  };
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

// The tool version, the run options with their paths made root-relative, and the content of
// every config and rule file that decides the findings.
function fingerprintOf(version: string, run: RunOptions, root: string, files: string[]): string {
  const rel = (p: string | undefined) => (p ? rootRelative(root, p) : p);
  const settings = { ...run.settings, config: rel(run.settings.config), rules: run.settings.rules?.map(rel) };
  const hash = createHash('sha1')
    .update(version)
    .update(JSON.stringify({ ...run, settings }));
  for (const f of [...files, ...(run.settings.rules ?? [])]) stamp(f, root, hash, 0);
  return hash.digest('hex');
}

// Path (from the root) and content of a config or rule file, or of every file under a rule
// folder. Each folder once by its real path, so a symbolic link loop in a rule folder ends.
function stamp(p: string, root: string, hash: ReturnType<typeof createHash>, depth: number, seen = new Set<string>()) {
  const name = rootRelative(root, p);
  try {
    const stat = fs.statSync(p);
    if (stat.isFile()) {
      hash.update(`${name}\u0000${sha1(fs.readFileSync(p, 'utf8'))}\n`);
      return;
    }
    if (!stat.isDirectory() || depth >= 8) return;
    const real = fs.realpathSync(p);
    if (seen.has(real)) return;
    seen.add(real);
    for (const child of fs.readdirSync(p).sort()) stamp(path.join(p, child), root, hash, depth + 1, seen);
  } catch {
    hash.update(`${name}\u0000missing\n`);
  }
}
