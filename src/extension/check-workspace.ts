// "Warmly: Check all files in the workspace": the files the CLI would lint in each workspace
// folder (its own discovery: the same file types, .warmlyignore, the config's `ignore:`, helpdesk
// exports) are linted and their findings fill the Problems panel, with a notification that shows
// progress and can be cancelled. A file that is open keeps its live findings; one opened later
// gets live ones in place of these (the same diagnostic collection); one closed again gets its
// findings from disk back, never both.
import * as vscode from 'vscode';
import type { Finding } from '../core';
import type { ExportRun } from '../core/helpdesk';
import { collectFiles, openFile, type OpenedFile } from '../cli/collect-files';
import { readInput } from '../cli/read-input';
import type { DocumentRun } from '../core';
import type { DiagnosticsView } from './diagnostics';
import type { Documents } from './documents';
import type { Engines } from './engines';
import type { Log } from './log';
import { readSettings } from './settings';

export interface CheckSummary {
  /** Files the check found to lint. */
  files: number;
  /** Files linted before it ended (fewer when cancelled). */
  checked: number;
  findings: number;
  filesWithFindings: number;
  cancelled: boolean;
}

/** How many files are linted between two looks at the cancel button (and two progress reports). */
const BATCH = 20;

export class WorkspaceCheck {
  /** Files whose findings came from the last check (URI strings). */
  private readonly checked = new Set<string>();

  constructor(
    private readonly engines: Engines,
    private readonly documents: Documents,
    private readonly diagnostics: DiagnosticsView,
    private readonly log: Log,
  ) {
    diagnostics.restore = (uri) => this.restore(uri);
  }

  /** `cancel`: a second way to stop it, besides the notification's button (for callers of the command). */
  run(cancel?: vscode.CancellationToken): Thenable<CheckSummary> {
    const title = 'Warmly: checking all files in the workspace';
    const location = vscode.ProgressLocation.Notification;
    return vscode.window.withProgress({ location, title, cancellable: true }, async (progress, token) => {
      const stop = () => token.isCancellationRequested || cancel?.isCancellationRequested === true;
      const summary = await this.check(progress, stop);
      if (!summary.cancelled && summary.findings > 0)
        void vscode.commands.executeCommand('workbench.actions.view.problems');
      return summary;
    });
  }

  private async check(progress: vscode.Progress<{ message?: string; increment?: number }>, stop: () => boolean) {
    const started = performance.now();
    const summary: CheckSummary = { files: 0, checked: 0, findings: 0, filesWithFindings: 0, cancelled: false };
    const files = await this.collect();
    summary.files = files.length;
    this.log.info(`checking all files in the workspace: ${files.length} to lint`);
    this.forgetChecked();
    for (const [i, file] of files.entries()) {
      if (i % BATCH === 0) {
        // Lets the notification's Cancel reach us, and shows how far it is.
        await new Promise((resolve) => setImmediate(resolve));
        if (stop()) {
          summary.cancelled = true;
          break;
        }
        progress.report({ message: `${i} of ${files.length}: ${file.rel}`, increment: (100 * BATCH) / files.length });
      }
      const findings = this.show(file);
      summary.checked++;
      summary.findings += findings;
      if (findings > 0) summary.filesWithFindings++;
    }
    const ms = Math.round(performance.now() - started);
    const plural = summary.findings === 1 ? '' : 's';
    const found = `${summary.findings} finding${plural} in ${summary.filesWithFindings} files`;
    this.log.info(
      summary.cancelled
        ? `workspace check cancelled after ${summary.checked} of ${summary.files} files: ${found} so far (${ms} ms)`
        : `workspace check: ${summary.checked} files checked, ${found} (${ms} ms)`,
    );
    return summary;
  }

  // The CLI's own collection, run from each folder as `npx warmly .` would be.
  private async collect(): Promise<OpenedFile[]> {
    const out: OpenedFile[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const settings = readSettings(folder.uri);
      if (!settings.enable) continue;
      try {
        const engine = this.engines.engineFor(settings);
        const collection = await collectFiles(folder.uri.fsPath, engine, ['.'], { settings: settings.engine });
        for (const note of collection.notes) this.log.info(`workspace check, ${folder.name}: ${note}`);
        if (collection.fatal) this.log.warn(`workspace check, ${folder.name}: ${collection.fatal}`);
        out.push(...collection.files);
      } catch (error) {
        this.log.error(`workspace check of ${folder.name} failed`, error);
      }
    }
    return out;
  }

  /** Shows one file's findings unless it is open with live ones; returns how many it has. */
  private show(file: OpenedFile): number {
    const uri = vscode.Uri.file(file.file);
    const findings = findingsOf(file.run);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && this.documents.result(open)) return this.documents.result(open)?.findings.length ?? 0;
    this.checked.add(uri.toString());
    this.diagnostics.showFile(uri, findings);
    return findings.length;
  }

  /** Files of the last check that are not open lose those findings (before a new check: a file may be gone). */
  forgetChecked(): void {
    for (const key of this.checked) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (!open || !this.documents.result(open)) this.diagnostics.collection.delete(vscode.Uri.parse(key));
    }
    this.checked.clear();
  }

  /** A checked file was closed: its findings as saved on disk now (undefined if it was not checked). */
  private restore(uri: vscode.Uri): Finding[] | undefined {
    if (!this.checked.has(uri.toString()) || uri.scheme !== 'file') return undefined;
    const input = readInput(uri.fsPath);
    if (input.kind !== 'text') return undefined;
    const settings = readSettings(uri);
    if (!settings.enable) return undefined;
    const run = openFile(this.engines.engineFor(settings), uri.fsPath, input.text, { settings: settings.engine });
    return findingsOf(run);
  }
}

function findingsOf(run: DocumentRun | ExportRun): Finding[] {
  if (run.ignored) return [];
  const result = run.lint();
  if ('kind' in result) return result.kind === 'export' ? result.findings : [];
  return result.findings;
}
