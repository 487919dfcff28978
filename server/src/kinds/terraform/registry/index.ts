/**
 * Looks registry modules up by the `source` of a module call and turns their mappings into models
 * the module-following code reads like any other module's files.
 */
import type { TerraformModel } from '../model';
import { parseTerraform } from '../parser';
import { alb } from './alb';
import { cloudwatchLogGroup } from './cloudwatch-log-group';
import { eks } from './eks';
import { elb } from './elb';
import { kms } from './kms';
import { rds } from './rds';
import { rdsAurora } from './rds-aurora';
import { s3Bucket } from './s3-bucket';
import { securityGroup, securityGroupSubmodules } from './security-group';
import type { RegistryModule } from './types';
import { vpc } from './vpc';

export type { RegistryModule } from './types';

export const REGISTRY_MODULES: readonly RegistryModule[] = [rds, rdsAurora, s3Bucket, securityGroup, ...securityGroupSubmodules, alb, elb, vpc, eks, kms, cloudwatchLogGroup];

const bySource = new Map(REGISTRY_MODULES.map((module) => [module.source, module]));

/** Paths of registry mappings start with this, so no finding is ever reported inside one. */
export const REGISTRY_PATH_PREFIX = 'registry:';

/**
 * The mapping for a module source in any of the forms Terraform accepts for the public registry
 * and its GitHub repositories (`terraform-aws-modules/rds/aws`, `registry.terraform.io/...`,
 * `git::https://github.com/terraform-aws-modules/terraform-aws-rds.git//modules/x?ref=v6.1.0`).
 */
export function registryModuleFor(source: string): { module: RegistryModule; refVersion?: string } | undefined {
  let rest = source.trim();
  let refVersion: string | undefined;
  const query = rest.indexOf('?');
  if (query >= 0) {
    refVersion = /(?:^|&)ref=v?([\d.]+)/.exec(rest.slice(query + 1))?.[1];
    rest = rest.slice(0, query);
  }
  let subdirectory = '';
  const double = rest.indexOf('//', rest.indexOf('://') >= 0 ? rest.indexOf('://') + 3 : 0);
  if (double >= 0) {
    subdirectory = rest.slice(double).replace(/\/+$/, '');
    rest = rest.slice(0, double);
  }
  rest = rest.replace(/^registry\.terraform\.io\//, '');
  const github = /^(?:git::)?(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]terraform-aws-modules\/terraform-aws-([\w-]+?)(?:\.git)?$/.exec(rest);
  const key = github ? `terraform-aws-modules/${github[1]}/aws` : rest;
  const module = bySource.get(key + subdirectory);
  return module ? { module, refVersion } : undefined;
}

const models = new WeakMap<RegistryModule, TerraformModel>();

/** The mapping parsed once (the parser is initialised before any rule runs). */
export function registryModelOf(module: RegistryModule): TerraformModel {
  let model = models.get(module);
  if (!model) {
    model = parseTerraform(module.hcl, `${REGISTRY_PATH_PREFIX}${module.source}/main.tf`);
    models.set(module, model);
  }
  return model;
}

/**
 * Whether a `version` constraint may select a version outside the checked range: its lowest
 * allowed version is before `from`, or it allows versions from `below` on. No constraint means the
 * latest version, inside the range unless the range has an end.
 */
export function versionOutsideRange(constraint: string | undefined, range: RegistryModule['versions']): boolean {
  if (constraint === undefined) return range.below !== undefined;
  const clauses = constraint.split(',').map((clause) => clause.trim());
  let lowest: number[] | undefined;
  let highest: { version: number[]; inclusive: boolean } | undefined;
  for (const clause of clauses) {
    const match = /^(~>|>=|<=|!=|=|>|<)?\s*v?(\d+(?:\.\d+){0,2})/.exec(clause);
    if (!match) return true;
    const operator = match[1] ?? '=';
    const version = parseVersion(match[2]);
    if (operator === '=' || operator === '>=' || operator === '>' || operator === '~>') lowest = version;
    if (operator === '=') highest = { version, inclusive: true };
    if (operator === '~>') highest = { version: pessimisticCeiling(match[2]), inclusive: false };
    if (operator === '<' || operator === '<=') highest = { version, inclusive: operator === '<=' };
  }
  if (!lowest || compare(lowest, parseVersion(range.from)) < 0) return true;
  if (range.below === undefined) return false;
  const below = parseVersion(range.below);
  if (compare(lowest, below) >= 0 || !highest) return true;
  const order = compare(highest.version, below);
  return highest.inclusive ? order >= 0 : order > 0;
}

function parseVersion(text: string): number[] {
  const parts = text.split('.').map(Number);
  while (parts.length < 3) parts.push(0);
  return parts;
}

/** `~> 6.1` allows up to (not including) 7.0; `~> 6.1.2` up to 6.2. */
function pessimisticCeiling(text: string): number[] {
  const parts = text.split('.').map(Number);
  if (parts.length === 1) return [parts[0] + 1, 0, 0];
  const kept = parts.slice(0, -1);
  kept[kept.length - 1] += 1;
  return parseVersion(kept.join('.'));
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
