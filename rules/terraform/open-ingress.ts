import { defineRule } from '../../server/src/engine/rule';
import type { Span } from '../../server/src/engine/types';
import { attribute, nestedBlocks, type Block, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { TerraformModule } from '../../server/src/kinds/terraform/module';

const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];
const WEB_PORTS = [80, 443];
const ICMP = ['icmp', 'icmpv6', '1', '58'];

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/open-ingress',
    kind: 'terraform',
    title: 'Do not open ports other than 80/443 to the internet',
    description:
      'Security group ingress from 0.0.0.0/0 or ::/0 must be limited to ports 80 and 443; SSH, databases and admin ports open to the whole internet are scanned and brute-forced within minutes. Inline ingress blocks, aws_security_group_rule and aws_vpc_security_group_ingress_rule are checked.',
    checklistItem: 'deployment/firewall',
    severity: 'error',
    fixable: false,
    crossFile: true,
    messages: {
      open: 'Ingress from {{cidr}} opens {{ports}} to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.',
    },
    examples: {
      bad: 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}',
      good: 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n}',
    },
    ptBR: {
      title: 'Não abrir portas além de 80/443 para a internet',
      description:
        'Ingress de security group a partir de 0.0.0.0/0 ou ::/0 deve se limitar às portas 80 e 443; SSH, bancos de dados e portas administrativas abertas para a internet inteira são varridos e atacados por força bruta em minutos. São verificados blocos ingress inline, aws_security_group_rule e aws_vpc_security_group_ingress_rule.',
      messages: {
        open: 'O ingress a partir de {{cidr}} abre {{ports}} para a internet inteira; restrinja a origem a redes conhecidas ou exponha só 80/443 por um load balancer.',
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    const rules: { block: Block; protocol: string; cidrs: string[] }[] = [];
    for (const group of module.ownResources('aws_security_group')) {
      for (const ingress of nestedBlocks(group, 'ingress')) rules.push({ block: ingress, protocol: 'protocol', cidrs: ['cidr_blocks', 'ipv6_cidr_blocks'] });
    }
    for (const rule of module.ownResources('aws_security_group_rule')) {
      const type = module.value(rule, 'type');
      if (type.state === 'known' && type.value === 'ingress') rules.push({ block: rule, protocol: 'protocol', cidrs: ['cidr_blocks', 'ipv6_cidr_blocks'] });
    }
    for (const rule of module.ownResources('aws_vpc_security_group_ingress_rule')) {
      rules.push({ block: rule, protocol: 'ip_protocol', cidrs: ['cidr_ipv4', 'cidr_ipv6'] });
    }

    for (const { block, protocol, cidrs } of rules) {
      const ports = exposedPorts(module, block, protocol);
      if (!ports) continue;
      for (const name of cidrs) {
        for (const open of openSources(module, block, name)) context.report({ span: open.span, messageId: 'open', data: { cidr: open.cidr, ports } });
      }
    }
  },
});

/** A description of the ports a rule opens beyond 80/443, or undefined when it opens none (or it cannot be told). */
function exposedPorts(module: TerraformModule, rule: Block, protocolName: string): string | undefined {
  const protocol = module.value(rule, protocolName);
  if (protocol.state !== 'known') return undefined;
  const name = String(protocol.value).toLowerCase();
  if (name === '-1' || name === 'all') return 'all ports';
  if (ICMP.includes(name)) return undefined;
  const from = module.value(rule, 'from_port');
  const to = module.value(rule, 'to_port');
  if (from.state !== 'known' || to.state !== 'known') return undefined;
  const low = Number(from.value);
  const high = Number(to.value);
  if (Number.isNaN(low) || Number.isNaN(high)) return undefined;
  if (low === high && WEB_PORTS.includes(low)) return undefined;
  return low === high ? `port ${low}` : `ports ${low}-${high}`;
}

/** The open sources of one CIDR argument: each literal list item, or the whole value when it comes from a variable. */
function openSources(module: TerraformModule, rule: Block, name: string): { span: Span; cidr: string }[] {
  const expr = attribute(rule, name)?.value;
  if (!expr) return [];
  if (expr.type === 'tuple') {
    return (expr.items ?? []).flatMap((item) => {
      const value = module.resolve(item);
      return value.state === 'known' && OPEN_CIDRS.includes(String(value.value)) ? [{ span: item.span, cidr: String(value.value) }] : [];
    });
  }
  const value = module.resolve(expr);
  if (value.state !== 'known') return [];
  const values = Array.isArray(value.value) ? value.value : [value.value];
  const open = values.find((candidate) => OPEN_CIDRS.includes(String(candidate)));
  return open === undefined ? [] : [{ span: expr.span, cidr: String(open) }];
}
