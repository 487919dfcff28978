import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, distinct, inspect, isKnown, reportDefault, resourcesOf, siteIn, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { isUnknownItem, known, listItems, mapEntries, numericValue, textValue, type Known, type Value } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { hasAttribute, nestedViews, valueOf, type BlockView, type ResourceView } from '../../server/src/kinds/terraform/resources';

const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];
const WEB_PORTS = [80, 443];
const ICMP = ['icmp', 'icmpv6', '1', '58'];

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/open-ingress',
    kind: 'terraform',
    title: 'Do not open ports other than 80/443 to the internet',
    description:
      'Security group ingress from 0.0.0.0/0 or ::/0 must be limited to ports 80 and 443; SSH, databases and admin ports open to the whole internet are scanned and brute-forced within minutes. Inline ingress blocks and lists (also of the default security group), aws_security_group_rule and aws_vpc_security_group_ingress_rule are checked, including those modules create. In a reusable module the caller decides; a default that opens a port to the internet is reported as information.',
    checklistItem: 'deployment/firewall',
    severity: 'error',
    fixable: false,
    crossFile: true,
    messages: {
      open: 'Ingress to {{resource}} from {{cidr}} opens {{ports}} to the whole internet; restrict the source to known networks or expose only 80/443 through a load balancer.',
      callerDefault: 'Ingress to {{resource}} takes its sources from its callers, and the default of {{variable}} ({{default}}) opens {{ports}} to the whole internet; default to known networks so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}',
      good: 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n}',
    },
    ptBR: {
      title: 'Não abrir portas além de 80/443 para a internet',
      description:
        'Ingress de security group a partir de 0.0.0.0/0 ou ::/0 deve se limitar às portas 80 e 443; SSH, bancos de dados e portas administrativas abertas para a internet inteira são varridos e atacados por força bruta em minutos. São verificados blocos e listas ingress inline (também do security group padrão), aws_security_group_rule e aws_vpc_security_group_ingress_rule, inclusive os criados por módulos. Num módulo reutilizável quem chama decide; um padrão que abre uma porta para a internet é reportado como informação.',
      messages: {
        open: 'O ingress em {{resource}} a partir de {{cidr}} abre {{ports}} para a internet inteira; restrinja a origem a redes conhecidas ou exponha só 80/443 por um load balancer.',
        callerDefault: 'O ingress em {{resource}} recebe as origens de quem chama o módulo, e o padrão de {{variable}} ({{default}}) abre {{ports}} para a internet inteira; use redes conhecidas como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const group of resourcesOf(context, 'aws_security_group', 'aws_default_security_group')) {
      const verdicts: Verdict[] = [];
      for (const ingress of nestedViews(group, 'ingress')) {
        const defaults = defaultsOf(context, group, ingress);
        verdicts.push(checkRule(context, group.address, fromBlock(ingress, 'protocol', CIDRS), defaults && fromBlock(defaults, 'protocol', CIDRS)));
      }
      // Mappings of registry modules list only what they set: an ingress list they leave out is not unknown.
      const list = hasAttribute(group, 'ingress') ? valueOf(group, 'ingress') : known(null, []);
      if (!isKnown(list)) verdicts.push('unknown');
      for (const item of isKnown(list) ? (listItems(list) ?? []) : []) {
        const entries = mapEntries(item);
        if (!entries) {
          verdicts.push('unknown');
          continue;
        }
        const get = (name: string): Value => entries.get(name) ?? { known: false };
        verdicts.push(checkRule(context, group.address, { protocol: get('protocol'), from: get('from_port'), to: get('to_port'), cidrs: [get('cidr_blocks'), get('ipv6_cidr_blocks')] }));
      }
      inspect(context, group, 'security-group', ...verdicts);
    }
    for (const rule of resourcesOf(context, 'aws_security_group_rule')) {
      const type = valueOf(rule, 'type');
      inspect(context, rule, 'security-group', !isKnown(type) ? 'unknown' : type.value === 'ingress' ? checkResourceRule(context, rule, 'protocol', CIDRS) : 'pass');
    }
    for (const rule of resourcesOf(context, 'aws_vpc_security_group_ingress_rule')) {
      inspect(context, rule, 'security-group', checkResourceRule(context, rule, 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6']));
    }
  },
});

