// The oldest Node.js the CLI supports, checked before anything runs. package.json's
// engines.node states the same floor (test/package/engines.test.ts keeps the two equal): npm only
// warns about engines, so without this check an older Node fails later with an obscure error.
export const MINIMUM_NODE = [20, 19] as const;

export const ENGINES_NODE = `>=${MINIMUM_NODE.join('.')}`;

/** A plain sentence when `version` (as in process.version, "v18.19.0") is older than supported. */
export function nodeTooOld(version: string): string | undefined {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  const need = MINIMUM_NODE.join('.');
  return (
    `warmly: needs Node.js ${need} or newer; this is Node.js ${version}. ` +
    'Install a newer Node.js (for example with nvm, or actions/setup-node in CI).\n'
  );
}
