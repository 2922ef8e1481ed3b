// Build step (run by esbuild.config.mjs): snapshot the built-in rules next to the bundles, so
// a cold start reads one JSON file instead of parsing and validating every YAML rule file.
import * as path from 'node:path';
import { writeSnapshot } from '../core/snapshot';

const [dir, file] = process.argv.slice(2);
const loaded = writeSnapshot(path.resolve(dir), path.resolve(file));
for (const p of loaded.problems)
  console.error(`${path.relative(process.cwd(), p.file)}:${p.line}:${p.column}: ${p.message}`);
if (loaded.problems.length > 0)
  console.error(
    'warmly build: the built-in rules have problems, so no snapshot was written (the CLI reads the YAML instead)',
  );