const CIDRS = ['cidr_blocks', 'ipv6_cidr_blocks'];

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

function checkResourceRule(context: TerraformContext, rule: ResourceView, protocol: string, cidrs: string[]): Verdict {
  const defaults = defaultsOf(context, rule);
  return checkRule(context, rule.address, fromBlock(rule, protocol, cidrs), defaults && fromBlock(defaults, protocol, cidrs));
}

/**
 * Reports the open sources of one ingress rule that opens ports beyond 80/443. Unknown ports or
 * sources leave it unknown; in a reusable module, sources the caller decides are judged by their
 * default, at most as information.
 */
function checkRule(context: TerraformContext, resource: string, rule: IngressRule, defaults?: IngressRule): Verdict {
  const ports = exposedPorts(rule);
  if (ports === null) return 'pass';
  let verdict: Verdict = 'pass';
  for (const cidrs of rule.cidrs) {
    if (!isKnown(cidrs)) {
      verdict = verdict === 'fail' ? verdict : 'unknown';
      continue;
    }
    const sources = sourcesOf(cidrs);
    if (sources.some(isUnknownItem)) verdict = verdict === 'fail' ? verdict : 'unknown';
    for (const source of sources.filter(isOpen)) {
      if (ports === undefined) {
        verdict = verdict === 'fail' ? verdict : 'unknown';
        continue;
      }
      verdict = 'fail';
      const site = siteIn(source, context.model.path);
      if (site) context.report({ span: site.span, messageId: 'open', data: { resource, cidr: textValue(source) ?? '', ports } });
    }
  }
  if (defaults) reportOpenDefaults(context, resource, rule, defaults);
  return verdict;
}

/** Sources a reusable module's caller decides, whose default is the whole internet. */
function reportOpenDefaults(context: TerraformContext, resource: string, rule: IngressRule, defaults: IngressRule): void {
  const ports = exposedPorts(defaults);
  if (!ports) return;
  rule.cidrs.forEach((cidrs, index) => {
    const fallback = defaults.cidrs[index];
    if (cidrs.known || !cidrs.caller || !isKnown(fallback) || !sourcesOf(fallback).some(isOpen)) return;
    reportDefault(context, fallback, 'callerDefault', { resource, ports });
  });
}

function sourcesOf(cidrs: Known): Known[] {
  return cidrs.value !== null && typeof cidrs.value === 'object' ? (listItems(cidrs) ?? []) : cidrs.value === null ? [] : [cidrs];
}

function isOpen(source: Known): boolean {
  const cidr = isUnknownItem(source) ? undefined : textValue(source);
  return cidr !== undefined && OPEN_CIDRS.includes(cidr);
}

/**
 * A description of the ports a rule opens beyond 80/443; null when it opens none of them (ICMP,
 * a single web port), undefined when the files cannot tell.
 */
function exposedPorts(rule: IngressRule): string | null | undefined {
  if (!isKnown(rule.protocol) || isUnknownItem(rule.protocol)) return undefined;
  const name = String(rule.protocol.value).toLowerCase();
  if (name === '-1' || name === 'all') return 'all ports';
  if (ICMP.includes(name)) return null;
  if (!isKnown(rule.from) || !isKnown(rule.to)) return undefined;
  const low = numericValue(rule.from);
  const high = numericValue(rule.to);
  if (low === undefined || high === undefined) return undefined;
  // -1 stands for every port, as it does for protocol -1.
  if (low < 0 || high < 0) return 'all ports';
  if (low === high && WEB_PORTS.includes(low)) return null;
  return low === high ? `port ${low}` : `ports ${low}-${high}`;
}
