import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, defaultValue, distinct, inspect, isKnown, reportDefault, reportValue, resourcesOf, siteIn, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { textValue, truthyValue, type Known } from '../../server/src/kinds/terraform/evaluate';
import { attribute, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { nestedViews, valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

const RECOMMENDED_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
/**
 * Policies whose minimum protocol is TLS 1.2: the TLS13-1-2 and TLS13-1-3 families (with their
 * Res/Ext/FIPS variants), TLS-1-2-2017-01 and TLS-1-2-Ext, and the FS-1-2 forward-secrecy family.
 * Everything else (2016-08, TLS13-1-0/1-1, TLS-1-1, FS-2018-06, FS-1-1) still accepts TLS 1.0/1.1.
 */
const MODERN_POLICY = /^ELBSecurityPolicy-(?:TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/;

/** Classic ELB policies that accept only TLS 1.2 (the only predefined one is TLS-1-2-2017-01). */
const MODERN_CLASSIC_POLICY = /^ELBSecurityPolicy-TLS-1-2-/;
const INSECURE_PROTOCOLS = ['Protocol-SSLv2', 'Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1'];
/** Cipher suites broken or without authentication or secrecy: RC4, (3)DES, export-grade, NULL, MD5, anonymous. */
const WEAK_CIPHER = /RC4|DES|EXP|NULL|MD5|ADH|AECDH|aNULL|eNULL/i;

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/lb-https',
    kind: 'terraform',
    title: 'Serve load balancer traffic over modern HTTPS',
    description:
      'An HTTP listener must only redirect to HTTPS, and an HTTPS or TLS listener must use an ssl_policy that requires TLS 1.2 or newer (ELBSecurityPolicy-TLS13-1-2-*, TLS-1-2-*, FS-1-2-*); the AWS default policy still accepts TLS 1.0. Classic load balancers must not listen on plain HTTP nor enable SSL 3, TLS 1.0/1.1 or weak ciphers in their policies, and target groups should not forward in plain HTTP. A listener without protocol on an Application Load Balancer serves HTTP. In a reusable module the caller decides; a default SSL policy that accepts old protocols is reported as information.',
    checklistItem: 'security/https-only',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      plainHttp: 'Listener {{resource}} serves plain HTTP instead of redirecting to HTTPS; make its default_action a redirect with protocol = "HTTPS".',
      noPolicy: 'Listener {{resource}} has no ssl_policy, so the AWS default still accepts TLS 1.0 and 1.1; set {{setting}} = "{{policy}}".',
      outdatedPolicy: 'SSL policy {{current}} still accepts protocols older than TLS 1.2; use "{{policy}}".',
      targetPlainHttp: 'Target group {{resource}} forwards traffic to its targets in plain HTTP; set {{setting}} = "HTTPS" so it stays encrypted inside the network.',
      classicPlainHttp: 'Classic load balancer {{resource}} accepts plain HTTP on port {{port}}; serve it with lb_protocol = "https" and a certificate, or move to an ALB that redirects to HTTPS.',
      insecureProtocol: 'Load balancer policy {{resource}} enables {{protocol}}, which is broken; remove it or set it to "false".',
      weakCipher: 'Load balancer policy {{resource}} enables the weak cipher {{cipher}}; remove it or set it to "false".',
      outdatedClassicPolicy: 'Load balancer policy {{resource}} uses {{current}}, which still accepts protocols older than TLS 1.2; use "ELBSecurityPolicy-TLS-1-2-2017-01".',
      callerDefault: 'Listener {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) still accepts protocols older than TLS 1.2; default it to "{{policy}}" so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-2016-08"\n}',
      good: 'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}',
    },
    ptBR: {
      title: 'Servir o tráfego do load balancer por HTTPS moderno',
      description:
        'Um listener HTTP deve apenas redirecionar para HTTPS, e um listener HTTPS ou TLS deve usar uma ssl_policy que exija TLS 1.2 ou superior (ELBSecurityPolicy-TLS13-1-2-*, TLS-1-2-*, FS-1-2-*); a política padrão da AWS ainda aceita TLS 1.0. Load balancers clássicos não devem escutar em HTTP puro nem ativar SSL 3, TLS 1.0/1.1 ou cifras fracas em suas políticas, e target groups não devem encaminhar em HTTP puro. Um listener sem protocol num Application Load Balancer serve HTTP. Num módulo reutilizável quem chama decide; uma política SSL padrão que aceita protocolos antigos é reportada como informação.',
      messages: {
        plainHttp: 'O listener {{resource}} serve HTTP puro em vez de redirecionar para HTTPS; faça do default_action um redirect com protocol = "HTTPS".',
        noPolicy: 'O listener {{resource}} não tem ssl_policy, então o padrão da AWS ainda aceita TLS 1.0 e 1.1; defina {{setting}} = "{{policy}}".',
        outdatedPolicy: 'A política SSL {{current}} ainda aceita protocolos anteriores ao TLS 1.2; use "{{policy}}".',
        targetPlainHttp: 'O target group {{resource}} encaminha o tráfego aos alvos em HTTP puro; defina {{setting}} = "HTTPS" para que ele siga criptografado dentro da rede.',
        classicPlainHttp: 'O load balancer clássico {{resource}} aceita HTTP puro na porta {{port}}; sirva-o com lb_protocol = "https" e um certificado, ou passe para um ALB que redirecione para HTTPS.',
        insecureProtocol: 'A política de load balancer {{resource}} ativa {{protocol}}, que é inseguro; remova-o ou defina-o como "false".',
        weakCipher: 'A política de load balancer {{resource}} ativa a cifra fraca {{cipher}}; remova-a ou defina-a como "false".',
        outdatedClassicPolicy: 'A política de load balancer {{resource}} usa {{current}}, que ainda aceita protocolos anteriores ao TLS 1.2; use "ELBSecurityPolicy-TLS-1-2-2017-01".',
        callerDefault: 'O listener {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) ainda aceita protocolos anteriores ao TLS 1.2; use "{{policy}}" como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const listener of resourcesOf(context, 'aws_lb_listener', 'aws_alb_listener')) inspect(context, listener, 'listener', checkListener(context, listener));
    for (const group of resourcesOf(context, 'aws_lb_target_group', 'aws_alb_target_group')) inspect(context, group, 'target-group', checkTargetGroup(context, group));
    for (const balancer of resourcesOf(context, 'aws_elb')) {
      const verdicts: Verdict[] = [];
      for (const listener of nestedViews(balancer, 'listener')) {
        const protocol = valueOf(listener, 'lb_protocol');
        if (!isKnown(protocol)) {
          verdicts.push('unknown');
          continue;
        }
        if (String(protocol.value).toLowerCase() !== 'http') continue;
        verdicts.push('fail');
        const port = valueOf(listener, 'lb_port');
        const site = siteIn(protocol, model.path);
        if (site) context.report({ span: site.span, messageId: 'classicPlainHttp', data: { resource: balancer.address, port: isKnown(port) ? String(port.value) : '?' } });
      }
      inspect(context, balancer, 'load-balancer', ...verdicts);
    }
    for (const policy of resourcesOf(context, 'aws_load_balancer_policy')) inspect(context, policy, 'resource', checkClassicPolicy(context, policy));
  },
});

function checkTargetGroup(context: TerraformContext, group: ResourceView): Verdict {
  const protocol = valueOf(group, 'protocol');
  const targetType = valueOf(group, 'target_type');
  // Lambda and ALB targets are not reached over a network protocol the group chooses.
  if (isKnown(targetType) && ['lambda', 'alb'].includes(String(targetType.value))) return 'pass';
  if (!isKnown(protocol) || !isKnown(targetType)) return 'unknown';
  if (String(protocol.value).toUpperCase() !== 'HTTP') return 'pass';
  reportValue(context, protocol, { missing: 'targetPlainHttp', value: 'targetPlainHttp' }, { resource: group.address, attribute: 'protocol' }, '"HTTPS"');
  return 'fail';
}

function checkListener(context: TerraformContext, listener: ResourceView): Verdict {
  const protocol = valueOf(listener, 'protocol');
  if (!isKnown(protocol)) return 'unknown';
  const name = protocol.value === null ? protocolByDefault(listener) : String(protocol.value).toUpperCase();
  if (name === undefined) return 'unknown';
  const data = { resource: listener.address, policy: RECOMMENDED_POLICY, attribute: 'ssl_policy' };
  if (name === 'HTTP') {
    const redirects = redirectsToHttps(listener);
    if (redirects !== false) return redirects ? 'pass' : 'unknown';
    const site = siteIn(protocol, context.model.path);
    if (site) context.report({ span: site.span, messageId: 'plainHttp', data });
    return 'fail';
  }
  if (name !== 'HTTPS' && name !== 'TLS') return 'pass';
  const policy = valueOf(listener, 'ssl_policy');
  if (!isKnown(policy)) {
    const fallback = defaultValue(policy, defaultsOf(context, listener), 'ssl_policy');
    if (fallback && !isModern(fallback)) reportDefault(context, fallback, 'callerDefault', data, `"${RECOMMENDED_POLICY}"`);
    return 'unknown';
  }
  if (isModern(policy)) return 'pass';
  if (policy.value === null) reportValue(context, policy, { missing: 'noPolicy', value: 'noPolicy' }, data, `"${RECOMMENDED_POLICY}"`);
  else reportValue(context, policy, { missing: 'outdatedPolicy', value: 'outdatedPolicy' }, { ...data, current: String(policy.value) }, `"${RECOMMENDED_POLICY}"`);
  return 'fail';
}

function isModern(policy: Known): boolean {
  return policy.value !== null && MODERN_POLICY.test(String(policy.value));
}

/**
 * The protocol of a listener that sets none: HTTP on an Application Load Balancer (the provider's
 * default), none on a Gateway Load Balancer; undefined when its load balancer is not in view.
 */
function protocolByDefault(listener: ResourceView): string | undefined {
  const ref = attribute(listener.block, 'load_balancer_arn')?.value.reference;
  if (!ref || !['aws_lb', 'aws_alb'].includes(ref[0]) || ref.length < 2) return undefined;
  const balancer = listener.scope.resources(ref[0]).find((candidate) => candidate.block.labels[1]?.value === ref[1]);
  if (!balancer) return undefined;
  const type = valueOf(balancer, 'load_balancer_type');
  if (!isKnown(type)) return undefined;
  return type.value === null || type.value === 'application' ? 'HTTP' : 'NONE';
}

/** true/false when the default actions are known; undefined when any part is not. */
function redirectsToHttps(listener: ResourceView): boolean | undefined {
  let unknown = false;
  for (const action of nestedViews(listener, 'default_action')) {
    const type = valueOf(action, 'type');
    if (!isKnown(type)) {
      unknown = true;
      continue;
    }
    if (type.value !== 'redirect') continue;
    const redirects = nestedViews(action, 'redirect');
    if (redirects.length === 0) unknown = true;
    for (const redirect of redirects) {
      // An unset redirect protocol keeps the request's: HTTP stays HTTP.
      const protocol = valueOf(redirect, 'protocol');
      if (!isKnown(protocol)) unknown = true;
      else if (String(protocol.value).toUpperCase() === 'HTTPS') return true;
    }
  }
  return unknown ? undefined : false;
}

/** SSL negotiation policies of classic load balancers: broken protocols, weak ciphers, an old reference policy. */
function checkClassicPolicy(context: TerraformContext, policy: ResourceView): Verdict {
  let verdict: Verdict = 'pass';
  const fail = () => (verdict = 'fail');
  for (const entry of nestedViews(policy, 'policy_attribute')) {
    const name = valueOf(entry, 'name');
    const value = valueOf(entry, 'value');
    if (!isKnown(name) || !isKnown(value)) {
      if (verdict === 'pass') verdict = 'unknown';
      continue;
    }
    const setting = textValue(name) ?? '';
    if (setting === 'Reference-Security-Policy') {
      const current = textValue(value) ?? '';
      if (!MODERN_CLASSIC_POLICY.test(current)) reportAt(context, value, 'outdatedClassicPolicy', { resource: policy.address, current }, fail);
      continue;
    }
    if (truthyValue(value) !== true) continue;
    if (INSECURE_PROTOCOLS.includes(setting)) reportAt(context, name, 'insecureProtocol', { resource: policy.address, protocol: setting }, fail);
    else if (!setting.startsWith('Protocol-') && WEAK_CIPHER.test(setting)) reportAt(context, name, 'weakCipher', { resource: policy.address, cipher: setting }, fail);
  }
  return verdict;
}

function reportAt(context: TerraformContext, value: Known, messageId: string, data: Record<string, string>, failed: () => void): void {
  failed();
  const site = siteIn(value, context.model.path);
  if (site) context.report({ span: site.span, messageId, data });
}
