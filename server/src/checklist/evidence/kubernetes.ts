/**
 * Kubernetes evidence read from the YAML roots (the Kubernetes model's, when the server has them):
 * autoscalers and their targets, cert-manager certificates, external-dns, secrets from a manager
 * (External Secrets, Sealed Secrets, Vault, the CSI driver), authentication and CORS at the
 * ingress, allow-lists on admin ingresses, request ids in ingress-nginx logs, and the facts the
 * Service and ConfigMap joins need.
 */
import { isMap } from 'yaml';
import { get, getStr, imagesIn, items, kindOf, loc, pairs, str, type Detector, type DetectorHit } from './source';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Rollout', 'Pod', 'DeploymentConfig']);

function podSpec(root: unknown, kind: string): unknown {
  if (kind === 'Pod') return get(root, 'spec');
  if (kind === 'CronJob') return get(root, 'spec', 'jobTemplate', 'spec', 'template', 'spec');
  return get(root, 'spec', 'template', 'spec');
}

function podLabels(root: unknown, kind: string): string[] {
  const labels = kind === 'Pod' ? get(root, 'metadata', 'labels') : kind === 'CronJob' ? get(root, 'spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels') : get(root, 'spec', 'template', 'metadata', 'labels');
  return pairs(labels).map((pair) => `${str(pair.key)}=${str(pair.value)}`);
}

function containers(spec: unknown): unknown[] {
  return [...items(get(spec, 'containers')), ...items(get(spec, 'initContainers'))];
}

const annotationsOf = (root: unknown) => get(root, 'metadata', 'annotations');
const annotation = (root: unknown, name: string) => getStr(annotationsOf(root), name);

// ---- Facts for the Service and ConfigMap joins -----------------------------------------------------

