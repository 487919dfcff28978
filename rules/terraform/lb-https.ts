import { defineRule } from '../../server/src/engine/rule';
import { insertAttribute } from '../../server/src/kinds/terraform/edits';
import { nestedBlocks, type Block, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, TerraformModule } from '../../server/src/kinds/terraform/module';

const RECOMMENDED_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
/**
 * Policies whose minimum protocol is TLS 1.2: the TLS13-1-2 and TLS13-1-3 families (with their
 * Res/Ext/FIPS variants), TLS-1-2-2017-01 and TLS-1-2-Ext, and the FS-1-2 forward-secrecy family.
 * Everything else (2016-08, TLS13-1-0/1-1, TLS-1-1, FS-2018-06, FS-1-1) still accepts TLS 1.0/1.1.
 */
const MODERN_POLICY = /^ELBSecurityPolicy-(?:TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/;

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/lb-https',
    kind: 'terraform',
    title: 'Serve load balancer traffic over modern HTTPS',
    description:
      'An HTTP listener must only redirect to HTTPS, and an HTTPS or TLS listener must use an ssl_policy that requires TLS 1.2 or newer (ELBSecurityPolicy-TLS13-1-2-*, TLS-1-2-*, FS-1-2-*); the AWS default policy still accepts TLS 1.0.',
    checklistItem: 'security/https-only',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      plainHttp: 'Listener {{resource}} serves plain HTTP instead of redirecting to HTTPS; make its default_action a redirect with protocol = "HTTPS".',
      noPolicy: 'Listener {{resource}} has no ssl_policy, so the AWS default still accepts TLS 1.0 and 1.1; set ssl_policy = "{{policy}}".',
      outdatedPolicy: 'SSL policy {{current}} still accepts protocols older than TLS 1.2; use "{{policy}}".',
    },
    examples: {
      bad: 'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-2016-08"\n}',
      good: 'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}',
    },
    ptBR: {
      title: 'Servir o tráfego do load balancer por HTTPS moderno',
      description:
        'Um listener HTTP deve apenas redirecionar para HTTPS, e um listener HTTPS ou TLS deve usar uma ssl_policy que exija TLS 1.2 ou superior (ELBSecurityPolicy-TLS13-1-2-*, TLS-1-2-*, FS-1-2-*); a política padrão da AWS ainda aceita TLS 1.0.',
      messages: {
        plainHttp: 'O listener {{resource}} serve HTTP puro em vez de redirecionar para HTTPS; faça do default_action um redirect com protocol = "HTTPS".',
        noPolicy: 'O listener {{resource}} não tem ssl_policy, então o padrão da AWS ainda aceita TLS 1.0 e 1.1; defina ssl_policy = "{{policy}}".',
        outdatedPolicy: 'A política SSL {{current}} ainda aceita protocolos anteriores ao TLS 1.2; use "{{policy}}".',
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    for (const listener of module.ownResources('aws_lb_listener', 'aws_alb_listener')) {
      const protocol = module.value(listener, 'protocol');
      if (protocol.state !== 'known') continue;
      const name = String(protocol.value).toUpperCase();
      const data = { resource: address(listener), policy: RECOMMENDED_POLICY };
      if (name === 'HTTP') {
        if (redirectsToHttps(module, listener) === false) {
          context.report({ span: protocol.attribute!.value.span, messageId: 'plainHttp', data });
        }
        continue;
      }
      if (name !== 'HTTPS' && name !== 'TLS') continue;
      const policy = module.value(listener, 'ssl_policy');
      if (policy.state === 'missing' && !policy.attribute) {
        context.report({
          span: listener.headerSpan,
          messageId: 'noPolicy',
          data,
          fix: () => insertAttribute(listener, context.lines, 'ssl_policy', `"${RECOMMENDED_POLICY}"`),
        });
      } else if (policy.state === 'known' && !MODERN_POLICY.test(String(policy.value))) {
        const value = policy.attribute!.value;
        context.report({
          span: value.span,
          messageId: 'outdatedPolicy',
          data: { ...data, current: String(policy.value) },
          fix: value.literal ? (fixer) => fixer.replace(value.span, `"${RECOMMENDED_POLICY}"`) : undefined,
        });
      }
    }
  },
});

/** true/false when the default actions are known; undefined when any part is not. */
function redirectsToHttps(module: TerraformModule, listener: Block): boolean | undefined {
  const actions = nestedBlocks(listener, 'default_action');
  if (actions.some((action) => action.type === 'content')) return undefined;
  let unknown = false;
  for (const action of actions) {
    const type = module.value(action, 'type');
    if (type.state === 'unknown') unknown = true;
    if (type.state !== 'known' || type.value !== 'redirect') continue;
    for (const redirect of nestedBlocks(action, 'redirect')) {
      const protocol = module.value(redirect, 'protocol');
      if (protocol.state === 'known' && String(protocol.value).toUpperCase() === 'HTTPS') return true;
      if (protocol.state === 'unknown' || redirect.type === 'content') unknown = true;
    }
  }
  return unknown ? undefined : false;
}
