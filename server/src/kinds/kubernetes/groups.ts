/**
 * One finding per problem group. Some rules share one fix: the four Pod Security Standard
 * "restricted" settings of a container (k8s/read-only-root-fs, k8s/drop-capabilities,
 * k8s/no-privilege-escalation, k8s/seccomp-profile) are all added by one securityContext edit, and
 * CPU and memory requests and limits (k8s/resource-requests, k8s/resource-limits) by one resources
 * edit. Where several members of a group find a setting missing at the same spot, the first member
 * that runs reports one finding naming every missing setting, with one fix; the others stay quiet.
 *
 * Each rule id stays suppressible: a member suppressed at that spot (a `readiness-ignore` comment
 * for the line, or `readiness-ignore-file`) reports its own finding, which the suppression then
 * swallows (so the comment counts as used), and it is left out of the group's finding and fix. A
 * member switched off in settings does not run: one that would have run before the reporter (the
 * group's members run in the group's order) is left out too; one after it cannot be known yet and
 * is still named. Members of one group must agree on `crossFile`, so that they are replayed from
 * the engine's per-model results together or run together.
 */
import type { RuleContext, ReportDescriptor } from '../../engine/rule';
import type { BaseModel, Span } from '../../engine/types';
import { parseSuppressions, type Suppression } from '../../engine/suppressions';

/**
 * Which members of a group ran in the current analysis of a model: per workspace view (one object
 * per analysis pass) and model. A member that finds itself already listed starts a new pass.
 */
const passes = new WeakMap<object, WeakMap<BaseModel, Map<string, Set<string>>>>();

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
  private readonly ranBefore: ReadonlySet<string>;
  private readonly suppressions: Suppression[];

  /**
   * @param order the group's rule ids in the order they run (their order in the rule registry)
   */
  constructor(
    private readonly context: RuleContext<BaseModel>,
    group: string,
    private readonly order: readonly string[],
    private readonly self: string,
  ) {
    let byModel = passes.get(context.workspace);
    if (!byModel) {
      byModel = new WeakMap();
      passes.set(context.workspace, byModel);
    }
    let byGroup = byModel.get(context.model);
    if (!byGroup) {
      byGroup = new Map();
      byModel.set(context.model, byGroup);
    }
    let ran = byGroup.get(group);
    if (!ran || ran.has(self)) {
      ran = new Set();
      byGroup.set(group, ran);
    }
    this.ranBefore = new Set(ran);
    ran.add(self);
    this.suppressions = parseSuppressions(context.lines).filter((suppression) => suppression.reason !== '');
  }

  report(spot: GroupSpot): void {
    const line = this.context.lines.positionAt(spot.span.start).line;
    const suppressed = (id: string) => this.suppressions.some((suppression) => suppression.ruleIds.includes(id) && (suppression.wholeFile || suppression.targetLine === line));
    if (suppressed(this.self)) {
      this.context.report(spot.single);
      return;
    }
    // A member that ran earlier in this pass, unsuppressed, with the same gap has reported the group.
    if (spot.open.some((id) => id !== this.self && this.ranBefore.has(id) && !suppressed(id))) return;
    // Members after this one have yet to run; those before it that did not run are switched off.
    const position = this.order.indexOf(this.self);
    const members = spot.open.filter((id) => id === this.self || (this.order.indexOf(id) > position && !suppressed(id)));
    this.context.report(members.length > 1 ? spot.grouped(members) : spot.single);
  }
}
