import { AUTO_INGRESS_RULES, NAMED_RULES } from './security-group-rules';
import type { RegistryModule } from './types';

const VERSIONS = { from: '4.0.0' };
const CHECKED = 'terraform-aws-security-group main.tf, variables.tf and rules.tf at 3cf4e1a (v5.x)';

let rulesDefaultText: string | undefined;

/** The named rules as the module's `rules` variable: `name = [from, to, protocol]`. */
function rulesDefault(): string {
  if (rulesDefaultText === undefined) {
    const entries = Object.entries(NAMED_RULES).map(([name, [from, to, protocol]]) => `    "${name}" = [${from}, ${to}, "${protocol}"]`);
    rulesDefaultText = ['  default = {', '    "_" = ["", "", ""]', ...entries, '  }'].join('\n');
  }
  return rulesDefaultText;
}

function hcl(autoIngressRules: readonly string[]): string {
  const auto = autoIngressRules.map((rule) => `"${rule}"`).join(', ');
  return `
variable "create" { default = true }
variable "putin_khuylo" { default = true }
variable "ingress_rules" { default = [] }
variable "ingress_cidr_blocks" { default = [] }
variable "ingress_ipv6_cidr_blocks" { default = [] }
variable "ingress_with_cidr_blocks" { default = [] }
variable "ingress_with_ipv6_cidr_blocks" { default = [] }
variable "computed_ingress_rules" { default = [] }
variable "number_of_computed_ingress_rules" { default = 0 }
variable "computed_ingress_with_cidr_blocks" { default = [] }
variable "number_of_computed_ingress_with_cidr_blocks" { default = 0 }
variable "auto_ingress_rules" { default = [${auto}] }
variable "tags" { default = {} }
variable "rules" {
${rulesDefault()}
}

locals {
  create        = var.create && var.putin_khuylo
  ingress_rules = sort(compact(distinct(concat(var.auto_ingress_rules, var.ingress_rules, [""]))))
}

resource "aws_security_group" "this" {
  count = local.create ? 1 : 0

  tags = var.tags
}

resource "aws_security_group_rule" "ingress_rules" {
  count = local.create ? length(local.ingress_rules) : 0

  type             = "ingress"
  cidr_blocks      = var.ingress_cidr_blocks
  ipv6_cidr_blocks = var.ingress_ipv6_cidr_blocks
  from_port        = var.rules[local.ingress_rules[count.index]][0]
  to_port          = var.rules[local.ingress_rules[count.index]][1]
  protocol         = var.rules[local.ingress_rules[count.index]][2]
}

resource "aws_security_group_rule" "computed_ingress_rules" {
  count = local.create ? var.number_of_computed_ingress_rules : 0

  type             = "ingress"
  cidr_blocks      = var.ingress_cidr_blocks
  ipv6_cidr_blocks = var.ingress_ipv6_cidr_blocks
  from_port        = var.rules[var.computed_ingress_rules[count.index]][0]
  to_port          = var.rules[var.computed_ingress_rules[count.index]][1]
  protocol         = var.rules[var.computed_ingress_rules[count.index]][2]
}

resource "aws_security_group_rule" "ingress_with_cidr_blocks" {
  count = local.create ? length(var.ingress_with_cidr_blocks) : 0

  type        = "ingress"
  cidr_blocks = compact(split(",", lookup(var.ingress_with_cidr_blocks[count.index], "cidr_blocks", join(",", var.ingress_cidr_blocks))))
  from_port   = lookup(var.ingress_with_cidr_blocks[count.index], "from_port", var.rules[lookup(var.ingress_with_cidr_blocks[count.index], "rule", "_")][0])
  to_port     = lookup(var.ingress_with_cidr_blocks[count.index], "to_port", var.rules[lookup(var.ingress_with_cidr_blocks[count.index], "rule", "_")][1])
  protocol    = lookup(var.ingress_with_cidr_blocks[count.index], "protocol", var.rules[lookup(var.ingress_with_cidr_blocks[count.index], "rule", "_")][2])
}

resource "aws_security_group_rule" "computed_ingress_with_cidr_blocks" {
  count = local.create ? var.number_of_computed_ingress_with_cidr_blocks : 0

  type        = "ingress"
  cidr_blocks = compact(split(",", lookup(var.computed_ingress_with_cidr_blocks[count.index], "cidr_blocks", join(",", var.ingress_cidr_blocks))))
  from_port   = lookup(var.computed_ingress_with_cidr_blocks[count.index], "from_port", var.rules[lookup(var.computed_ingress_with_cidr_blocks[count.index], "rule", "_")][0])
  to_port     = lookup(var.computed_ingress_with_cidr_blocks[count.index], "to_port", var.rules[lookup(var.computed_ingress_with_cidr_blocks[count.index], "rule", "_")][1])
  protocol    = lookup(var.computed_ingress_with_cidr_blocks[count.index], "protocol", var.rules[lookup(var.computed_ingress_with_cidr_blocks[count.index], "rule", "_")][2])
}

resource "aws_security_group_rule" "ingress_with_ipv6_cidr_blocks" {
  count = local.create ? length(var.ingress_with_ipv6_cidr_blocks) : 0

  type             = "ingress"
  ipv6_cidr_blocks = compact(split(",", lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "ipv6_cidr_blocks", join(",", var.ingress_ipv6_cidr_blocks))))
  from_port        = lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "from_port", var.rules[lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][0])
  to_port          = lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "to_port", var.rules[lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][1])
  protocol         = lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "protocol", var.rules[lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][2])
}
`;
}

/**
 * A mapping whose text is written at its first use: the main module and its 57 submodules each
 * carry the 154 named rules, which cost every server start about 14 ms when written at load.
 */
function lazyModule(module: Omit<RegistryModule, 'hcl'>, autoIngressRules: readonly string[]): RegistryModule {
  let text: string | undefined;
  return {
    ...module,
    get hcl() {
      text ??= hcl(autoIngressRules);
      return text;
    },
  };
}

export const securityGroup: RegistryModule = lazyModule({ source: 'terraform-aws-modules/security-group/aws', versions: VERSIONS, checkedAgainst: CHECKED }, []);

/** The generated submodules (`//modules/ssh`, `//modules/http-80` ...) open their group's rules by default. */
export const securityGroupSubmodules: RegistryModule[] = Object.entries(AUTO_INGRESS_RULES).map(([name, rules]) =>
  lazyModule(
    {
      source: `terraform-aws-modules/security-group/aws//modules/${name}`,
      versions: VERSIONS,
      checkedAgainst: `${CHECKED}: auto_groups.${name}.ingress_rules, which modules/${name}/main.tf prepends to ingress_rules`,
    },
    rules,
  ),
);
