/**
 * Pairs a resource with the companion resources that configure it (an S3 bucket and its
 * aws_s3_bucket_versioning, public access block, encryption or replication configuration), in the
 * same module instance, and says who decides that a companion is missing.
 */
import { isKnown } from './checks';
import type { Site } from './evaluate';
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
}

/** Whether `companion` (through its `argument`, `bucket` by default) configures `target`. */
export function pointsTo(companion: BlockView, target: ResourceView, argument = 'bucket'): 'yes' | 'no' | 'unknown' {
  const expr = attribute(companion.block, argument)?.value;
  if (!expr) return 'no';
  const ref = expr.reference;
  if (expr.type === 'reference' && ref && ref.length >= 2 && !['var', 'local', 'data', 'module', 'each', 'count'].includes(ref[0])) {
    return ref[0] === target.type && ref[1] === target.block.labels[1]?.value ? 'yes' : 'no';
  }
  const wanted = valueOf(companion, argument);
  if (!isKnown(wanted)) return 'unknown';
  const own = valueOf(target, 'bucket');
  if (!isKnown(own)) return 'unknown';
  if (own.value === null) return 'no';
  return textValue(own) === textValue(wanted) ? 'yes' : 'no';
}

export function companionsOf(target: ResourceView, type: string, path: string, argument = 'bucket'): Companions {
  const result: Companions = { present: [], unknown: false };
  for (const companion of target.scope.resources(type)) {
    const match = pointsTo(companion, target, argument);
    if (match === 'unknown') result.unknown = true;
    else if (match === 'yes') result.present.push(companion);
  }
  for (const absent of target.scope.absent(type)) {
    const view: BlockView = { block: absent.block, path: absent.path, context: target.scope.scope.context, partial: absent.path !== target.path && target.partial, generated: false };
    if (!refersTo(absent.block, target) && pointsTo(view, target, argument) !== 'yes') continue;
    const site = [...absent.count.sites].reverse().find((candidate) => candidate.path === path);
    if (site) result.switchedOffAt ??= site;
  }
  return result;
}

/** `bucket = aws_s3_bucket.this[0].id`: a reference whatever the companion's own count. */
function refersTo(block: Block, target: ResourceView): boolean {
  const ref = attribute(block, 'bucket')?.value.reference;
  return ref !== undefined && ref[0] === target.type && ref[1] === target.block.labels[1]?.value;
}
