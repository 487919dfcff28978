/**
 * Checks shared by several Terraform rules, so each rule file only states what it requires, and
 * the one place that decides where a finding about a value goes.
 */
import type { ReportDescriptor, RuleContext } from '../../engine/rule';
import type { Subject } from '../../engine/types';
import { insertAttribute } from './edits';
import { isUnknownItem, truthyValue, type Known, type Site, type Value } from './evaluate';
import type { TerraformModel } from './model';
import { TerraformFile, valueOf, type BlockView, type ResourceView } from './resources';

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

/** Records that the rule looked at a resource: at its header, or at the module call creating it. */
export function inspect(context: TerraformContext, view: ResourceView, subject: Subject): void {
  context.inspect({ subject, span: view.anchor, name: view.address });
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
  extra: Pick<ReportDescriptor, 'fixTitleId'> = {},
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

export interface FlagMessages {
  missing: string;
  disabled: string;
}

/**
 * Requires `name = true`: absent (or left at a false default by a module call) -> `missing` at the
 * block or call, with a fix that adds it; a known other value -> `disabled` at the value; unknown
 * (a reusable module's variable, a computed value) -> nothing.
 */
export function requireTrue(context: TerraformContext, view: BlockView & { address?: string }, name: string, messages: FlagMessages, data: Record<string, string | number> = {}): void {
  const value = valueOf(view, name);
  if (!isKnown(value) || truthyValue(value) === true) return;
  reportValue(context, value, { missing: messages.missing, value: messages.disabled }, { resource: view.address ?? '', attribute: name, ...data }, 'true');
}

/** Terraform accepts "true"/"false" strings where it expects a bool. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
