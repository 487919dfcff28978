import { defineRule } from '../../server/src/engine/rule';
import { isMap } from 'yaml';
import { editorFor, MAP_TOP, objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { YValue } from '../../server/src/kinds/kubernetes/edits';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

/**
 * Annotations through which a cloud load balancer terminates TLS with a certificate it manages:
 * GKE ManagedCertificates and pre-shared certificates, the AWS Load Balancer Controller's ACM
 * certificate, Azure Application Gateway's certificate.
 */
const MANAGED_CERTIFICATE_ANNOTATIONS = [
  'networking.gke.io/managed-certificates',
  'ingress.gcp.kubernetes.io/pre-shared-cert',
  'alb.ingress.kubernetes.io/certificate-arn',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
];

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/ingress-tls',
    kind: 'kubernetes',
    title: 'Terminate TLS on every Ingress',
    description:
      'An Ingress without a tls section serves its hosts over plain HTTP, exposing credentials and session cookies on the wire. ' +
      'A certificate the cloud load balancer manages counts as TLS: `networking.gke.io/managed-certificates` or `ingress.gcp.kubernetes.io/pre-shared-cert` (GKE), `alb.ingress.kubernetes.io/certificate-arn` (AWS Load Balancer Controller), `appgw.ingress.kubernetes.io/appgw-ssl-certificate` (Azure).',
    checklistItem: 'security/https-only',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Ingress "{{name}}" has no tls section, so its hosts are served over plain HTTP; add tls with a certificate Secret.',
    },
    fixTitles: {
      addTls: 'Add a tls section using the Secret {{name}}-tls',
    },
    examples: {
      bad: 'kind: Ingress\nspec:\n  rules:\n  - host: app.example.com\n',
      good: 'kind: Ingress\nspec:\n  tls:\n  - hosts:\n    - app.example.com\n    secretName: app-tls\n  rules:\n  - host: app.example.com\n',
    },
    ptBR: {
      title: 'Terminar TLS em todo Ingress',
      description:
        'Um Ingress sem seção tls serve seus hosts por HTTP puro, expondo credenciais e cookies de sessão na rede. ' +
        'Um certificado gerenciado pelo load balancer da nuvem conta como TLS: `networking.gke.io/managed-certificates` ou `ingress.gcp.kubernetes.io/pre-shared-cert` (GKE), `alb.ingress.kubernetes.io/certificate-arn` (AWS Load Balancer Controller), `appgw.ingress.kubernetes.io/appgw-ssl-certificate` (Azure).',
      messages: {
        missing: 'O Ingress "{{name}}" não tem seção tls, então seus hosts são servidos por HTTP puro; adicione tls com um Secret de certificado.',
      },
      fixTitles: {
        addTls: 'Adicionar uma seção tls com o Secret {{name}}-tls',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      if (object.kind !== 'Ingress' || !object.spec) continue;
      context.inspect({ subject: 'object', span: objectSpan(object), name: object.name });
      const { reader } = object;
      if (reader.items(reader.getSeq(object.spec, 'tls')).length > 0) continue;
      if (MANAGED_CERTIFICATE_ANNOTATIONS.some((annotation) => (object.annotations[annotation] ?? '').trim() !== '')) continue;
      const spec = object.spec;
      const hosts: YValue[] = [];
      for (const rule of reader.items(reader.getSeq(spec, 'rules'))) {
        const host = isMap(rule) ? reader.getString(rule, 'host') : undefined;
        if (host !== undefined && !hosts.includes(host)) hosts.push(host);
      }
      const name = object.name ?? 'ingress';
      context.report({
        span: objectSpan(object),
        messageId: 'missing',
        data: { name },
        fixTitleId: 'addTls',
        fix: () => {
          if (reader.pair(spec, 'tls')) return null;
          return editorFor(context).merge(spec, { tls: [hosts.length ? { hosts, secretName: `${name}-tls` } : { secretName: `${name}-tls` }] }, MAP_TOP);
        },
      });
    }
  },
});
