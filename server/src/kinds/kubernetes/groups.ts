/**
 * One finding per problem group. Some rules share one fix: the four Pod Security Standard
 * "restricted" settings of a container (k8s/read-only-root-fs, k8s/drop-capabilities,
 * k8s/no-privilege-escalation, k8s/seccomp-profile) are all added by one securityContext edit, and
 * CPU and memory requests and limits (k8s/resource-requests, k8s/resource-limits) by one resources
 * edit. Where several members of a group find a setting missing at the same spot, the first member
 * (in the group's order) that runs reports one finding naming every missing setting, with one fix;
 * the others stay quiet.
 *
 * Each rule id stays suppressible: a member suppressed at that spot (a `readiness-ignore` comment
 * for the line, or `readiness-ignore-file`) reports its own finding, which the suppression then
 * swallows (so the comment counts as used), and it is left out of the group's finding and fix. A
 * member that does not run in this analysis (switched off in settings, or not among the analyzed
 * rules) is left out too, wherever it stands in the group's order. Each member decides from the
 * file and the enabled rules alone, so members need not run together or in any order.
 */
import type { RuleContext, ReportDescriptor } from '../../engine/rule';
import type { BaseModel, Span } from '../../engine/types';
import { parseSuppressions, type Suppression } from '../../engine/suppressions';

export interface GroupSpot {
  span: Span;
  /** Members whose setting is missing here, in the group's order; the calling rule among them. */
  open: readonly string[];
  /** The calling rule's own finding, used when it reports alone. */
  single: ReportDescriptor;
  /** The group's finding for these members (two or more). */
  grouped(members: readonly string[]): ReportDescriptor;
}

export class GroupReporter {
  private readonly suppressions: Suppression[];

  /**
   * @param order the group's rule ids in their reporting order (their order in the rule registry)
   */
  constructor(
    private readonly context: RuleContext<BaseModel>,
    private readonly order: readonly string[],
    private readonly self: string,
  ) {
    this.suppressions = parseSuppressions(context.lines).filter((suppression) => suppression.reason !== '');
  }

  report(spot: GroupSpot): void {
    const line = this.context.lines.positionAt(spot.span.start).line;
    const suppressed = (id: string) => this.suppressions.some((suppression) => suppression.ruleIds.includes(id) && (suppression.wholeFile || suppression.targetLine === line));
    if (suppressed(this.self)) {
      this.context.report(spot.single);
      return;
    }
    const runs = (id: string) => id === this.self || (this.context.isEnabled?.(id) ?? true);
    const members = this.order.filter((id) => spot.open.includes(id) && runs(id) && !suppressed(id));
    // The first member that runs, unsuppressed, with this gap reports for the group.
    if (members[0] !== this.self) return;
    this.context.report(members.length > 1 ? spot.grouped(members) : spot.single);
  }
}
