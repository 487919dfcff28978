import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, resourcesOf, siteIn, type TerraformContext } from '../../server/src/kinds/terraform/checks';
import { isUnknownItem, listItems, mapEntries, numericValue, textValue, type Known, type Value } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { nestedViews, valueOf, type BlockView } from '../../server/src/kinds/terraform/resources';

const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];
const WEB_PORTS = [80, 443];
const ICMP = ['icmp', 'icmpv6', '1', '58'];

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/open-ingress',
    kind: 'terraform',
    title: 'Do not open ports other than 80/443 to the internet',
    description:
      'Security group ingress from 0.0.0.0/0 or ::/0 must be limited to ports 80 and 443; SSH, databases and admin ports open to the whole internet are scanned and brute-forced within minutes. Inline ingress blocks and lists (also of the default security group), aws_security_group_rule and aws_vpc_security_group_ingress_rule are checked, including those modules create.',
    checklistItem: 'deployment/firewall',
    severity: 'error',
    fixable: false,
    crossFile: true,
    messages: {
      open: 'Ingress to {{resource}} from {{cidr}} opens {{ports}} to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.',
    },
    examples: {
      bad: 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}',
      good: 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n}',
    },
    ptBR: {
      title: 'Não abrir portas além de 80/443 para a internet',
      description:
        'Ingress de security group a partir de 0.0.0.0/0 ou ::/0 deve se limitar às portas 80 e 443; SSH, bancos de dados e portas administrativas abertas para a internet inteira são varridos e atacados por força bruta em minutos. São verificados blocos e listas ingress inline (também do security group padrão), aws_security_group_rule e aws_vpc_security_group_ingress_rule, inclusive os criados por módulos.',
      messages: {
        open: 'O ingress em {{resource}} a partir de {{cidr}} abre {{ports}} para a internet inteira; restrinja a origem a redes conhecidas ou exponha só 80/443 por um load balancer.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const group of resourcesOf(context, 'aws_security_group', 'aws_default_security_group')) {
      inspect(context, group, 'security-group');
      for (const ingress of nestedViews(group, 'ingress')) {
        checkRule(context, group.address, fromBlock(ingress, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']));
      }
      const list = valueOf(group, 'ingress');
      for (const item of isKnown(list) ? (listItems(list) ?? []) : []) {
        const entries = mapEntries(item);
        if (!entries) continue;
        const get = (name: string): Value => entries.get(name) ?? { known: false };
        checkRule(context, group.address, { protocol: get('protocol'), from: get('from_port'), to: get('to_port'), cidrs: [get('cidr_blocks'), get('ipv6_cidr_blocks')] });
      }
    }
    for (const rule of resourcesOf(context, 'aws_security_group_rule')) {
      inspect(context, rule, 'security-group');
      const type = valueOf(rule, 'type');
      if (isKnown(type) && type.value === 'ingress') checkRule(context, rule.address, fromBlock(rule, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']));
    }
    for (const rule of resourcesOf(context, 'aws_vpc_security_group_ingress_rule')) {
      inspect(context, rule, 'security-group');
      checkRule(context, rule.address, fromBlock(rule, 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6']));
    }
  },
});

interface IngressRule {
  protocol: Value;
  from: Value;
  to: Value;
  /** Lists of CIDRs, or single CIDR strings. */
  cidrs: Value[];
}

function fromBlock(view: BlockView, protocol: string, cidrs: string[]): IngressRule {
  return { protocol: valueOf(view, protocol), from: valueOf(view, 'from_port'), to: valueOf(view, 'to_port'), cidrs: cidrs.map((name) => valueOf(view, name)) };
}

function checkRule(context: TerraformContext, resource: string, rule: IngressRule): void {
  const ports = exposedPorts(rule);
  if (!ports) return;
  for (const cidrs of rule.cidrs) {
    if (!isKnown(cidrs)) continue;
    const sources: Known[] = cidrs.value !== null && typeof cidrs.value === 'object' ? (listItems(cidrs) ?? []) : [cidrs];
    for (const source of sources) {
      const cidr = textValue(source);
      if (cidr === undefined || !OPEN_CIDRS.includes(cidr)) continue;
      const site = siteIn(source, context.model.path);
      if (site) context.report({ span: site.span, messageId: 'open', data: { resource, cidr, ports } });
    }
  }
}

/** A description of the ports a rule opens beyond 80/443, or undefined when it opens none (or it cannot be told). */
function exposedPorts(rule: IngressRule): string | undefined {
  if (!isKnown(rule.protocol) || isUnknownItem(rule.protocol)) return undefined;
  const name = String(rule.protocol.value).toLowerCase();
  if (name === '-1' || name === 'all') return 'all ports';
  if (ICMP.includes(name)) return undefined;
  if (!isKnown(rule.from) || !isKnown(rule.to)) return undefined;
  const low = numericValue(rule.from);
  const high = numericValue(rule.to);
  if (low === undefined || high === undefined) return undefined;
  if (low === high && WEB_PORTS.includes(low)) return undefined;
  return low === high ? `port ${low}` : `ports ${low}-${high}`;
}
