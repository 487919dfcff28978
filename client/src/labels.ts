import * as vscode from 'vscode';
import type { ChecklistReport, FixFirstEntry, ItemStatus } from '../../server/src/checklist/types';
import type { Category, Severity } from '../../server/src/engine/types';
import { formatterFor, headline } from './viewModel';

/** Numbers and dates in VS Code's display language (it changes only with a reload). */
export const format = formatterFor(vscode.env.language);

/** Each string is spelled out so the l10n bundle check can find it. */
export function categoryLabel(category: Category): string {
  switch (category) {
    case 'Deployment':
      return vscode.l10n.t('Deployment');
    case 'Security':
      return vscode.l10n.t('Security');
    case 'Monitoring':
      return vscode.l10n.t('Monitoring');
    case 'Performance':
      return vscode.l10n.t('Performance');
    case 'Backup':
      return vscode.l10n.t('Backup');
    case 'Tests':
      return vscode.l10n.t('Tests');
    case 'Documentation':
      return vscode.l10n.t('Documentation');
  }
}

export function statusLabel(status: ItemStatus): string {
  switch (status) {
    case 'satisfied':
      return vscode.l10n.t('satisfied');
    case 'failing':
      return vscode.l10n.t('failing');
    case 'not-verified':
      return vscode.l10n.t('not verified');
    case 'not-applicable':
      return vscode.l10n.t('not applicable');
    case 'attested':
      return vscode.l10n.t('attested');
    case 'contradicted':
      return vscode.l10n.t('contradicted');
  }
}

export function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'error':
      return vscode.l10n.t('Error');
    case 'warning':
      return vscode.l10n.t('Warning');
    case 'information':
      return vscode.l10n.t('Information');
    case 'hint':
      return vscode.l10n.t('Hint');
  }
}

export function verdictLabel(report: ChecklistReport): string {
  return report.approved ? vscode.l10n.t('Approved') : vscode.l10n.t('Not approved');
}

export function findingsLabel(count: number): string {
  return count === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', format.count(count));
}

/** "139 in 31 files", "2 in 1 file". */
export function inFilesLabel(count: number, files: number): string {
  return files === 1 ? vscode.l10n.t('{0} in 1 file', format.count(count)) : vscode.l10n.t('{0} in {1} files', format.count(count), format.count(files));
}

/** "Readiness 9.1% proven · 118 items to verify · 5 gates open": what the files prove next to what nobody can tell yet. */
export function headlineParts(report: ChecklistReport): string[] {
  const { proven, toVerify, gatesOpen } = headline(report);
  return [
    vscode.l10n.t('Readiness {0} proven', format.percent(proven)),
    toVerify === 1 ? vscode.l10n.t('1 item to verify') : vscode.l10n.t('{0} items to verify', format.count(toVerify)),
    gatesOpen === 0 ? vscode.l10n.t('all gates passed') : gatesOpen === 1 ? vscode.l10n.t('1 gate open') : vscode.l10n.t('{0} gates open', format.count(gatesOpen)),
  ];
}

export function headlineText(report: ChecklistReport): string {
  return headlineParts(report).join(' · ');
}

/** The one action of a "Fix first" entry, as a short verb phrase. */
export function actionLabel(entry: FixFirstEntry): string {
  switch (entry.action) {
    case 'fix':
      // A rule without its own fix title gets the server's "Fix: <rule title>" ("Corrigir: ..."): not "fix: Fix: ...".
      return vscode.l10n.t('fix: {0}', (entry.finding?.fix?.title ?? '').replace(/^(?:Fix|Corrigir): /, ''));
    case 'open':
      return vscode.l10n.t('open the finding');
    case 'attest':
      return vscode.l10n.t('verify or attest');
  }
}

/** Why an entry ranks where it does, one sentence. */
export function reasonText(entry: FixFirstEntry): string {
  const gain = entry.scoreGain > 0 ? ' ' + vscode.l10n.t('Done, it raises the score by {0} points.', format.points(entry.scoreGain)) : '';
  switch (entry.reason) {
    case 'critical':
      return vscode.l10n.t('Critical and failing: the findings say what to fix.') + gain;
    case 'gate':
      return (
        (entry.gateDistance === 1
          ? vscode.l10n.t('The {0} gate is 1 item from passing.', categoryLabel(entry.category))
          : vscode.l10n.t('The {0} gate is {1} items from passing.', categoryLabel(entry.category), format.count(entry.gateDistance ?? 0))) + gain
      );
    case 'score':
      return gain.trim() || vscode.l10n.t('Its category gate is passed; doing it completes the checklist.');
  }
}

/** Today as the ISO date `.readiness.yml` stores (local calendar day, not UTC). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
