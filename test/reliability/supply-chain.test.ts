// Supply chain: what ships is small and inert. (npm audit's endpoint is not reachable from
// these machines — it answers 405 — so this checks what can be checked offline, from the lock.)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';

interface LockPackage {
  dev?: boolean;
  hasInstallScript?: boolean;
  resolved?: string;
}

const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockPackage>;
};
const production = Object.entries(lock.packages).filter(([name, p]) => name !== '' && !p.dev);

describe('supply chain', () => {
  it('no production dependency runs an install script', () => {
    assert.deepEqual(
      production.filter(([, p]) => p.hasInstallScript).map(([name]) => name),
      [],
    );
  });

  it('every package comes from the npm registry', () => {
    const elsewhere = Object.entries(lock.packages).filter(
      ([name, p]) => name !== '' && p.resolved && !p.resolved.startsWith('https://registry.npmjs.org/'),
    );
    assert.deepEqual(
      elsewhere.map(([name, p]) => `${name} ${p.resolved}`),
      [],
    );
  });

  it('the bundles load no module at run time that could reach the network', () => {
    for (const bundle of ['cli.js', 'extension.js']) {
      const file = path.join(ROOT, 'dist', bundle);
      if (!fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const mod of ['http', 'https', 'net', 'tls', 'dgram', 'http2', 'child_process']) {
        assert.doesNotMatch(text, new RegExp(`require\\(["'](node:)?${mod}["']\\)`), `${bundle} requires ${mod}`);
      }
    }
  });
});
