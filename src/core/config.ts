// .warmlyrc.yaml: found upward from each file (the nearest one wins; share settings between
// folders with `extends`), validated against rules/config.schema.json, with `extends` resolved to other
// configs, rule folders or npm packages. Everything here is data: nothing is executed.
import { listProblems } from './pattern-checks';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import ignore from 'ignore';
import picomatch from 'picomatch';
import configSchema from '../../rules/config.schema.json';
import { readBoundedText } from './read-bounded';
import { readYaml } from './yaml-file';
import type { FileProblem, Severity } from './types';

export const CONFIG_NAMES = ['.warmlyrc.yaml', '.warmlyrc.yml'];
/** A config is a page of settings; anything bigger is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

type SeverityOrOff = Severity | 'off';

interface ConfigYaml {
  language?: string;
  extends?: string[];
  rules?: string[];
  disable?: string[];
  severity?: Record<string, SeverityOrOff>;
  ignore?: string[];
  lists?: Record<string, string[]>;
  placeholders?: Record<string, string>;
  overrides?: Array<{
    files: string[];
    language?: string;
    disable?: string[];
    severity?: Record<string, SeverityOrOff>;
    placeholders?: Record<string, string>;
  }>;
}

/** A rule id as a config names it, and where. */
export interface RuleRef {
  id: string;
  file: string;
  line: number;
  column: number;
}

/** A config with its `extends` chain flattened: what a file under it gets. */
export interface ResolvedConfig {
  file: string;
  dir: string;
  /** False when some config in the chain said `extends: [warmly:none]`. */
  builtins: boolean;
  /** Absolute rule files and folders, from the extended configs first. */
  rules: string[];
  language?: string;
  disable: string[];
  severity: Record<string, SeverityOrOff>;
  lists: Record<string, string[]>;
  /** The team's placeholder syntax for rewrite slots: { first_name: "{{ticket.requester.first_name}}" }. */
  placeholders: Record<string, string>;
  /** Absolute-path matchers of files never to lint. */
  ignore: Array<(file: string) => boolean>;
  overrides: Array<{
    match: (file: string) => boolean;
    language?: string;
    disable?: string[];
    severity?: Record<string, SeverityOrOff>;
    placeholders?: Record<string, string>;
  }>;
  problems: FileProblem[];
  /** Every rule id the chain names (disable, severity, overrides), where it is written: checked against the rules. */
  ruleRefs: RuleRef[];
  /** Every file the resolved config was read from (to watch them). */
  files: string[];
}

export function findConfig(fromDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(fromDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || (stopAt && dir === path.resolve(stopAt))) return undefined;
    dir = parent;
  }
}

export function loadConfig(file: string): ResolvedConfig {
  return load(path.resolve(file), []);
}

function empty(file: string): ResolvedConfig {
  return {
    file,
    dir: path.dirname(file),
    builtins: true,
    rules: [],
    disable: [],
    severity: {},
    lists: {},
    placeholders: {},
    ignore: [],
    overrides: [],
    problems: [],
    ruleRefs: [],
    files: [file],
  };
}

function load(file: string, chain: string[]): ResolvedConfig {
  const out = empty(file);
  // Regular files only, and capped: a config named .warmlyrc.yaml can be a FIFO or /dev/zero.
  const read = readBoundedText(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    const message = `cannot read the config: ${read.reason} — check the path and its permissions`;
    out.problems.push({ file, line: 1, column: 1, message });
    return out;
  }
  const text = read.text;
  const parsed = readYaml<ConfigYaml>(file, text, configSchema);
  out.problems.push(...parsed.problems);
  if (!parsed.data) return out;
  out.problems.push(...listProblems(parsed.data.lists, (path, inner) => ({ file, ...parsed.locate(path, inner) })));
  for (const [i, ref] of (parsed.data.extends ?? []).entries()) extend(out, ref, parsed.locate(['extends', i]), chain);
  addOwn(out, parsed.data);
  out.ruleRefs.push(...ruleRefsOf(parsed.data, file, parsed.locate));
  return out;
}

type Place = { line: number; column: number };

// One `extends:` entry: the built-ins switch, a rule folder, or another config merged under this one.
function extend(out: ResolvedConfig, ref: string, at: Place, chain: string[]): void {
  const { file, dir } = out;
  if (ref === 'warmly:recommended') return;
  if (ref === 'warmly:none') {
    out.builtins = false;
    return;
  }
  const target = resolveExtends(ref, dir);
  if (!target) {
    const message =
      `cannot find "${ref}" — use "warmly:recommended", a path relative to this file, ` +
      'or an installed npm package that holds a .warmlyrc.yaml or a rules/ folder';
    out.problems.push({ file, ...at, message });
    return;
  }
  if (target.kind === 'rules') {
    out.rules.push(target.path);
    return;
  }
  if (target.path === file || chain.includes(target.path)) {
    const loop = [...chain, file, target.path].map((f) => path.basename(f)).join(' → ');
    const message = `"${ref}" extends a config that extends this one again (${loop}) — remove one of the two extends`;
    out.problems.push({ file, ...at, message });
    return;
  }
  const base = load(target.path, [...chain, file]);
  out.problems.push(...base.problems);
  out.ruleRefs.push(...base.ruleRefs);
  out.files.push(...base.files);
  out.builtins &&= base.builtins;
  out.rules.push(...base.rules);
  out.language = base.language ?? out.language;
  out.disable.push(...base.disable);
  Object.assign(out.severity, base.severity);
  Object.assign(out.lists, base.lists);
  Object.assign(out.placeholders, base.placeholders);
  out.ignore.push(...base.ignore);
  out.overrides.push(...base.overrides);
}

