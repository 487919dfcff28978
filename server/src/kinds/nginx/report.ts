/**
 * Rules run over a whole configuration tree once, however many of its files are analyzed, and each
 * file gets the findings and inspected subjects whose spans are in it.
 */
import type { ReportDescriptor, RuleContext } from '../../engine/rule';
import type { Span } from '../../engine/types';
import { nginxConfigOf, type NginxConfig, type NginxContext, type Placed } from './config';
import type { NginxModel } from './model';
import { subjectOf } from './semantics';

export type TreeReport = (placed: { path: string }, descriptor: Omit<ReportDescriptor, 'path'>) => void;
/**
 * Records the subject a rule checked: the block (its kind as a checklist subject), located at
 * `at` when given (a directive of the block in another file than the block's own line), else at
 * the block's name. `unknown` when the verdict depends on what the workspace cannot show (an
 * include it lacks, a snippet's includer): the subject is listed but proves nothing.
 */
export type TreeInspect = (block: NginxContext, options?: { at?: Placed; unknown?: boolean }) => void;

interface InspectedSubject {
  path: string;
  subject: ReturnType<typeof subjectOf>;
  span: Span;
  unknown: boolean;
}

interface Outcome {
  findings: { path: string; descriptor: Omit<ReportDescriptor, 'path'> }[];
  inspected: InspectedSubject[];
}

const treeOutcomes = new WeakMap<NginxConfig, Map<string, Outcome>>();

/**
 * Runs a rule over the configuration tree the analyzed file lives in, once per tree, rule and
 * options, and reports to the analyzed file only what is in it. A directive reached twice (a
 * snippet included in two servers) is reported once.
 */
export function runOnTree(
  context: RuleContext<NginxModel>,
  ruleId: string,
  compute: (config: NginxConfig, report: TreeReport, inspect: TreeInspect) => void,
): void {
  const config = nginxConfigOf(context.model, context.workspace);
  let byRule = treeOutcomes.get(config);
  if (!byRule) {
    byRule = new Map();
    treeOutcomes.set(config, byRule);
  }
  const key = Object.keys(context.options).length ? `${ruleId}|${JSON.stringify(context.options)}` : ruleId;
  let outcome = byRule.get(key);
  if (!outcome) {
    const found: Outcome = { findings: [], inspected: [] };
    const seenFindings = new Set<string>();
    const seenSubjects = new Map<string, InspectedSubject>();
    compute(
      config,
      (placed, descriptor) => {
        const id = `${placed.path}|${descriptor.messageId}|${descriptor.span.start}|${descriptor.span.end}|${JSON.stringify(descriptor.data ?? {})}`;
        if (seenFindings.has(id)) return;
        seenFindings.add(id);
        found.findings.push({ path: placed.path, descriptor });
      },
      (block, { at, unknown = false } = {}) => {
        const owner = block.owner;
        const located = at && (!owner || owner.path !== at.path) ? at : owner;
        if (!located) return;
        const span = located === owner ? owner.directive.nameSpan : located.directive.span;
        const id = `${located.path}|${span.start}`;
        const seen = seenSubjects.get(id);
        // A subject reached twice (a snippet included in two servers) is known only if both verdicts are.
        if (seen) {
          seen.unknown ||= unknown;
          return;
        }
        const subject: InspectedSubject = { path: located.path, subject: subjectOf(config, block), span, unknown };
        seenSubjects.set(id, subject);
        found.inspected.push(subject);
      },
    );
    outcome = found;
    byRule.set(key, outcome);
  }
  const path = context.model.path;
  for (const subject of outcome.inspected) {
    if (subject.path === path) context.inspect({ subject: subject.subject, span: subject.span, path, ...(subject.unknown ? { unknown: true } : {}) });
  }
  for (const finding of outcome.findings) if (finding.path === path) context.report({ ...finding.descriptor, path });
}
