// For `warmly explain`: the matches the writer does not see, and why — a rule turned off by the
// config (named by file:line:col) or a match vetoed by an `unless:` (named, with the rule file
// and line it is written on). Found by linting again with the rules on and the vetoes out, then
// putting each veto of the rule back alone until the match goes away.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type DocumentRun,
  type Engine,
  type Finding,
  lint,
  type Rule,
  RuleSet,
  type RuleSettings,
} from '../core/index';

const key = (f: Finding) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
const MAX_VETO_TRIES = 300;

export function hiddenMatches(engine: Engine, run: DocumentRun, language: string, cwd: string): string[] {
  const shown = new Set(run.lint().findings.map(key));
  const lintWith = (ruleSet: RuleSet, settings: RuleSettings) =>
    lint(run.text, { ruleSet, language, format: run.format, settings }).findings;
  const { disable = [], severity = {} } = run.settings;
  const on = Object.fromEntries(Object.entries(severity).filter(([, s]) => s !== 'off'));
  const enabled = { ...run.settings, disable: [], severity: on };
  const out: string[] = [];
  const turnedOff = new Set([...disable, ...Object.keys(severity).filter((id) => severity[id] === 'off')]);
  for (const f of lintWith(run.ruleSet, enabled)) {
    if (shown.has(key(f)) || !turnedOff.has(f.ruleId)) continue;
    shown.add(key(f));
    out.push(`${describe(f, cwd)}\n  not shown: the rule is turned off by ${offBy(engine, run, f.ruleId, cwd)}`);
  }
  const vetoFree = new RuleSet(run.ruleSet.languages, run.ruleSet.rules.map(withoutVetoes));
  for (const f of lintWith(vetoFree, run.settings)) {
    if (shown.has(key(f))) continue;
    const veto = findVeto(run, f, language);
    out.push(
      `${describe(f, cwd)}\n  not shown: vetoed by unless "${veto?.phrase ?? '?'}"${veto ? where(veto, cwd) : ''}`,
    );
  }
  return out;
}

function describe(f: Finding, cwd: string): string {
  const origin = f.origin ? ` (${rel(f.origin.file, cwd)}:${f.origin.line}:${f.origin.column})` : '';
  return `${f.ruleId} would match "${f.actual}" at ${f.line}:${f.column}\n  pattern:  ${f.pattern}${origin}`;
}

function offBy(engine: Engine, run: DocumentRun, ruleId: string, cwd: string): string {
  const config = engine.configFor(run.fileName);
  const ref = config?.ruleRefs.find((r) => r.id === ruleId);
  if (ref) return `${rel(ref.file, cwd)}:${ref.line}:${ref.column}`;
  return config ? rel(config.file, cwd) : 'the settings';
}

function withoutVetoes(rule: Rule): Rule {
  return { ...rule, unless: [], patterns: rule.patterns.map((p) => ({ ...p, unless: [] })) };
}

interface Veto {
  phrase: string;
  files: string[];
}

// The pattern's own vetoes first, then the rule's: the first that alone silences the match.
function findVeto(run: DocumentRun, f: Finding, language: string): Veto | undefined {
  const rule = run.ruleSet.rules.find((r) => r.id === f.ruleId && r.language === language);
  if (!rule) return undefined;
  const bare = withoutVetoes(rule);
  const index = rule.patterns.findIndex((p) => (p.phrase ?? `regex: ${p.regex}`) === f.pattern);
  const tries: Array<[string, Rule]> = [];
  for (const u of rule.patterns[index]?.unless ?? []) {
    const patterns = bare.patterns.map((p, i) => (i === index ? { ...p, unless: [u] } : p));
    tries.push([u, { ...bare, patterns }]);
  }
  for (const u of rule.unless) tries.push([u, { ...bare, unless: [u] }]);
  const files = [...new Set([rule.file, ...rule.patterns.map((p) => p.file ?? rule.file)])];
  for (const [phrase, candidate] of tries.slice(0, MAX_VETO_TRIES)) {
    const one = new RuleSet(run.ruleSet.languages, [candidate]);
    const still = lint(run.text, { ruleSet: one, language, format: run.format, settings: run.settings }).findings;
    if (!still.some((g) => key(g) === key(f))) return { phrase, files };
  }
  return undefined;
}

// Where the veto is written: the first line of the rule's files that holds it.
function where(veto: Veto, cwd: string): string {
  for (const file of veto.files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const at = text.indexOf(veto.phrase);
    if (at < 0) continue;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return ` (${rel(file, cwd)}:${line}:${at - before.lastIndexOf('\n')})`;
  }
  return '';
}

const rel = (file: string, cwd: string) => path.relative(cwd, file) || file;
