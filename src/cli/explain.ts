// `warmly explain "<text>"`: what matched, where, with which captures, and what each rewrite
// would make of the sentence — the tool for a content lead whose rule surprised them.
import * as path from 'node:path';
import { applyEdits, type Engine } from '../core/index';
import { hiddenMatches } from './explain-hidden';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, type CliIo } from './io';

export function runExplain(args: { io: CliIo; engine: Engine; text: string; lang?: string }): number {
  const { io, engine, text } = args;
  if (!text.trim()) {
    io.stderr.write('warmly: explain needs a text, e.g. warmly explain "You\'ll need to contact your bank."\n');
    return EXIT_TROUBLE;
  }
  // A file name in the current folder, so the config that governs this folder applies.
  const run = engine.open({ fileName: path.join(args.io.cwd, 'explain.md'), text, language: args.lang });
  const result = run.lint();
  const scores = run.ruleSet.detector.detect(text).scores;
  io.stdout.write(
    `language: ${result.language} (${result.languageSource}${
      result.languageSource === 'detected'
        ? `; scores ${Object.entries(scores)
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', ')}`
        : ''
    })\n`,
  );
  // Matches turned off by the config or vetoed by an unless: the usual "why is this not flagged?".
  const hidden = hiddenMatches(engine, run, result.language, io.cwd);
  const writeHidden = () => {
    for (const h of hidden) io.stdout.write(`\n${h}\n`);
  };
  if (result.findings.length === 0) {
    io.stdout.write(hidden.length === 0 ? 'no rule matched.\n' : 'no finding is shown, but:\n');
    writeHidden();
    return EXIT_OK;
  }
  for (const f of result.findings) {
    io.stdout.write(
      `\n${f.ruleId} (${f.severity}) at ${f.line}:${f.column}–${f.endLine}:${f.endColumn}: "${f.actual}"\n`,
    );
    const where = f.origin
      ? `  (${path.relative(io.cwd, f.origin.file) || f.origin.file}:${f.origin.line}:${f.origin.column})`
      : '';
    io.stdout.write(`  pattern:  ${f.pattern}${where}\n`);
    for (const [name, value] of Object.entries(f.captures)) io.stdout.write(`  {${name}} = "${value}"\n`);
    io.stdout.write(`  message:  ${f.message}\n`);
    f.suggestions.forEach((s, i) => {
      // A fix is what --fix and fix-all write; a suggestion is only offered, and may hold a slot.
      const kind =
        s.kind === 'fix'
          ? 'fix, applied by --fix'
          : s.slots
            ? `suggestion, fill in the ${s.slots.join(', ')}`
            : 'suggestion, offered only';
      io.stdout.write(`  rewrite ${i + 1} (${kind}): "${s.text}"\n    → ${applyEdits(text, [s]).output}\n`);
    });
    if (f.suggestions.length === 0) io.stdout.write('  (no rewrite: the writer chooses the words)\n');
  }
  writeHidden();
  return EXIT_FINDINGS;
}
