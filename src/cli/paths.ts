// Where the built-in rules live: next to the bundle (dist/../rules) when installed, next to
// the sources (src/cli/../../rules) when run from a checkout.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function builtinRulesDir(): string {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'rules');
    if (fs.existsSync(path.join(candidate, 'rule.schema.json'))) return candidate;
  }
  throw new Error(`cannot find the built-in rules folder near ${__dirname} — reinstall warmly`);
}

export function packageVersion(): string {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'warmly') return json.version ?? '0.0.0';
    }
  }
  return '0.0.0';
}

/** The build's snapshot of the built-in rules (see src/core/snapshot.ts), next to the bundle. */
export function builtinSnapshot(): string {
  return path.join(__dirname, 'rules.snapshot.json');
}