// The config's own keys, after (and over) what it extends.
function addOwn(out: ResolvedConfig, y: ConfigYaml): void {
  const { dir } = out;
  const glob = (pattern: string) => {
    const m = picomatch(pattern, { dot: true });
    return (f: string) => {
      const rel = path.relative(dir, f).split(path.sep).join('/');
      return !rel.startsWith('..') && (m(rel) || m(path.basename(f)));
    };
  };
  out.rules.push(...(y.rules ?? []).map((r) => path.resolve(dir, r)));
  if (y.language) out.language = y.language;
  out.disable.push(...(y.disable ?? []));
  Object.assign(out.severity, y.severity ?? {});
  Object.assign(out.lists, y.lists ?? {});
  Object.assign(out.placeholders, y.placeholders ?? {});
  // gitignore syntax, as in .warmlyignore: "templates/legal/" leaves out the folder, "*.txt" any .txt.
  if (y.ignore?.length) {
    const ig = ignore().add(y.ignore);
    out.ignore.push((f) => {
      const rel = path.relative(dir, f).split(path.sep).join('/');
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && ig.ignores(rel);
    });
  }
  for (const o of y.overrides ?? []) {
    const matchers = o.files.map(glob);
    const match = (f: string) => matchers.some((m) => m(f));
    const { language, disable, severity, placeholders } = o;
    out.overrides.push({ match, language, disable, severity, placeholders });
  }
}

// Where the config names rule ids: disable lists and severity keys, at the top and in overrides.
function ruleRefsOf(y: ConfigYaml, file: string, locate: (p: Array<string | number>) => Place): RuleRef[] {
  const refs: RuleRef[] = [];
  const scan = (base: Array<string | number>, disable?: string[], severity?: Record<string, unknown>) => {
    for (const [i, id] of (disable ?? []).entries()) refs.push({ id, file, ...locate([...base, 'disable', i]) });
    for (const id of Object.keys(severity ?? {})) refs.push({ id, file, ...locate([...base, 'severity', id]) });
  };
  scan([], y.disable, y.severity);
  for (const [i, o] of (y.overrides ?? []).entries()) scan(['overrides', i], o.disable, o.severity);
  return refs;
}

function resolveExtends(ref: string, dir: string): { kind: 'config' | 'rules'; path: string } | undefined {
  const asPath = path.resolve(dir, ref);
  if (ref.startsWith('.') || path.isAbsolute(ref)) return classify(asPath);
  // An npm package: its own .warmlyrc.yaml, else its rules/ folder; nothing else in it.
  try {
    const req = createRequire(path.join(dir, 'noop.js'));
    const pkgRoot = path.dirname(req.resolve(`${ref}/package.json`));
    for (const name of CONFIG_NAMES)
      if (fs.existsSync(path.join(pkgRoot, name))) return { kind: 'config', path: path.join(pkgRoot, name) };
    if (fs.existsSync(path.join(pkgRoot, 'rules'))) return { kind: 'rules', path: path.join(pkgRoot, 'rules') };
    // A package with neither is not a rule pack: its own YAML files are not Warmly's to read.
    return undefined;
  } catch {
    return classify(asPath);
  }
}

function classify(p: string): { kind: 'config' | 'rules'; path: string } | undefined {
  try {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of CONFIG_NAMES)
        if (fs.existsSync(path.join(p, name))) return { kind: 'config', path: path.join(p, name) };
      return { kind: 'rules', path: p };
    }
    return { kind: /\.warmlyrc\.ya?ml$/.test(p) ? 'config' : 'rules', path: p };
  } catch {
    return undefined;
  }
}

export interface FileSettings {
  language?: string;
  disable: string[];
  severity: Record<string, SeverityOrOff>;
  placeholders: Record<string, string>;
  ignored: boolean;
}

/** The settings a config gives one file, overrides applied in order; with no file, no override or ignore applies. */
export function settingsFor(config: ResolvedConfig, file: string | undefined): FileSettings {
  let language = config.language;
  const disable = [...config.disable];
  const severity = { ...config.severity };
  const placeholders = { ...config.placeholders };
  for (const o of config.overrides) {
    if (!file || !o.match(file)) continue;
    if (o.language) language = o.language;
    disable.push(...(o.disable ?? []));
    Object.assign(severity, o.severity ?? {});
    Object.assign(placeholders, o.placeholders ?? {});
  }
  return { language, disable, severity, placeholders, ignored: !!file && config.ignore.some((m) => m(file)) };
}
