import * as vscode from 'vscode';
import type { ChecklistReport, ItemStatus } from '../../server/src/checklist/types';
import type { Category, Severity } from '../../server/src/engine/types';

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

export function percent(score: number): string {
  return `${Math.round(score * 10) / 10}%`;
}

export function verdictLabel(report: ChecklistReport): string {
  return report.approved ? vscode.l10n.t('Approved') : vscode.l10n.t('Not approved');
}

export function overallLabel(report: ChecklistReport): string {
  return vscode.l10n.t('Readiness {0} · {1}/{2} gates · {3}', percent(report.score), report.gatesPassed, report.gatesTotal, verdictLabel(report));
}

export function statusBarText(report: ChecklistReport): string {
  const open = report.gatesTotal - report.gatesPassed;
  if (open === 0) return vscode.l10n.t('$(checklist) Readiness {0} · all gates passed', percent(report.score));
  if (open === 1) return vscode.l10n.t('$(checklist) Readiness {0} · 1 gate open', percent(report.score));
  return vscode.l10n.t('$(checklist) Readiness {0} · {1} gates open', percent(report.score), open);
}

/** Today as the ISO date `.readiness.yml` stores (local calendar day, not UTC). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
