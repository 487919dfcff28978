/**
 * The reports the server sent the panel, by revision, so that `readiness/checklistDelta` can say
 * what changed since the one the panel holds. Revisions are named per server process: a panel
 * that outlives a server restart asks with a name the new server never gave and gets the whole
 * report. Only the last few are kept; the panel asks about the one it fetched last.
 */
import { randomUUID } from 'node:crypto';
import type { ChecklistReport } from './types';
import { checklistDelta, compactChecklist, type ChecklistDelta, type CompactChecklist } from './wire';

export class ChecklistRevisions {
  private readonly epoch = randomUUID();
  private count = 0;
  /** Oldest first. */
  private readonly served: { revision: string; report: ChecklistReport }[] = [];

  constructor(private readonly keep = 4) {}

  /** The whole report in compact form, with its revision. */
  compact(report: ChecklistReport): CompactChecklist {
    return { ...compactChecklist(report), revision: this.revisionOf(report) };
  }

  /** What changed since revision `since`; the whole report when that revision is not kept. */
  since(report: ChecklistReport, since: string): ChecklistDelta | CompactChecklist {
    const base = this.served.find((served) => served.revision === since)?.report;
    return base ? checklistDelta(base, report, since, this.revisionOf(report)) : this.compact(report);
  }

  private revisionOf(report: ChecklistReport): string {
    const known = this.served.find((served) => served.report === report);
    if (known) return known.revision;
    const revision = `${this.epoch}:${++this.count}`;
    this.served.push({ revision, report });
    if (this.served.length > this.keep) this.served.shift();
    return revision;
  }
}
