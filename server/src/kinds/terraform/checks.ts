/**
 * Checks shared by several Terraform rules, so each rule file only states what it requires.
 */
import type { RuleContext } from '../../engine/rule';
import { insertAttribute } from './edits';
import type { Block, TerraformModel } from './model';
import { address, isTrue, type TerraformModule } from './module';

export interface FlagMessages {
  /** Reported on the block header when the attribute is absent. */
  missing: string;
  /** Reported on the value when it is known and not true. */
  disabled: string;
}

/**
 * Requires `name = true` on a block. Absent -> the block header, with a fix that adds it; a known
 * other value -> the value, with a fix when it is written in place (not a variable's default);
 * unknown -> nothing.
 */
export function requireTrue(
  context: RuleContext<TerraformModel>,
  module: TerraformModule,
  block: Block,
  name: string,
  messages: FlagMessages,
  data: Record<string, string | number> = {},
): void {
  const found = module.value(block, name);
  const reportData = { resource: address(block), attribute: name, ...data };
  if (found.state === 'missing' && !found.attribute) {
    context.report({
      span: block.headerSpan,
      messageId: messages.missing,
      data: reportData,
      fix: () => insertAttribute(block, context.lines, name, 'true'),
    });
    return;
  }
  if (found.state === 'unknown' || (found.state === 'known' && isTrue(found.value))) return;
  // A known false, or an explicit null (Terraform's "unset"): point at the value itself.
  const value = found.attribute!.value;
  context.report({
    span: value.span,
    messageId: messages.disabled,
    data: reportData,
    fix: value.literal ? (fixer) => fixer.replace(value.span, 'true') : undefined,
  });
}
