// Runs a composite action's steps the way the GitHub runner does, on this machine: each `run:`
// script through `bash --noprofile --norc -eo pipefail`, its `env:` with the ${{ }} expressions
// filled in from the inputs (defaults from action.yml), earlier steps' outputs and the pull
// request's base commit. `uses:` steps cannot run offline; they are returned with their `with:`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

export const ROOT = path.resolve(__dirname, '../..');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export interface StepResult {
  name: string;
  skipped: boolean;
  status?: number;
  stdout: string;
  stderr: string;
  uses?: string;
  with?: Record<string, string>;
}

export interface ActionRun {
  steps: StepResult[];
  outputs: Record<string, string>;
  log: string;
}

export function loadAction(file = path.join(ROOT, 'action.yml')) {
  return parse(fs.readFileSync(file, 'utf8'));
}

export function runAction(cwd: string, given: Record<string, string>, baseSha = ''): ActionRun {
  const action = loadAction();
  const inputs: Record<string, string> = {};
  const context = { inputs, steps: {} as Record<string, Record<string, string>>, baseSha };
  for (const [name, spec] of Object.entries<{ default?: string }>(action.inputs)) inputs[name] = spec.default ?? '';
  for (const name of Object.keys(given)) if (!(name in inputs)) throw new Error(`action.yml has no input "${name}"`);
  for (const [name, raw] of Object.entries(inputs)) inputs[name] = name in given ? given[name] : expand(raw, context);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-runner-'));
  const steps: StepResult[] = [];
  let failed = false;
  for (const step of action.runs.steps as Step[]) {
    const name = step.name ?? step.id ?? '';
    const wanted = step.if ? condition(step.if, context, failed) : !failed;
    if (!wanted || step.uses) {
      const w = step.with && Object.fromEntries(Object.entries(step.with).map(([k, v]) => [k, expand(v, context)]));
      steps.push({ name, skipped: !wanted, stdout: '', stderr: '', uses: step.uses, with: w });
      continue;
    }
    const result = runStep(step, cwd, temp, context);
    steps.push({ name, skipped: false, ...result.output });
    if (step.id) context.steps[step.id] = result.outputs;
    failed ||= result.output.status !== 0;
  }
  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries<{ value: string }>(action.outputs ?? {}))
    outputs[name] = expand(spec.value, context);
  fs.rmSync(temp, { recursive: true, force: true });
  return { steps, outputs, log: steps.map((s) => s.stdout + s.stderr).join('') };
}

type Context = { inputs: Record<string, string>; steps: Record<string, Record<string, string>>; baseSha: string };

function runStep(step: Step, cwd: string, temp: string, context: Context) {
  if (step.shell !== 'bash') throw new Error(`step "${step.name}": only bash steps are run here`);
  const script = path.join(temp, `step-${Math.random().toString(36).slice(2)}.sh`);
  const outputFile = path.join(temp, 'output');
  fs.writeFileSync(script, step.run ?? '');
  fs.writeFileSync(outputFile, '');
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(String(v), context);
  Object.assign(env, { GITHUB_OUTPUT: outputFile, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: temp, CI: 'true' });
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { output: { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr }, outputs };
}

/** ${{ inputs.x }}, ${{ steps.id.outputs.y }} and the pull request's base sha; anything else is an error. */
function expand(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => value(expr, context));
}

function value(expr: string, context: Context): string {
  let m = /^inputs\.([\w-]+)$/.exec(expr);
  if (m) return context.inputs[m[1]] ?? '';
  m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
  if (m) return context.steps[m[1]]?.[m[2]] ?? '';
  if (expr === 'github.event.pull_request.base.sha') return context.baseSha;
  throw new Error(`expression not understood by this test runner: ${expr}`);
}

/** `if:` as used in action.yml: always(), success() and comparisons of inputs with strings, joined by &&. */
function condition(text: string, context: Context, failed: boolean): boolean {
  const body = text.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
  return (
    body.split('&&').every((term) => {
      const t = term.trim();
      if (t === 'always()') return true;
      if (t === 'success()') return !failed;
      const m = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(t);
      if (!m) throw new Error(`condition not understood by this test runner: ${t}`);
      return (value(m[1], context) === m[3]) === (m[2] === '==');
    }) &&
    (/always\(\)/.test(body) || !failed)
  );
}
