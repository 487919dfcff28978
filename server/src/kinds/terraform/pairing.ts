/**
 * Pairs a resource with the companion resources that configure it (an S3 bucket and its
 * aws_s3_bucket_versioning, public access block, encryption or replication configuration), in the
 * same module instance, and says who decides that a companion is missing.
 */
import { defaultsOf, isKnown, type TerraformContext, type Verdict } from './checks';
import type { EvalContext, Site } from './evaluate';
import { textValue } from './evaluate';
import type { Block } from './model';
import { attribute } from './model';
import { valueOf, type BlockView, type ResourceView } from './resources';

export interface Companions {
  present: ResourceView[];
  /** Some companion may or may not configure the target: no claim either way. */
  unknown: boolean;
  /** A companion that configures the target exists but is created zero times; where the analyzed file decided so. */
  switchedOffAt?: Site;
  /** Companions of the target's own module that count / for_each create zero times. */
  off: ResourceView[];
}

/**
 * Whether `companion` (through its `argument`, `bucket` by default) configures `target`: a
 * reference to it, or the same value as the target's own `argument` (its bucket name, its
 * cluster_identifier).
 */
export function pointsTo(companion: BlockView, target: ResourceView, argument = 'bucket'): 'yes' | 'no' | 'unknown' {
  const expr = attribute(companion.block, argument)?.value;
  if (!expr) return 'no';
  const ref = expr.reference;
  if (expr.type === 'reference' && ref && ref.length >= 2 && !['var', 'local', 'data', 'module', 'each', 'count'].includes(ref[0])) {
    return ref[0] === target.type && ref[1] === target.block.labels[1]?.value ? 'yes' : 'no';
  }
  const wanted = valueOf(companion, argument);
  if (!isKnown(wanted)) return 'unknown';
  const own = valueOf(target, argument);
  if (!isKnown(own)) return 'unknown';
  if (own.value === null) return 'no';
  return textValue(own) === textValue(wanted) ? 'yes' : 'no';
}

export function companionsOf(target: ResourceView, type: string, path: string, argument = 'bucket'): Companions {
  const result: Companions = { present: [], unknown: false, off: [] };
  for (const companion of target.scope.resources(type)) {
    const match = pointsTo(companion, target, argument);
    if (match === 'no') continue;
    // A companion that may not be created (its count is a caller's choice) proves nothing.
    if (match === 'unknown' || companion.exists === 'unknown') result.unknown = true;
    else if (companion.exists === 'yes') result.present.push(companion);
    else {
      result.off.push(companion);
      result.switchedOffAt ??= decidedIn(companion.block, companion.context, companion.path, path);
    }
  }
  for (const absent of target.scope.absent(type)) {
    const view: BlockView = { block: absent.block, path: absent.path, context: target.scope.scope.context, partial: absent.path !== target.path && target.partial, generated: false };
    if (!refersTo(absent.block, target, argument) && pointsTo(view, target, argument) !== 'yes') continue;
    const site = [...absent.count.sites].reverse().find((candidate) => candidate.path === path);
    if (site) result.switchedOffAt ??= site;
  }
  return result;
}

/** Where the analyzed file decides that count / for_each of a companion of its own module is zero. */
function decidedIn(block: Block, context: EvalContext, companionPath: string, path: string): Site | undefined {
  for (const name of ['count', 'for_each']) {
    const expr = attribute(block, name)?.value;
    if (!expr) continue;
    const value = context.evaluate(expr, companionPath, name);
    if (value.known) return [...value.sites].reverse().find((site) => site.path === path);
  }
  return undefined;
}

/** `bucket = aws_s3_bucket.this[0].id`: a reference whatever the companion's own count. */
function refersTo(block: Block, target: ResourceView, argument: string): boolean {
  const ref = attribute(block, argument)?.value.reference;
  return ref !== undefined && ref[0] === target.type && ref[1] === target.block.labels[1]?.value;
}

export interface CompanionMessages {
  /** The analyzed file declares the target and nothing in its module configures it. */
  missing: string;
  /** A module call creates the target without the companion, because of an argument it passes or leaves out. */
  moduleMissing: string;
  /** A reusable module creates the companion only when its caller asks, and by default it does not (at most information). */
  callerDefault?: string;
}

/**
 * Requires a companion resource configuring the target (a bucket's versioning, encryption ...):
 * present -> pass; one that may or may not exist -> unknown (in a reusable module, a companion that
 * the defaults leave out gets `callerDefault`, at most as information); none -> a finding at the
 * target, or at the argument of the module call that left it out.
 */
export function requireCompanion(context: TerraformContext, target: ResourceView, type: string, messages: CompanionMessages, fallbackSetting: string): Verdict {
  const path = context.model.path;
  const companions = companionsOf(target, type, path);
  if (companions.present.length > 0) return 'pass';
  const data = { resource: target.address };
  if (companions.unknown) {
    const defaults = messages.callerDefault ? defaultsOf(context, target) : undefined;
    const fallback = defaults && companionsOf(defaults as ResourceView, type, path);
    const off = fallback && !fallback.unknown && fallback.present.length === 0 ? fallback.off[0] : undefined;
    if (off) reportOffByDefault(context, target, off, messages.callerDefault!);
    return 'unknown';
  }
  if (target.own) context.report({ span: target.block.headerSpan, messageId: messages.missing, data });
  else if (companions.switchedOffAt) {
    const site = companions.switchedOffAt;
    context.report({ span: site.span, messageId: messages.moduleMissing, data: { ...data, setting: site.setting ?? fallbackSetting } });
  }
  return 'fail';
}

/** At the companion's count / for_each when this file holds it, else at the target. */
function reportOffByDefault(context: TerraformContext, target: ResourceView, off: ResourceView, messageId: string): void {
  const expr = (attribute(off.block, 'count') ?? attribute(off.block, 'for_each'))?.value;
  if (!expr) return;
  const here = off.path === context.model.path;
  const source = here ? context.model.text : (context.workspace.readText?.(off.path) ?? '');
  const condition = source.slice(expr.span.start, expr.span.end).replace(/\s+/g, ' ');
  context.report({
    span: here ? expr.span : target.anchor,
    messageId,
    data: { resource: target.address, companion: `${off.type}.${off.block.labels[1]?.value ?? ''}`, condition: condition.length > 60 ? `${condition.slice(0, 57)}...` : condition },
    atMost: 'information',
  });
}
