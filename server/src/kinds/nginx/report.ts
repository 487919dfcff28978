/**
 * Rules run over a whole configuration tree once, however many of its files are analyzed, and each
 * file gets the findings and inspected subjects whose spans are in it.
 */
import type { InspectDescriptor, ReportDescriptor, RuleContext } from '../../engine/rule';
import { nginxConfigOf, type NginxConfig, type NginxContext, type Placed } from './config';
import type { NginxDirective, NginxModel } from './model';
import { subjectOf } from './semantics';

export type TreeReport = (placed: { path: string }, descriptor: Omit<ReportDescriptor, 'path'>) => void;
/**
 * Records the subject a rule checked: the block (its kind as a checklist subject), located at
 * `at` when given (a directive of the block in another file than the block's own line), else at
 * the block's name. `unknown` when the verdict depends on what the workspace cannot show (an
 * include it lacks, a snippet's includer): the subject is listed but proves nothing.
 */
export type TreeInspect = (block: NginxContext, options?: { at?: Placed; unknown?: boolean }) => void;

/** What a rule found in a tree, as the descriptors each file's analysis is given (built once, passed as they are). */
interface Outcome {
  findings: (ReportDescriptor & { path: string })[];
  inspected: (InspectDescriptor & { path: string })[];
}

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
  const key = hasOptions(context.options) ? `${ruleId}|${JSON.stringify(context.options)}` : ruleId;
  let outcome = config.outcomes.get(key) as Outcome | undefined;
  if (!outcome) {
    outcome = computeOutcome(config, compute);
    config.outcomes.set(key, outcome);
  }
  const path = context.model.path;
  const { inspected, findings } = outcome;
  for (let i = 0; i < inspected.length; i++) if (inspected[i].path === path) context.inspect(inspected[i]);
  for (let i = 0; i < findings.length; i++) if (findings[i].path === path) context.report(findings[i]);
}

function hasOptions(options: Readonly<Record<string, unknown>>): boolean {
  for (const _ in options) return true;
  return false;
}

function computeOutcome(config: NginxConfig, compute: (config: NginxConfig, report: TreeReport, inspect: TreeInspect) => void): Outcome {
  const found: Outcome = { findings: [], inspected: [] };
  // Findings so far by where they start: a finding repeats one with the same place, message and data.
  let seenFindings: Map<number, (ReportDescriptor & { path: string })[]> | undefined;
  // A directive belongs to one file and starts at one offset, so it stands for the subject's place.
  let seenSubjects: Map<NginxDirective, InspectDescriptor> | undefined;
  compute(
    config,
    (placed, descriptor) => {
      seenFindings ??= new Map();
      const start = descriptor.span.start;
      const atStart = seenFindings.get(start);
      if (atStart?.some((seen) => sameFinding(seen, placed.path, descriptor))) return;
      const finding = { ...descriptor, path: placed.path };
      if (atStart) atStart.push(finding);
      else seenFindings.set(start, [finding]);
      found.findings.push(finding);
    },
    (block, options) => {
      const owner = block.owner;
      const at = options?.at;
      const located = at && (!owner || owner.path !== at.path) ? at : owner;
      if (!located) return;
      const unknown = options?.unknown === true;
      seenSubjects ??= new Map();
      const seen = seenSubjects.get(located.directive);
      // A subject reached twice (a snippet included in two servers) is known only if both verdicts are.
      if (seen) {
        if (unknown) seen.unknown = true;
        return;
      }
      const span = located === owner ? owner.directive.nameSpan : located.directive.span;
      const subject: InspectDescriptor & { path: string } = unknown
        ? { subject: subjectOf(config, block), span, path: located.path, unknown: true }
        : { subject: subjectOf(config, block), span, path: located.path };
      seenSubjects.set(located.directive, subject);
      found.inspected.push(subject);
    },
  );
  return found;
}

function sameFinding(seen: ReportDescriptor & { path: string }, path: string, descriptor: Omit<ReportDescriptor, 'path'>): boolean {
  return seen.path === path && seen.messageId === descriptor.messageId && seen.span.end === descriptor.span.end && sameData(seen.data, descriptor.data);
}

/** Data of two findings hold the same values (flat records of strings and numbers; none is the same as empty). */
function sameData(a: ReportDescriptor['data'], b: ReportDescriptor['data']): boolean {
  if (a === b) return true;
  const left = a ?? {};
  const right = b ?? {};
  let count = 0;
  for (const key in left) {
    if (!(key in right) || left[key] !== right[key]) return false;
    count++;
  }
  for (const _ in right) count--;
  return count === 0;
}