export const kubernetesFactsDetector: Detector = {
  id: 'kubernetes-facts',
  title: 'Kubernetes objects for cross-file checks',
  heuristic: 'Records Services (selector, target ports), workloads (pod labels, container ports, the ConfigMaps they reference), ConfigMaps and kustomize ConfigMap generators, and autoscalers, for the joins.',
  proves: {},
  appliesTo: (file) => file.isYaml,
  textHint: /kind[ \t]*:[ \t]*['"]?(?:Service|ConfigMap|HorizontalPodAutoscaler|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Rollout|Pod|DeploymentConfig)\b|configMapGenerator/,
  perDocument: 'all',
  detect(file) {
    const hits: DetectorHit[] = [];
    const fact = (name: string, what: string, line: number | undefined, data: Record<string, string | string[]>) => hits.push({ item: `fact:${name}`, what: loc(what, what), line, fact: data });
    for (const root of file.yamlRoots()) {
      const { kind, name } = kindOf(root);
      const namespace = getStr(root, 'metadata', 'namespace') ?? '';
      const line = file.lineOfNode(root);
      if (kind === 'Service') {
        const selector = pairs(get(root, 'spec', 'selector')).map((pair) => `${str(pair.key)}=${str(pair.value)}`);
        const ports = items(get(root, 'spec', 'ports')).map((port) => str(get(port, 'targetPort')) ?? str(get(port, 'port'))).filter((port): port is string => !!port);
        fact('k8s-service', `Service ${name}`, line, { name, namespace, selector, ports });
      } else if (kind === 'ConfigMap') {
        fact('k8s-configmap', `ConfigMap ${name}`, line, { name, namespace });
      } else if (kind === 'HorizontalPodAutoscaler') {
        fact('k8s-hpa', `HorizontalPodAutoscaler ${name}`, line, { name, namespace, min: getStr(root, 'spec', 'minReplicas') ?? '1', max: getStr(root, 'spec', 'maxReplicas') ?? '?' });
      } else if (WORKLOAD_KINDS.has(kind)) {
        const spec = podSpec(root, kind);
        const ports = containers(spec).flatMap((container) => items(get(container, 'ports')).flatMap((port) => [str(get(port, 'containerPort')), str(get(port, 'name'))])).filter((port): port is string => !!port);
        fact('k8s-workload', `${kind} ${name}`, line, { name: `${kind} ${name}`, namespace, labels: podLabels(root, kind), ports });
        const referenced = new Set<string>();
        for (const container of containers(spec)) {
          for (const source of items(get(container, 'envFrom'))) referenced.add(getStr(source, 'configMapRef', 'name') ?? '');
          for (const variable of items(get(container, 'env'))) referenced.add(getStr(variable, 'valueFrom', 'configMapKeyRef', 'name') ?? '');
        }
        for (const volume of items(get(spec, 'volumes'))) {
          referenced.add(getStr(volume, 'configMap', 'name') ?? '');
          for (const source of items(get(volume, 'projected', 'sources'))) referenced.add(getStr(source, 'configMap', 'name') ?? '');
        }
        for (const configMap of referenced) if (configMap) fact('k8s-configmap-ref', `${kind} ${name} references ConfigMap ${configMap}`, line, { name: configMap, namespace, workload: `${kind} ${name}` });
      }
      for (const generator of items(get(root, 'configMapGenerator'))) {
        const generated = getStr(generator, 'name');
        if (generated) fact('k8s-configmap', `ConfigMap generator ${generated}`, file.lineOfNode(generator), { name: generated, namespace: getStr(root, 'namespace') ?? '' });
      }
    }
    return hits;
  },
};

// ---- Autoscaling ------------------------------------------------------------------------------------

export const autoscalerDetector: Detector = {
  id: 'kubernetes-autoscaler',
  title: 'Autoscaling on CPU and memory',
  hint: loc('Add a HorizontalPodAutoscaler with CPU at most 70% and memory at most 80% utilization.', 'Adicione um HorizontalPodAutoscaler com CPU de no máximo 70% e memória de no máximo 80% de utilização.'),
  hints: {
    'monitoring/resource-utilization': loc('Add a HorizontalPodAutoscaler that targets CPU or memory utilization.', 'Adicione um HorizontalPodAutoscaler com meta de utilização de CPU ou memória.'),
    'performance/cpu-usage': loc('Add a HorizontalPodAutoscaler with a CPU utilization target of at most 70%.', 'Adicione um HorizontalPodAutoscaler com meta de utilização de CPU de no máximo 70%.'),
    'performance/memory-usage': loc('Add a HorizontalPodAutoscaler with a memory utilization target of at most 80%.', 'Adicione um HorizontalPodAutoscaler com meta de utilização de memória de no máximo 80%.'),
  },
  heuristic:
    'A HorizontalPodAutoscaler (autoscaling/v2 resource metrics, or v1 targetCPUUtilizationPercentage) tracks utilization against requests. A CPU target of 70% or less keeps ' +
    'CPU use under the seed\'s 70%, a memory target of 80% or less keeps memory under 80%; a target of 90% scales too late and does not count for those two.',
  proves: {
    'monitoring/resource-utilization': loc('An autoscaler tracks CPU or memory utilization against the requests.', 'Um autoscaler acompanha a utilização de CPU ou memória em relação aos requests.'),
    'performance/cpu-usage': loc('The autoscaler adds replicas before CPU use passes 70%.', 'O autoscaler adiciona réplicas antes de o uso de CPU passar de 70%.'),
    'performance/memory-usage': loc('The autoscaler adds replicas before memory use passes 80%.', 'O autoscaler adiciona réplicas antes de o uso de memória passar de 80%.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /kind\s*:\s*['"]?HorizontalPodAutoscaler/,
  perDocument: 'all',
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const root of file.yamlRoots()) {
      const { kind, name } = kindOf(root);
      if (kind !== 'HorizontalPodAutoscaler') continue;
      const targets: { resource: string; value: number; line?: number }[] = [];
      const v1 = get(root, 'spec', 'targetCPUUtilizationPercentage');
      if (str(v1)) targets.push({ resource: 'cpu', value: Number(str(v1)), line: file.lineOfNode(v1) });
      for (const metric of items(get(root, 'spec', 'metrics'))) {
        const resource = getStr(metric, 'resource', 'name') ?? getStr(metric, 'containerResource', 'name');
        const value = str(get(metric, 'resource', 'target', 'averageUtilization')) ?? str(get(metric, 'containerResource', 'target', 'averageUtilization')) ?? str(get(metric, 'resource', 'targetAverageUtilization'));
        if (resource && value && /^\d+$/.test(value)) targets.push({ resource, value: Number(value), line: file.lineOfNode(metric) });
      }
      for (const target of targets) {
        const what = loc(`HPA ${name}: ${target.resource} at ${target.value}%`, `HPA ${name}: ${target.resource} em ${target.value}%`);
        hits.push({ item: 'monitoring/resource-utilization', what, line: target.line });
        if (target.resource === 'cpu' && target.value <= 70) hits.push({ item: 'performance/cpu-usage', what, line: target.line });
        if (target.resource === 'memory' && target.value <= 80) hits.push({ item: 'performance/memory-usage', what, line: target.line });
      }
    }
    return hits;
  },
};

// ---- Certificates, DNS, secrets ------------------------------------------------------------------------

export const clusterServicesDetector: Detector = {
  id: 'kubernetes-platform',
  title: 'Certificates, DNS and secrets managed in the cluster',
  hint: loc('Use cert-manager (Certificate or an ACME ClusterIssuer), external-dns, and External Secrets, Sealed Secrets or Vault for secrets.', 'Use cert-manager (Certificate ou ClusterIssuer ACME), external-dns, e External Secrets, Sealed Secrets ou Vault para os segredos.'),
  hints: {
    'deployment/ssl-tls': loc('Issue the certificates with cert-manager (a Certificate with an issuerRef, an ACME ClusterIssuer, or an Ingress with a cert-manager issuer annotation).', 'Emita os certificados com o cert-manager (um Certificate com issuerRef, um ClusterIssuer ACME, ou um Ingress com a anotação de issuer do cert-manager).'),
    'deployment/dns-configured': loc('Run external-dns, or give the Ingress or Service an external-dns hostname with a TTL of 300 s or less.', 'Rode o external-dns, ou dê ao Ingress ou Service um hostname do external-dns com TTL de 300 s ou menos.'),
    'deployment/secrets': loc('Take the secrets from a secret manager: an ExternalSecret with a store, a SealedSecret, Vault agent injection or a CSI SecretProviderClass.', 'Obtenha os segredos de um gerenciador: um ExternalSecret com store, um SealedSecret, injeção do Vault agent ou um SecretProviderClass do CSI.'),
  },
  heuristic:
    'TLS: a cert-manager Certificate with an issuerRef, an ACME Issuer/ClusterIssuer, or an Ingress with TLS and a cert-manager issuer annotation (cert-manager renews the ' +
    'certificates). DNS: external-dns running, or an external-dns hostname annotation with no TTL or a TTL of 300 s or less. Secrets: an ExternalSecret with a store, a ' +
    'SecretStore/ClusterSecretStore with a provider, a SealedSecret with encrypted data, Vault agent injection, or a CSI SecretProviderClass. A plain Secret manifest proves nothing.',
  proves: {
    'deployment/ssl-tls': loc('cert-manager issues and renews the TLS certificates.', 'O cert-manager emite e renova os certificados TLS.'),
    'deployment/dns-configured': loc('external-dns keeps the DNS records in step with the cluster.', 'O external-dns mantém os registros DNS alinhados com o cluster.'),
    'deployment/secrets': loc('Secrets come from a secret manager, not from literals in the repository.', 'Os segredos vêm de um gerenciador, não de literais no repositório.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /cert-manager\.io|external-dns|external-secrets\.io|bitnami\.com|vault\.hashicorp\.com|secrets-store\.csi/,
  perDocument: 'all',
  detect(file) {
    const hits: DetectorHit[] = [];
    const add = (item: string, en: string, pt: string, node: unknown) => hits.push({ item, what: loc(en, pt), line: file.lineOfNode(node) });
    for (const root of file.yamlNodes()) {
      if (isMap(root)) platformHits(root, add);
      for (const image of imagesIn(root, file)) if (/(?:^|\/)external-dns$/.test(image.path)) hits.push({ item: 'deployment/dns-configured', what: loc(`external-dns (${image.reference})`, `external-dns (${image.reference})`), line: image.line });
    }
    return hits;
  },
};

/** A document's cert-manager certificates, external-dns records and managed secrets. */
function platformHits(root: unknown, add: (item: string, en: string, pt: string, node: unknown) => void): void {
  const { apiVersion, kind, name } = kindOf(root);
  if (apiVersion.startsWith('cert-manager.io/')) {
    if (kind === 'Certificate' && getStr(root, 'spec', 'issuerRef', 'name')) add('deployment/ssl-tls', `cert-manager Certificate ${name}`, `Certificate ${name} do cert-manager`, root);
    if ((kind === 'ClusterIssuer' || kind === 'Issuer') && isMap(get(root, 'spec', 'acme'))) add('deployment/ssl-tls', `ACME ${kind} ${name}`, `${kind} ACME ${name}`, root);
  }
  if (kind === 'Ingress' && items(get(root, 'spec', 'tls')).length > 0 && (annotation(root, 'cert-manager.io/cluster-issuer') || annotation(root, 'cert-manager.io/issuer')))
    add('deployment/ssl-tls', `Ingress ${name} gets its certificate from cert-manager`, `O Ingress ${name} obtém o certificado do cert-manager`, root);
  const hostname = annotation(root, 'external-dns.alpha.kubernetes.io/hostname');
  const ttl = Number(annotation(root, 'external-dns.alpha.kubernetes.io/ttl') ?? '0');
  if (hostname && ttl <= 300) add('deployment/dns-configured', `external-dns publishes ${hostname}${ttl ? ` (TTL ${ttl})` : ''}`, `O external-dns publica ${hostname}${ttl ? ` (TTL ${ttl})` : ''}`, annotationsOf(root));
  if (apiVersion.startsWith('external-secrets.io/')) {
    if (kind === 'ExternalSecret' && getStr(root, 'spec', 'secretStoreRef', 'name') && (items(get(root, 'spec', 'data')).length > 0 || items(get(root, 'spec', 'dataFrom')).length > 0))
      add('deployment/secrets', `ExternalSecret ${name} from store ${getStr(root, 'spec', 'secretStoreRef', 'name')}`, `ExternalSecret ${name} do store ${getStr(root, 'spec', 'secretStoreRef', 'name')}`, root);
    if ((kind === 'SecretStore' || kind === 'ClusterSecretStore') && pairs(get(root, 'spec', 'provider')).length > 0)
      add('deployment/secrets', `${kind} ${name} (${str(pairs(get(root, 'spec', 'provider'))[0].key)})`, `${kind} ${name} (${str(pairs(get(root, 'spec', 'provider'))[0].key)})`, root);
  }
  if (kind === 'SealedSecret' && apiVersion.startsWith('bitnami.com/') && pairs(get(root, 'spec', 'encryptedData')).length > 0) add('deployment/secrets', `SealedSecret ${name}`, `SealedSecret ${name}`, root);
  if (kind === 'SecretProviderClass' && getStr(root, 'spec', 'provider')) add('deployment/secrets', `SecretProviderClass ${name} (${getStr(root, 'spec', 'provider')})`, `SecretProviderClass ${name} (${getStr(root, 'spec', 'provider')})`, root);
  const template = get(root, 'spec', 'template', 'metadata', 'annotations');
  if (getStr(template, 'vault.hashicorp.com/agent-inject') === 'true') add('deployment/secrets', `${kind} ${name} gets secrets from Vault`, `${kind} ${name} obtém segredos do Vault`, template);
}

// ---- Ingress: authentication, CORS, allow-lists, request ids ------------------------------------------------

const ADMIN = /admin|internal|intranet|management|mgmt|grafana|prometheus|alertmanager|kibana|argocd|argo-cd|jenkins|actuator|metrics|dashboard|console|backoffice|back-office|pgadmin|rabbitmq/i;
const NGINX_INGRESS = 'nginx.ingress.kubernetes.io/';

function cidrs(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((cidr) => /^[\d.:a-fA-F]+(?:\/\d+)?$/.test(cidr));
}

export const ingressPolicyDetector: Detector = {
  id: 'kubernetes-ingress-policy',
  title: 'Authentication, CORS and allow-lists at the ingress',
  hint: loc('Protect the ingress: auth-url to oauth2-proxy with rate limits, an explicit cors-allow-origin, and an allow-list on admin hosts.', 'Proteja o ingress: auth-url para o oauth2-proxy com limites de taxa, cors-allow-origin explícito e allow-list nos hosts administrativos.'),
  hints: {
    'security/authentication': loc('Authenticate at the ingress: auth-url to oauth2-proxy, an Istio RequestAuthentication with JWT rules, or an oauth2-proxy workload.', 'Autentique no ingress: auth-url para o oauth2-proxy, um RequestAuthentication do Istio com regras JWT, ou um workload oauth2-proxy.'),
    'security/api-security': loc('Authenticate and rate limit the API\'s Ingress: auth-url with limit-rps or limit-rpm.', 'Autentique e limite a taxa do Ingress da API: auth-url com limit-rps ou limit-rpm.'),
    'security/authorization': loc('Authorize every request with an Istio AuthorizationPolicy with rules.', 'Autorize toda requisição com um AuthorizationPolicy do Istio com regras.'),
    'security/cors': loc('Enable CORS on the Ingress with an explicit cors-allow-origin (not "*").', 'Habilite o CORS no Ingress com um cors-allow-origin explícito (não "*").'),
    'security/ip-whitelisting': loc('Restrict the Ingress of an admin tool or path with whitelist-source-range (without 0.0.0.0/0).', 'Restrinja o Ingress de uma ferramenta ou caminho administrativo com whitelist-source-range (sem 0.0.0.0/0).'),
    'monitoring/correlation-ids': loc('Have ingress-nginx log $req_id or set X-Request-ID from it.', 'Faça o ingress-nginx registrar o $req_id ou definir o X-Request-ID a partir dele.'),
  },
  heuristic:
    'ingress-nginx annotations: auth-url (external authentication such as oauth2-proxy; basic auth does not count) proves authentication, and with limit-rps/limit-rpm on the ' +
    'same Ingress API security; enable-cors with an explicit cors-allow-origin ("*" or none does not count) proves CORS; a whitelist-source-range/allowlist-source-range without ' +
    '0.0.0.0/0 on an Ingress for an admin tool or path (admin, grafana, argocd, metrics ...) proves the admin allow-list. Istio RequestAuthentication with JWT rules proves ' +
    'authentication and an AuthorizationPolicy with rules authorization; an oauth2-proxy workload proves authentication. Request ids: ingress-nginx logs $req_id or sets ' +
    'X-Request-ID from it.',
  proves: {
    'security/authentication': loc('Requests are authenticated at the edge through OAuth2/OIDC.', 'As requisições são autenticadas na borda via OAuth2/OIDC.'),
    'security/api-security': loc('The API requires authentication and is rate limited at the ingress.', 'A API exige autenticação e tem limite de taxa no ingress.'),
    'security/authorization': loc('Access is authorized by policy on every request.', 'O acesso é autorizado por política em toda requisição.'),
    'security/cors': loc('CORS allows only the listed origins.', 'O CORS permite apenas as origens listadas.'),
    'security/ip-whitelisting': loc('Admin endpoints accept only an allow-list of addresses.', 'Endpoints administrativos aceitam apenas uma lista de endereços permitidos.'),
    'monitoring/correlation-ids': loc('Every request gets a request id that appears in the logs.', 'Toda requisição recebe um id que aparece nos logs.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /nginx\.ingress\.kubernetes\.io|security\.istio\.io|oauth2-proxy|log-format-upstream|\$req(?:uest)?_id/,
  perDocument: 'all',
  detect(file) {
    const hits: DetectorHit[] = [];
    const add = (item: string, en: string, pt: string, node: unknown) => hits.push({ item, what: loc(en, pt), line: file.lineOfNode(node) });
    for (const root of file.yamlNodes()) {
      if (isMap(root)) ingressHits(root, add);
      for (const image of imagesIn(root, file)) if (/(?:^|\/)oauth2-proxy$/.test(image.path)) hits.push({ item: 'security/authentication', what: loc(`oauth2-proxy (${image.reference})`, `oauth2-proxy (${image.reference})`), line: image.line });
    }
    return hits;
  },
};

/** A document's ingress authentication, CORS, allow-lists and request ids. */
function ingressHits(root: unknown, add: (item: string, en: string, pt: string, node: unknown) => void): void {
  const { apiVersion, kind, name } = kindOf(root);
  if (kind === 'Ingress') {
    const auth = annotation(root, `${NGINX_INGRESS}auth-url`);
    const limited = ['limit-rps', 'limit-rpm', 'limit-connections'].some((key) => annotation(root, `${NGINX_INGRESS}${key}`));
    if (auth) {
      add('security/authentication', `Ingress ${name} authenticates through ${auth}`, `O Ingress ${name} autentica via ${auth}`, annotationsOf(root));
      if (limited) add('security/api-security', `Ingress ${name}: external authentication and rate limits`, `Ingress ${name}: autenticação externa e limites de taxa`, annotationsOf(root));
    }
    const origin = annotation(root, `${NGINX_INGRESS}cors-allow-origin`);
    if (annotation(root, `${NGINX_INGRESS}enable-cors`) === 'true' && origin && !origin.split(/[\s,]+/).includes('*'))
      add('security/cors', `Ingress ${name} allows CORS from ${origin}`, `O Ingress ${name} permite CORS de ${origin}`, annotationsOf(root));
    const ranges = cidrs(annotation(root, `${NGINX_INGRESS}whitelist-source-range`) ?? annotation(root, `${NGINX_INGRESS}allowlist-source-range`));
    const target = [name, ...items(get(root, 'spec', 'rules')).flatMap((rule) => [getStr(rule, 'host') ?? '', ...items(get(rule, 'http', 'paths')).map((path) => getStr(path, 'path') ?? '')])].join(' ');
    if (ranges.length > 0 && !ranges.some((range) => /^0\.0\.0\.0\/0$|^::\/0$/.test(range)) && ADMIN.test(target))
      add('security/ip-whitelisting', `Ingress ${name} allows only ${ranges.join(', ')}`, `O Ingress ${name} permite apenas ${ranges.join(', ')}`, annotationsOf(root));
    const snippet = annotation(root, `${NGINX_INGRESS}configuration-snippet`) ?? '';
    if (/\$req(?:uest)?_id\b/.test(snippet)) add('monitoring/correlation-ids', `Ingress ${name} forwards $req_id`, `O Ingress ${name} repassa o $req_id`, annotationsOf(root));
  }
  if (kind === 'ConfigMap' && /\$req(?:uest)?_id\b/.test(getStr(root, 'data', 'log-format-upstream') ?? ''))
    add('monitoring/correlation-ids', `ingress-nginx ConfigMap ${name} logs $req_id`, `O ConfigMap ${name} do ingress-nginx registra o $req_id`, get(root, 'data', 'log-format-upstream'));
  if (apiVersion.startsWith('security.istio.io/')) {
    if (kind === 'RequestAuthentication' && items(get(root, 'spec', 'jwtRules')).length > 0) add('security/authentication', `Istio RequestAuthentication ${name} (JWT)`, `RequestAuthentication ${name} do Istio (JWT)`, root);
    if (kind === 'AuthorizationPolicy' && items(get(root, 'spec', 'rules')).length > 0) add('security/authorization', `Istio AuthorizationPolicy ${name}`, `AuthorizationPolicy ${name} do Istio`, root);
  }
}

export const KUBERNETES_DETECTORS: Detector[] = [kubernetesFactsDetector, autoscalerDetector, clusterServicesDetector, ingressPolicyDetector];
