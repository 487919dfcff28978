/**
 * Checks shared by several Terraform rules, so each rule file only states what it requires, and
 * the one place that decides where a finding about a value goes.
 */
import type { ReportDescriptor, RuleContext } from '../../engine/rule';
import type { Subject } from '../../engine/types';
import { insertAttribute } from './edits';
import { isUnknownItem, plain, truthyValue, type Known, type Site, type Value } from './evaluate';
import type { TerraformModel } from './model';
import { TerraformFile, valueOf, type BlockView, type ResourceView } from './resources';

/**
 * What one check concluded about a subject: `fail` when a finding was made (here or where the value
 * is decided), `unknown` when a value it depends on cannot be known from the files (a variable the
 * caller sets, a data source, a module output): unknown is not proof either way.
 */
export type Verdict = 'pass' | 'fail' | 'unknown';

export type TerraformContext = RuleContext<TerraformModel>;

/**
 * The rule context with repeated findings and inspections dropped: the instances of a counted
 * resource, or the resources a module call creates, often lead to the same argument.
 */
export function distinct(context: TerraformContext): TerraformContext {
  const reported = new Set<string>();
  const inspected = new Set<string>();
  return {
    model: context.model,
    lines: context.lines,
    options: context.options,
    workspace: context.workspace,
    report(descriptor) {
      const key = `${descriptor.span.start}:${descriptor.span.end}:${descriptor.messageId}:${JSON.stringify(descriptor.data ?? {})}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report(descriptor);
    },
    inspect(descriptor) {
      const key = `${descriptor.span.start}:${descriptor.subject}:${descriptor.name ?? ''}`;
      if (inspected.has(key)) return;
      inspected.add(key);
      context.inspect(descriptor);
    },
  };
}

/** The resources of these types the analyzed file deploys (its own and those of the modules it calls). */
export function resourcesOf(context: TerraformContext, ...types: string[]): ResourceView[] {
  return TerraformFile.of(context).resources(...types);
}

/**
 * Records that the rule looked at a resource (at its header, or at the module call creating it),
 * with the verdicts of its checks: a subject no check failed and one could not judge is unknown,
 * and so is one that may not be created at all (its count is a caller's choice, or zero): it
 * proves nothing.
 */
export function inspect(context: TerraformContext, view: ResourceView, subject: Subject, ...verdicts: Verdict[]): void {
  const unknown = !verdicts.includes('fail') && (verdicts.includes('unknown') || view.exists !== 'yes');
  context.inspect({ subject, span: view.anchor, name: view.address, ...(unknown ? { unknown: true } : {}) });
}

/** The last place in the analyzed file a value passed through: where the user changes it. */
export function siteIn(value: Known, path: string): Site | undefined {
  for (let i = value.sites.length - 1; i >= 0; i--) if (value.sites[i].path === path) return value.sites[i];
  return undefined;
}

export function isKnown(value: Value): value is Known {
  return value.known && !isUnknownItem(value);
}

export interface ValueMessages {
  /** When the setting is absent (from a block, or from a module call that leaves it at its default). */
  missing: string;
  /** When it is written with the wrong value. */
  value: string;
}

/**
 * Reports a wrong value where the analyzed file decides it: the literal (replaced by `fixValue`
 * when it is exactly that literal), the reference or argument it comes through, or the block or
 * module call that lacks the setting (which `fixValue` is inserted into). A value decided in
 * another file (a module's own code, a caller) is that file's finding: nothing is reported here.
 */
export function reportValue(
  context: TerraformContext,
  value: Known,
  messages: ValueMessages,
  data: Record<string, string | number>,
  fixValue?: string,
  extra: Pick<ReportDescriptor, 'fixTitleId' | 'atMost'> = {},
): boolean {
  const site = siteIn(value, context.model.path);
  if (!site) return false;
  const missing = site.kind !== 'value';
  // At a site the value was only computed from, the setting to change is the resource's own attribute.
  const setting = site.derived ? String(data.attribute ?? site.setting ?? '') : (site.setting ?? '');
  context.report({
    span: site.span,
    messageId: missing ? messages.missing : messages.value,
    data: { ...data, setting },
    fix: site.derived ? undefined : fixFor(context, site, fixValue),
    ...extra,
  });
  return true;
}

function fixFor(context: TerraformContext, site: Site, fixValue: string | undefined): ReportDescriptor['fix'] {
  if (fixValue === undefined) return undefined;
  if (site.kind === 'value') return site.exact ? (fixer) => fixer.replace(site.span, fixValue) : undefined;
  const block = site.block;
  const setting = site.setting;
  if (!block || !setting || !/^[A-Za-z_][\w-]*$/.test(setting)) return undefined;
  return () => insertAttribute(block, context.lines, setting, fixValue);
}

/**
 * In a reusable module, the value its caller decides as the variables' defaults make it, for "the
 * default is unsafe": `view` is the block evaluated with defaults (`defaultsOf`). Undefined when the
 * value is not the caller's to decide or the defaults do not show it.
 */
export function defaultValue(value: Value, defaults: BlockView | undefined, name: string): Known | undefined {
  if (value.known || !value.caller || !defaults) return undefined;
  const fallback = valueOf(defaults, name);
  return isKnown(fallback) ? fallback : undefined;
}

/**
 * The block evaluated with the variables' defaults: a resource of a reusable module, or a nested
 * block of one that no iterator shapes (a `dynamic` block's content is left alone).
 */
export function defaultsOf(context: TerraformContext, resource: ResourceView, nested?: BlockView): BlockView | undefined {
  const defaults = TerraformFile.of(context).withDefaults(resource);
  if (!defaults || !nested) return defaults;
  return nested.context === resource.context && !nested.generated ? { ...nested, context: defaults.context } : undefined;
}

/**
 * Reports that a reusable module leaves a setting to its callers with an unsafe default: a
 * decision, not a defect, so at most information. It goes where this file shows the default: the
 * default itself (replaced by `fixValue`) or the reference to the variable.
 */
export function reportDefault(context: TerraformContext, fallback: Known, messageId: string, data: Record<string, string | number>, fixValue?: string): boolean {
  const site = siteIn(fallback, context.model.path);
  if (!site) return false;
  const source = fallback.sites[fallback.sites.length - 1];
  const exact = site.kind === 'value' && site.exact && !site.derived && fixValue !== undefined;
  context.report({
    span: site.span,
    messageId,
    data: { ...data, variable: `var.${source?.setting ?? '?'}`, default: describeValue(fallback) },
    atMost: 'information',
    fix: exact ? (fixer) => fixer.replace(site.span, fixValue) : undefined,
  });
  return true;
}

/** A value as it would be written in HCL, shortened for a message. */
export function describeValue(value: Known): string {
  const text = JSON.stringify(plain(value)) ?? 'null';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export interface FlagMessages {
  missing: string;
  disabled: string;
  /** A reusable module whose default leaves it off (at most information). */
  callerDefault?: string;
}

/**
 * Requires `name = true`: absent (or left at a false default by a module call) -> `missing` at the
 * block or call, with a fix that adds it; a known other value -> `disabled` at the value; unknown
 * (a reusable module's variable, a computed value) -> no claim, but a reusable module whose default
 * is not true gets `callerDefault`, at most as information.
 */
export function requireTrue(
  context: TerraformContext,
  view: BlockView & { address?: string },
  name: string,
  messages: FlagMessages,
  data: Record<string, string | number> = {},
  defaults?: BlockView,
): Verdict {
  const value = valueOf(view, name);
  const details = { resource: view.address ?? '', attribute: name, ...data };
  if (isKnown(value)) {
    if (truthyValue(value) === true) return 'pass';
    reportValue(context, value, { missing: messages.missing, value: messages.disabled }, details, 'true');
    return 'fail';
  }
  const fallback = messages.callerDefault ? defaultValue(value, defaults, name) : undefined;
  if (fallback && truthyValue(fallback) !== true) reportDefault(context, fallback, messages.callerDefault!, details, 'true');
  return 'unknown';
}

/** Terraform accepts "true"/"false" strings where it expects a bool. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
