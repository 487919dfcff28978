/**
 * The checklist catalog: every seed item with how it is verified (rules, evidence, a person),
 * whether the seed's gates treat it as critical and why, and its English and pt-BR text.
 *
 * Rules are derived from the registry (each rule's `meta.checklistItem`) plus the extra rule ids
 * listed here for rules that also prove a second item; evidence detectors are derived from the
 * detector registry (each detector declares the items it proves and why).
 */
import { ALL_RULES } from '../../../rules/index';
import { SEED_ITEMS, type SeedItem } from './seed-items';
import { EVIDENCE_SOURCES } from './evidence/index';
import type { Category, Subject } from '../engine/types';

import type { Locale } from '../i18n';

export interface Localized {
  en: string;
  pt: string;
}

interface ItemSpec {
  /** What the item asks for, in English (the seed's terse text, spelled out). */
  description: string;
  /** pt-BR title and description. */
  pt: [title: string, description: string];
  /** Rules that also prove this item besides those whose `meta.checklistItem` is this item. */
  rules?: string[];
  /**
   * What the item is about, for items its rules can prove: a clean run proves it only when its
   * rules inspected at least one of these subjects. Others they inspect (the Kubernetes objects
   * `k8s/default-namespace` checks for deployment-manifests) are listed, never proof. Required
   * (by the catalog test) for every item with rules that is not `manual`.
   */
  subjects?: Subject[];
  /** Files can show only part of it (or nothing): a person attests the rest. */
  manual?: boolean;
  /** Why the item is critical for its category's gate (English, pt-BR). */
  critical?: [en: string, pt: string];
}

export interface CatalogItem {
  id: string;
  /** The seed category; `Sign-off` for the four sign-offs. */
  category: Category | 'Sign-off';
  section: string;
  group: string;
  title: Localized;
  description: Localized;
  seedTitle: string;
  seedText: string;
  critical: boolean;
  criticalReason?: Localized;
  /** Rule ids whose findings decide the item: the registry's plus the catalog's extras. */
  rules: string[];
  /** Extra rule ids the catalog lists (validated against the registry by the meta-test). */
  extraRules: string[];
  /** Evidence detector ids that can prove the item. */
  evidence: string[];
  /** Subjects whose inspection by its rules proves the item; empty when rules cannot prove it. */
  subjects: Subject[];
  manual: boolean;
}

const SPECS: Record<string, ItemSpec> = {
  // Deployment: infrastructure
  'deployment/environment-provisioned': {
    description: 'Production infrastructure is provisioned as code (Terraform), tagged by environment, not by hand.',
    pt: ['Ambiente provisionado', 'A infraestrutura de produção é provisionada como código (Terraform), com tags por ambiente, e não manualmente.'],
    rules: ['terraform/required-tags'],
    manual: true,
  },
  'deployment/dns-configured': {
    description: 'The domain and subdomains resolve to production with a low TTL so a failover propagates quickly.',
    pt: ['DNS configurado', 'O domínio e os subdomínios apontam para produção com TTL baixo, para que um failover se propague rápido.'],
    manual: true,
  },
  'deployment/ssl-tls': {
    description: 'Valid TLS certificates are installed on every public endpoint and renew automatically.',
    pt: ['SSL/TLS', 'Certificados TLS válidos estão instalados em todo endpoint público e são renovados automaticamente.'],
    rules: ['nginx/ssl-certificate', 'k8s/ingress-tls', 'terraform/lb-https'],
    manual: true,
  },
  'deployment/load-balancer': {
    description: 'A load balancer fronts the application and routes only to instances that pass health checks.',
    pt: ['Load balancer', 'Um load balancer fica na frente da aplicação e só encaminha tráfego para instâncias que passam nos health checks.'],
    rules: ['terraform/lb-health-check', 'terraform/lb-deletion-protection'],
    subjects: ['load-balancer', 'target-group'],
  },
  'deployment/cdn': {
    description: 'A CDN serves static assets and cacheable API responses close to users.',
    pt: ['CDN', 'Uma CDN entrega assets estáticos e respostas de API cacheáveis perto dos usuários.'],
    manual: true,
  },
  'deployment/firewall': {
    description: 'Firewall and security-group rules allow only the traffic that is needed (allow-list), never the whole internet on admin ports.',
    pt: ['Firewall', 'Regras de firewall e security groups liberam apenas o tráfego necessário (whitelist), nunca a internet inteira em portas administrativas.'],
    rules: ['terraform/open-ingress'],
    subjects: ['security-group'],
  },
  'deployment/vpc-network': {
    description: 'The application runs in an isolated network; databases and internal services are not publicly reachable.',
    pt: ['VPC/Rede', 'A aplicação roda em uma rede isolada; bancos de dados e serviços internos não são acessíveis publicamente.'],
    rules: ['terraform/rds-public', 'compose/exposed-ports'],
    manual: true,
  },
  // Deployment: containers
  'deployment/docker-images': {
    description: 'Images are small, reproducible (pinned bases, no package caches) and built without risky steps.',
    pt: ['Imagens Docker', 'As imagens são pequenas e reproduzíveis (bases fixadas, sem cache de pacotes) e construídas sem passos arriscados.'],
    rules: [
      'dockerfile/pinned-base-image',
      'dockerfile/multi-stage-build',
      'dockerfile/package-cache',
      'dockerfile/apt-no-recommends',
      'dockerfile/copy-not-add',
    ],
    subjects: ['image', 'stage', 'instruction'],
  },
  'deployment/docker-registry': {
    description: 'Images are published to a private, access-controlled registry (ECR, Harbor, GHCR) that scans them.',
    pt: ['Registry', 'As imagens são publicadas em um registry privado e com controle de acesso (ECR, Harbor, GHCR) que as escaneia.'],
    manual: true,
  },
  'deployment/docker-multi-stage-builds': {
    description: 'Dockerfiles build in one stage and copy only the artifacts into a slim runtime stage.',
    pt: ['Builds multi-stage', 'Os Dockerfiles compilam em um estágio e copiam apenas os artefatos para um estágio de runtime enxuto.'],
    rules: ['dockerfile/multi-stage-build'],
    subjects: ['image', 'stage'],
  },
  'deployment/docker-health-checks': {
    description: 'Every container declares a health check (HEALTHCHECK, or liveness and readiness probes in Kubernetes).',
    pt: ['Health checks', 'Todo container declara um health check (HEALTHCHECK, ou probes de liveness e readiness no Kubernetes).'],
    rules: ['dockerfile/healthcheck', 'k8s/liveness-probe', 'k8s/readiness-probe', 'compose/healthcheck'],
    subjects: ['image', 'container', 'service'],
  },
  'deployment/docker-resource-limits': {
    description: 'Every container has CPU and memory requests and limits.',
    pt: ['Limites de recursos', 'Todo container tem requests e limits de CPU e memória.'],
    rules: ['k8s/resource-requests', 'k8s/resource-limits'],
    subjects: ['container', 'service'],
  },
  'deployment/docker-security-context': {
    description: 'Containers run as a non-root user, unprivileged, without privilege escalation and with a read-only root filesystem.',
    pt: ['Contexto de segurança', 'Os containers rodam com usuário não-root, sem privilégios, sem escalonamento de privilégio e com sistema de arquivos raiz somente leitura.'],
    rules: [
      'dockerfile/non-root-user',
      'k8s/run-as-non-root',
      'k8s/no-privileged',
      'k8s/no-privilege-escalation',
      'k8s/read-only-root-fs',
      'k8s/drop-capabilities',
      'compose/privileged',
      'compose/docker-socket',
      'compose/cap-drop',
      'compose/no-new-privileges',
      'compose/read-only',
    ],
    subjects: ['image', 'container', 'service'],
  },
  'deployment/docker-image-scanning': {
    description: 'Images are scanned for vulnerabilities automatically on every build (Trivy, Grype, Snyk, Docker Scout).',
    pt: ['Scan de imagens', 'As imagens são escaneadas automaticamente em busca de vulnerabilidades a cada build (Trivy, Grype, Snyk, Docker Scout).'],
  },
  // Deployment: Kubernetes
  'deployment/deployment-manifests': {
    description: 'Workload manifests are valid and production-shaped: pinned image tags, several replicas, an explicit namespace, probes on real ports.',
    pt: ['Manifests de deployment', 'Os manifests são válidos e prontos para produção: tags de imagem fixas, várias réplicas, namespace explícito e probes em portas reais.'],
    rules: ['k8s/image-tag', 'k8s/replicas', 'k8s/default-namespace', 'k8s/probe-port', 'compose/image-tag'],
    subjects: ['workload', 'container', 'service'],
  },
  'deployment/services': {
    description: 'Services expose the right ports and selectors, and only what must be public is of type LoadBalancer or NodePort.',
    pt: ['Services', 'Os Services expõem as portas e seletores certos, e só o que precisa ser público é do tipo LoadBalancer ou NodePort.'],
    manual: true,
  },
  'deployment/ingress': {
    description: 'Ingresses terminate TLS and apply rate limiting.',
    pt: ['Ingress', 'Os Ingresses terminam TLS e aplicam rate limiting.'],
    rules: ['k8s/ingress-tls', 'k8s/ingress-rate-limit'],
    subjects: ['object'],
  },
  'deployment/configmaps': {
    description: 'Configuration lives outside the image (ConfigMaps, environment), so the same image runs in every environment.',
    pt: ['ConfigMaps', 'A configuração fica fora da imagem (ConfigMaps, variáveis de ambiente), para que a mesma imagem rode em todos os ambientes.'],
    manual: true,
  },
  'deployment/secrets': {
    description: 'Secrets come from a secret manager (Vault, AWS Secrets Manager, Kubernetes Secrets), never literals in images, manifests or Terraform.',
    pt: ['Secrets', 'Os segredos vêm de um gerenciador (Vault, AWS Secrets Manager, Secrets do Kubernetes), nunca como literais em imagens, manifests ou Terraform.'],
    rules: ['k8s/secret-env-literal', 'dockerfile/no-secrets-in-env', 'terraform/hardcoded-secret'],
    // Its rules find literals; a container or service without one may simply use no secret, so
    // only evidence of a secret manager (ExternalSecret, SealedSecret, Vault) proves it.
    manual: true,
  },
  'deployment/rbac': {
    description: 'Service accounts and roles grant the least privilege: no wildcard rules, no API token mounted where unused.',
    pt: ['RBAC', 'Service accounts e roles concedem o mínimo privilégio: sem regras curinga e sem token de API montado onde não é usado.'],
    rules: ['k8s/rbac-wildcard', 'k8s/service-account-token'],
    subjects: ['workload', 'object'],
  },
  'deployment/network-policies': {
    description: 'NetworkPolicies restrict which pods may talk to each other.',
    pt: ['Network policies', 'NetworkPolicies restringem quais pods podem se comunicar entre si.'],
    rules: ['k8s/network-policy'],
    subjects: ['workload'],
  },
  'deployment/pod-security-standards': {
    description: 'Pods meet the "restricted" Pod Security Standard: non-root, unprivileged, no host namespaces, no escalation, dropped capabilities, a seccomp profile.',
    pt: ['Pod Security Standards', 'Os pods atendem ao Pod Security Standard "restricted": não-root, sem privilégios, sem namespaces do host, sem escalonamento, capabilities removidas e perfil seccomp.'],
    rules: ['k8s/run-as-non-root', 'k8s/no-privileged', 'k8s/host-namespaces', 'k8s/no-privilege-escalation', 'k8s/drop-capabilities', 'k8s/seccomp-profile', 'compose/non-root-user'],
    subjects: ['container', 'workload', 'service'],
  },
  // Deployment: CI/CD
  'deployment/automated-testing': {
    description: 'The pipeline runs the automated test suites (unit, integration, end-to-end) on every change.',
    pt: ['Testes automatizados', 'O pipeline executa as suítes de testes automatizados (unitários, integração, end-to-end) a cada mudança.'],
  },
  'deployment/security-scanning': {
    description: 'The pipeline scans code, dependencies and images for vulnerabilities (SAST, DAST, SCA).',
    pt: ['Scan de segurança', 'O pipeline escaneia código, dependências e imagens em busca de vulnerabilidades (SAST, DAST, SCA).'],
  },
  'deployment/quality-gates': {
    description: 'The pipeline fails when quality drops: a coverage threshold or a SonarQube/SonarCloud quality gate.',
    pt: ['Quality gates', 'O pipeline falha quando a qualidade cai: um limite de cobertura ou um quality gate do SonarQube/SonarCloud.'],
  },
  'deployment/deployment-strategy': {
    description: 'Releases roll out gradually (rolling update with surge limits, canary or blue-green) instead of replacing everything at once.',
    pt: ['Estratégia de deploy', 'As versões são liberadas gradualmente (rolling update com limites, canary ou blue-green) em vez de substituir tudo de uma vez.'],
    rules: ['k8s/rolling-update'],
    manual: true,
  },
  'deployment/rollback-capability': {
    description: 'A failed release rolls back automatically (helm --atomic, rollout undo, progressive delivery abort) and the rollback has been exercised.',
    pt: ['Capacidade de rollback', 'Uma versão com falha é revertida automaticamente (helm --atomic, rollout undo, abort da entrega progressiva) e o rollback já foi exercitado.'],
    manual: true,
  },
  'deployment/environment-promotion': {
    description: 'The same build is promoted automatically from staging to production by the pipeline.',
    pt: ['Promoção entre ambientes', 'O mesmo build é promovido automaticamente de staging para produção pelo pipeline.'],
  },
  'deployment/approval-gates': {
    description: 'Deploying to production requires an approval (a protected environment with reviewers, or a manual job).',
    pt: ['Gates de aprovação', 'O deploy em produção exige aprovação (um ambiente protegido com revisores ou um job manual).'],
    manual: true,
  },
  // Security: identity
  'security/authentication': {
    description: 'Users and services authenticate through a robust standard (OAuth2/OIDC), not home-grown schemes.',
    pt: ['Autenticação', 'Usuários e serviços se autenticam por um padrão robusto (OAuth2/OIDC), e não por esquemas caseiros.'],
    manual: true,
    critical: [
      'Without robust authentication anyone can act as any user; no other control matters after that.',
      'Sem autenticação robusta qualquer um pode agir como qualquer usuário; nenhum outro controle importa depois disso.',
    ],
  },
  'security/authorization': {
    description: 'Access is granted by role (RBAC) and checked on every request.',
    pt: ['Autorização', 'O acesso é concedido por papel (RBAC) e verificado em toda requisição.'],
    manual: true,
    critical: [
      'Broken access control is the top OWASP risk: authenticated users reaching data that is not theirs.',
      'Controle de acesso quebrado é o principal risco do OWASP: usuários autenticados alcançando dados que não são deles.',
    ],
  },
  'security/session-management': {
    description: 'Sessions are secure: short-lived JWTs with refresh, secure cookies, revocation on logout.',
    pt: ['Gerenciamento de sessão', 'As sessões são seguras: JWTs de curta duração com refresh, cookies seguros e revogação no logout.'],
    manual: true,
  },
  'security/password-policies': {
    description: 'Password rules follow NIST SP 800-63B: length over complexity, breached-password checks, no forced rotation.',
    pt: ['Políticas de senha', 'As regras de senha seguem o NIST SP 800-63B: comprimento acima de complexidade, verificação de senhas vazadas, sem troca forçada.'],
    manual: true,
  },
  'security/2fa-mfa': {
    description: 'Multi-factor authentication is mandatory for administrators.',
    pt: ['2FA/MFA', 'A autenticação multifator é obrigatória para administradores.'],
    manual: true,
    critical: [
      'An administrator account protected by a password alone is one phishing e-mail away from a full compromise.',
      'Uma conta de administrador protegida só por senha está a um e-mail de phishing de um comprometimento total.',
    ],
  },
  'security/api-security': {
    description: 'Every API endpoint requires authentication and is rate limited.',
    pt: ['Segurança de API', 'Todo endpoint de API exige autenticação e tem rate limiting.'],
    manual: true,
    critical: [
      'APIs are the production attack surface; an unauthenticated or unthrottled endpoint leaks data or falls to abuse.',
      'APIs são a superfície de ataque em produção; um endpoint sem autenticação ou sem limite vaza dados ou cai por abuso.',
    ],
  },
  'security/token-management': {
    description: 'Tokens and credentials expire and are rotated automatically.',
    pt: ['Gerenciamento de tokens', 'Tokens e credenciais expiram e são rotacionados automaticamente.'],
    manual: true,
  },
  // Security: data protection
  'security/encryption-at-rest': {
    description: 'Databases, buckets, volumes and caches are encrypted at rest (AES-256).',
    pt: ['Criptografia em repouso', 'Bancos de dados, buckets, volumes e caches são criptografados em repouso (AES-256).'],
    rules: ['terraform/rds-encryption', 'terraform/s3-encryption', 'terraform/ebs-encryption', 'terraform/elasticache-encryption'],
    subjects: ['database', 'bucket', 'volume', 'cache'],
    critical: [
      'A leaked snapshot, disk or bucket exposes every record in clear text; LGPD/GDPR treat it as a reportable breach.',
      'Um snapshot, disco ou bucket vazado expõe todos os registros em texto claro; a LGPD/GDPR tratam isso como incidente a notificar.',
    ],
  },
  'security/encryption-in-transit': {
    description: 'All traffic is encrypted with modern TLS (1.2 minimum, 1.3 preferred) and strong ciphers.',
    pt: ['Criptografia em trânsito', 'Todo o tráfego é criptografado com TLS moderno (mínimo 1.2, preferencialmente 1.3) e cifras fortes.'],
    rules: ['nginx/tls-protocols', 'nginx/tls-ciphers', 'terraform/lb-https'],
    subjects: ['server', 'listener', 'load-balancer'],
    critical: [
      'Credentials and personal data sent over plain or weak TLS can be read or altered on the network.',
      'Credenciais e dados pessoais enviados sem TLS ou com TLS fraco podem ser lidos ou alterados na rede.',
    ],
  },
  'security/key-management': {
    description: 'Encryption keys live in a KMS or HSM and rotate automatically.',
    pt: ['Gerenciamento de chaves', 'As chaves de criptografia ficam em um KMS ou HSM e são rotacionadas automaticamente.'],
    rules: ['terraform/kms-rotation'],
    manual: true,
    critical: [
      'Encryption is only as strong as its keys: keys kept beside the data or never rotated void encryption at rest.',
      'A criptografia é tão forte quanto suas chaves: chaves guardadas junto aos dados ou nunca rotacionadas anulam a criptografia em repouso.',
    ],
  },
  'security/pii-protection': {
    description: 'Personal data is identified, classified and protected (encrypted fields, restricted access).',
    pt: ['Proteção de PII', 'Os dados pessoais são identificados, classificados e protegidos (campos criptografados, acesso restrito).'],
    manual: true,
    critical: [
      'LGPD/GDPR make the controller liable for every personal record; unprotected PII is the costliest kind of breach.',
      'A LGPD/GDPR responsabilizam o controlador por cada dado pessoal; PII desprotegida é o tipo de vazamento mais caro.',
    ],
  },
  'security/data-masking': {
    description: 'Sensitive data is masked in logs and in non-production environments.',
    pt: ['Mascaramento de dados', 'Dados sensíveis são mascarados nos logs e nos ambientes que não são de produção.'],
    manual: true,
  },
  'security/secure-deletion': {
    description: 'Data is deleted securely when required (crypto-shredding: destroying the key destroys the data).',
    pt: ['Exclusão segura', 'Os dados são excluídos de forma segura quando necessário (crypto-shredding: destruir a chave destrói os dados).'],
    manual: true,
  },
  'security/data-classification': {
    description: 'Data is classified by sensitivity (public, internal, confidential, restricted) and handled accordingly.',
    pt: ['Classificação de dados', 'Os dados são classificados por sensibilidade (público, interno, confidencial, restrito) e tratados de acordo.'],
    manual: true,
  },
  // Security: network
  'security/https-only': {
    description: 'Every endpoint is served over HTTPS only: HTTP redirects to HTTPS and HSTS is sent.',
    pt: ['Somente HTTPS', 'Todo endpoint é servido apenas por HTTPS: HTTP redireciona para HTTPS e o HSTS é enviado.'],
    rules: ['nginx/hsts', 'nginx/https-redirect', 'k8s/ingress-tls', 'terraform/lb-https'],
    subjects: ['server', 'object', 'listener', 'load-balancer'],
    critical: [
      'One plain-HTTP path lets an attacker on the network downgrade and hijack sessions; HSTS closes that door.',
      'Um único caminho em HTTP puro permite que um atacante na rede rebaixe a conexão e sequestre sessões; o HSTS fecha essa porta.',
    ],
  },
  'security/security-headers': {
    description: 'Responses carry the security headers (CSP, X-Content-Type-Options, X-Frame-Options, Referrer-Policy) on every location and error page.',
    pt: ['Headers de segurança', 'As respostas levam os headers de segurança (CSP, X-Content-Type-Options, X-Frame-Options, Referrer-Policy) em todo location e página de erro.'],
    rules: ['nginx/security-headers', 'nginx/add-header-inheritance', 'nginx/add-header-always', 'nginx/server-tokens'],
    subjects: ['server'],
  },
  'security/cors': {
    description: 'CORS allows only the listed origins, never "*" with credentials.',
    pt: ['CORS', 'O CORS permite apenas as origens listadas, nunca "*" com credenciais.'],
    manual: true,
  },
  'security/rate-limiting': {
    description: 'Requests are rate limited per IP or user at the edge.',
    pt: ['Rate limiting', 'As requisições têm limite de taxa por IP ou usuário na borda.'],
    rules: ['nginx/rate-limiting', 'k8s/ingress-rate-limit'],
    subjects: ['object', 'location'],
  },
  'security/ddos-protection': {
    description: 'A DDoS protection service (Cloudflare, AWS Shield) fronts the public endpoints.',
    pt: ['Proteção contra DDoS', 'Um serviço de proteção contra DDoS (Cloudflare, AWS Shield) fica na frente dos endpoints públicos.'],
    manual: true,
  },
  'security/waf': {
    description: 'A web application firewall filters malicious requests before they reach the application.',
    pt: ['WAF', 'Um web application firewall filtra requisições maliciosas antes que cheguem à aplicação.'],
    manual: true,
  },
  'security/ip-whitelisting': {
    description: 'Administrative endpoints accept connections only from an allow-list of addresses.',
    pt: ['Whitelist de IPs', 'Os endpoints administrativos aceitam conexões apenas de uma lista de endereços permitidos.'],
    manual: true,
  },
  // Security: compliance
  'security/lgpd-gdpr': {
    description: 'The application complies with the privacy regulations that apply to it (LGPD, GDPR).',
    pt: ['LGPD/GDPR', 'A aplicação está em conformidade com as regulamentações de privacidade aplicáveis (LGPD, GDPR).'],
    manual: true,
    critical: [
      'Non-compliance is a legal blocker: the ANPD and EU authorities fine up to 2% and 4% of revenue respectively.',
      'A não conformidade é um impedimento legal: a ANPD e as autoridades europeias multam em até 2% e 4% do faturamento, respectivamente.',
    ],
  },
  'security/data-retention': {
    description: 'Retention periods are defined per data type and enforced by deletion jobs or lifecycle rules.',
    pt: ['Retenção de dados', 'Os prazos de retenção são definidos por tipo de dado e aplicados por jobs de exclusão ou regras de ciclo de vida.'],
    manual: true,
  },
  'security/audit-logging': {
    description: 'Security-relevant actions are written to tamper-proof audit logs.',
    pt: ['Logs de auditoria', 'Ações relevantes para a segurança são gravadas em logs de auditoria à prova de adulteração.'],
    manual: true,
    critical: [
      'Without immutable audit logs a breach can be neither investigated nor reported, as LGPD/GDPR require.',
      'Sem logs de auditoria imutáveis um incidente não pode ser investigado nem notificado, como a LGPD/GDPR exigem.',
    ],
  },
  'security/privacy-policy': {
    description: 'A current privacy policy is published.',
    pt: ['Política de privacidade', 'Uma política de privacidade atualizada está publicada.'],
    manual: true,
  },
  'security/terms-of-service': {
    description: 'Current terms of service are published.',
    pt: ['Termos de serviço', 'Termos de serviço atualizados estão publicados.'],
    manual: true,
  },
  'security/data-processing-agreements': {
    description: 'Data processing agreements are signed with every vendor that handles personal data.',
    pt: ['Acordos de processamento de dados', 'DPAs estão assinados com todo fornecedor que trata dados pessoais.'],
    manual: true,
  },
  'security/breach-notification': {
    description: 'A breach notification process names who notifies the authority and the data subjects, and within which deadline.',
    pt: ['Notificação de violação', 'Um processo de notificação de violação define quem notifica a autoridade e os titulares, e em qual prazo.'],
    manual: true,
    critical: [
      'LGPD (art. 48) and GDPR (art. 33, 72 hours) impose notification deadlines that cannot be met without a process ready.',
      'A LGPD (art. 48) e a GDPR (art. 33, 72 horas) impõem prazos de notificação impossíveis de cumprir sem um processo pronto.',
    ],
  },
  // Monitoring: application
  'monitoring/health-checks': {
    description: 'The application exposes health and readiness endpoints (/health, /ready) and the platform probes them.',
    pt: ['Health checks', 'A aplicação expõe endpoints de saúde e prontidão (/health, /ready) e a plataforma os verifica.'],
    rules: ['k8s/liveness-probe', 'k8s/readiness-probe', 'dockerfile/healthcheck'],
    subjects: ['image', 'container', 'service'],
  },
  'monitoring/metrics-collection': {
    description: 'Application metrics are collected by Prometheus (scrape jobs, ServiceMonitors or scrape annotations).',
    pt: ['Coleta de métricas', 'As métricas da aplicação são coletadas pelo Prometheus (jobs de scrape, ServiceMonitors ou anotações de scrape).'],
  },
  'monitoring/performance-monitoring': {
    description: 'An APM agent (Datadog, New Relic, Elastic APM) measures request latency and throughput.',
    pt: ['Monitoramento de performance', 'Um agente de APM (Datadog, New Relic, Elastic APM) mede latência e vazão das requisições.'],
    manual: true,
  },
  'monitoring/error-tracking': {
    description: 'Unhandled errors are reported to an error tracker (Sentry, Rollbar, Bugsnag).',
    pt: ['Rastreamento de erros', 'Erros não tratados são enviados a um rastreador de erros (Sentry, Rollbar, Bugsnag).'],
    manual: true,
  },
  'monitoring/user-analytics': {
    description: 'User analytics are configured.',
    pt: ['Analytics de usuário', 'O analytics de usuário está configurado.'],
    manual: true,
  },
  'monitoring/business-metrics': {
    description: 'Business metrics (sign-ups, orders, revenue) are measured and on a dashboard.',
    pt: ['Métricas de negócio', 'Métricas de negócio (cadastros, pedidos, receita) são medidas e estão em um dashboard.'],
    manual: true,
  },
  'monitoring/distributed-tracing': {
    description: 'Requests are traced across services (OpenTelemetry, Jaeger, Tempo).',
    pt: ['Tracing distribuído', 'As requisições são rastreadas entre serviços (OpenTelemetry, Jaeger, Tempo).'],
    manual: true,
  },
  // Monitoring: infrastructure
  'monitoring/server-monitoring': {
    description: 'Hosts are monitored for CPU, memory and disk (node-exporter or an equivalent agent).',
    pt: ['Monitoramento de servidores', 'Os hosts são monitorados quanto a CPU, memória e disco (node-exporter ou agente equivalente).'],
    manual: true,
  },
  'monitoring/container-monitoring': {
    description: 'Containers are monitored for resource use and restarts (cAdvisor or an equivalent).',
    pt: ['Monitoramento de containers', 'Os containers são monitorados quanto a uso de recursos e reinícios (cAdvisor ou equivalente).'],
    manual: true,
  },
  'monitoring/network-monitoring': {
    description: 'Network latency and throughput are monitored (blackbox probes, flow logs).',
    pt: ['Monitoramento de rede', 'A latência e a vazão da rede são monitoradas (probes blackbox, flow logs).'],
    manual: true,
  },
  'monitoring/database-monitoring': {
    description: 'Databases are monitored (an exporter, enhanced monitoring or Performance Insights).',
    pt: ['Monitoramento de banco de dados', 'Os bancos de dados são monitorados (um exporter, enhanced monitoring ou Performance Insights).'],
    rules: ['terraform/rds-monitoring'],
    manual: true,
  },
  'monitoring/storage-monitoring': {
    description: 'Storage usage is monitored and alerts fire before volumes fill up.',
    pt: ['Monitoramento de armazenamento', 'O uso de armazenamento é monitorado e alertas disparam antes que os volumes encham.'],
    manual: true,
  },
  'monitoring/resource-utilization': {
    description: 'Resource utilization (CPU, memory, connections) is tracked against requests and limits.',
    pt: ['Utilização de recursos', 'A utilização de recursos (CPU, memória, conexões) é acompanhada em relação a requests e limits.'],
    manual: true,
  },
  'monitoring/capacity-planning': {
    description: 'Capacity alerts are configured (usage above 80% of CPU, memory, disk or quota).',
    pt: ['Planejamento de capacidade', 'Alertas de capacidade estão configurados (uso acima de 80% de CPU, memória, disco ou cota).'],
    manual: true,
  },
  // Monitoring: logging
  'monitoring/centralized-logging': {
    description: 'Logs are shipped to a central store (Loki, Elasticsearch, CloudWatch) by an agent such as Fluent Bit, Promtail or Vector.',
    pt: ['Logs centralizados', 'Os logs são enviados a um repositório central (Loki, Elasticsearch, CloudWatch) por um agente como Fluent Bit, Promtail ou Vector.'],
    manual: true,
  },
  'monitoring/structured-logging': {
    description: 'The application logs structured JSON, one event per line.',
    pt: ['Logs estruturados', 'A aplicação gera logs estruturados em JSON, um evento por linha.'],
    manual: true,
  },
  'monitoring/log-levels': {
    description: 'Production logs at an appropriate level (info or warn), not debug.',
    pt: ['Níveis de log', 'Em produção os logs usam um nível apropriado (info ou warn), e não debug.'],
    manual: true,
  },
  'monitoring/log-retention': {
    description: 'Logs are kept for 30 to 90 days, then expire.',
    pt: ['Retenção de logs', 'Os logs são mantidos por 30 a 90 dias e depois expiram.'],
    rules: ['terraform/log-retention'],
    manual: true,
  },
  'monitoring/log-security': {
    description: 'Logs are access-controlled and contain no secrets or personal data.',
    pt: ['Segurança de logs', 'Os logs têm acesso controlado e não contêm segredos nem dados pessoais.'],
    manual: true,
  },
  'monitoring/log-analysis': {
    description: 'Logs are analysed automatically (saved queries, log-based alerts, anomaly detection).',
    pt: ['Análise de logs', 'Os logs são analisados automaticamente (consultas salvas, alertas baseados em logs, detecção de anomalias).'],
    manual: true,
  },
  'monitoring/correlation-ids': {
    description: 'Every request carries a correlation id that appears in all of its log lines and traces.',
    pt: ['IDs de correlação', 'Toda requisição carrega um ID de correlação que aparece em todas as suas linhas de log e traces.'],
    manual: true,
  },
  // Monitoring: alerting
  'monitoring/critical-alerts': {
    description: 'Critical problems raise an alert of severity critical within a minute.',
    pt: ['Alertas críticos', 'Problemas críticos disparam um alerta de severidade crítica em menos de um minuto.'],
  },
  'monitoring/performance-alerts': {
    description: 'Latency alerts fire when the SLA is breached (for example P95 above target).',
    pt: ['Alertas de performance', 'Alertas de latência disparam quando o SLA é violado (por exemplo, P95 acima da meta).'],
  },
  'monitoring/error-rate-alerts': {
    description: 'An alert fires when the error rate exceeds 1% of requests.',
    pt: ['Alertas de taxa de erro', 'Um alerta dispara quando a taxa de erro passa de 1% das requisições.'],
  },
  'monitoring/capacity-alerts': {
    description: 'Alerts fire when CPU, memory, disk or quota use exceeds 80%.',
    pt: ['Alertas de capacidade', 'Alertas disparam quando o uso de CPU, memória, disco ou cota passa de 80%.'],
  },
  'monitoring/security-alerts': {
    description: 'Security events (bursts of failed logins, 401/403 spikes, runtime intrusion detection) raise alerts.',
    pt: ['Alertas de segurança', 'Eventos de segurança (rajadas de logins falhos, picos de 401/403, detecção de intrusão em runtime) disparam alertas.'],
    manual: true,
  },
  'monitoring/business-alerts': {
    description: 'Alerts fire when business metrics deviate (orders drop, payment failures rise).',
    pt: ['Alertas de negócio', 'Alertas disparam quando métricas de negócio se desviam (pedidos caem, falhas de pagamento sobem).'],
    manual: true,
  },
  'monitoring/escalation-procedures': {
    description: 'Alerts escalate by severity: critical ones page the on-call person, who escalates when unacknowledged.',
    pt: ['Procedimentos de escalação', 'Os alertas escalam por severidade: os críticos acionam o plantonista, que escala quando não há reconhecimento.'],
    manual: true,
  },
  // Performance: application
  'performance/response-times': {
    description: 'Response times stay under 200 ms at P95 under expected load.',
    pt: ['Tempos de resposta', 'Os tempos de resposta ficam abaixo de 200 ms no P95 sob a carga esperada.'],
    manual: true,
  },
  'performance/throughput': {
    description: 'The system sustains more than 1,000 requests per second.',
    pt: ['Throughput', 'O sistema sustenta mais de 1.000 requisições por segundo.'],
    manual: true,
  },
  'performance/concurrency': {
    description: 'The system supports more than 10,000 concurrent users.',
    pt: ['Concorrência', 'O sistema suporta mais de 10.000 usuários simultâneos.'],
    manual: true,
  },
  'performance/memory-usage': {
    description: 'Memory use stays under 80% of the limit under load.',
    pt: ['Uso de memória', 'O uso de memória fica abaixo de 80% do limite sob carga.'],
    manual: true,
  },
  'performance/cpu-usage': {
    description: 'CPU use stays under 70% under load.',
    pt: ['Uso de CPU', 'O uso de CPU fica abaixo de 70% sob carga.'],
    manual: true,
  },
  'performance/caching': {
    description: 'A caching strategy is in place (Redis or Memcached).',
    pt: ['Cache', 'Uma estratégia de cache está implementada (Redis ou Memcached).'],
    manual: true,
  },
  'performance/cdn': {
    description: 'Static assets are served from a CDN.',
    pt: ['CDN', 'Os assets estáticos são servidos por uma CDN.'],
    manual: true,
  },
  // Performance: database
  'performance/query-optimization': {
    description: 'Slow queries have been optimized with EXPLAIN ANALYZE.',
    pt: ['Otimização de queries', 'As queries lentas foram otimizadas com EXPLAIN ANALYZE.'],
    manual: true,
  },
  'performance/indexing': {
    description: 'Appropriate indexes exist and their use is monitored.',
    pt: ['Indexação', 'Existem índices apropriados e o seu uso é monitorado.'],
    manual: true,
  },
  'performance/connection-pooling': {
    description: 'Database connections go through a pool (application pool, PgBouncer, RDS Proxy).',
    pt: ['Pool de conexões', 'As conexões com o banco passam por um pool (pool da aplicação, PgBouncer, RDS Proxy).'],
    manual: true,
  },
  'performance/read-replicas': {
    description: 'Read replicas take read traffic off the primary.',
    pt: ['Réplicas de leitura', 'Réplicas de leitura tiram o tráfego de leitura do primário.'],
    manual: true,
  },
  'performance/database-monitoring': {
    description: 'Database performance is monitored, slow queries included (Performance Insights, slow query log).',
    pt: ['Monitoramento do banco de dados', 'A performance do banco é monitorada, incluindo slow queries (Performance Insights, slow query log).'],
    rules: ['terraform/rds-monitoring'],
    manual: true,
  },
  'performance/backup-performance': {
    description: 'Backup and restore durations have been measured and fit the maintenance window and RTO.',
    pt: ['Performance de backup', 'As durações de backup e restore foram medidas e cabem na janela de manutenção e no RTO.'],
    manual: true,
  },
  'performance/partitioning': {
    description: 'Large tables are partitioned.',
    pt: ['Particionamento', 'As tabelas grandes são particionadas.'],
    manual: true,
  },
  // Performance: load testing
  'performance/load-testing': {
    description: 'Load tests (k6, JMeter, Locust) exist and have been run against the expected load.',
    pt: ['Testes de carga', 'Existem testes de carga (k6, JMeter, Locust) e eles foram executados com a carga esperada.'],
    manual: true,
  },
  'performance/stress-testing': {
    description: 'Stress tests push the system past its expected load to find the breaking point.',
    pt: ['Testes de stress', 'Testes de stress levam o sistema além da carga esperada para encontrar o ponto de ruptura.'],
    manual: true,
  },
  'performance/capacity-planning': {
    description: 'Capacity has been planned: expected growth, headroom and when to scale.',
    pt: ['Planejamento de capacidade', 'A capacidade foi planejada: crescimento esperado, folga e quando escalar.'],
    manual: true,
  },
  'performance/performance-baselines': {
    description: 'Performance baselines are recorded so regressions can be detected.',
    pt: ['Baselines de performance', 'Baselines de performance estão registrados para que regressões sejam detectadas.'],
    manual: true,
  },
  'performance/scalability-testing': {
    description: 'Scaling out has been tested (autoscaling under load, more replicas give more throughput).',
    pt: ['Testes de escalabilidade', 'A escalabilidade foi testada (autoscaling sob carga, mais réplicas dão mais vazão).'],
    manual: true,
  },
  'performance/performance-budgets': {
    description: 'Performance budgets are defined and enforced (load-test thresholds that fail the run).',
    pt: ['Orçamentos de performance', 'Orçamentos de performance estão definidos e são aplicados (limites no teste de carga que reprovam a execução).'],
    manual: true,
  },
  // Backup
  'backup/automated-backups': {
    description: 'Backups run automatically on a schedule (managed database backups, Velero, a backup CronJob).',
    pt: ['Backups automatizados', 'Os backups rodam automaticamente em um agendamento (backups gerenciados do banco, Velero, um CronJob de backup).'],
    rules: ['terraform/rds-backup-retention'],
    subjects: ['database'],
    critical: [
      'Without automated backups a single bad migration or deleted volume is permanent data loss.',
      'Sem backups automatizados uma única migração errada ou um volume apagado é perda de dados permanente.',
    ],
  },
  'backup/backup-frequency': {
    description: 'Backups run often enough for the RPO (daily or continuous).',
    pt: ['Frequência de backup', 'Os backups rodam com frequência suficiente para o RPO (diária ou contínua).'],
    manual: true,
    critical: [
      'The backup frequency is the data-loss window: weekly backups cannot honour a 5-minute RPO.',
      'A frequência do backup é a janela de perda de dados: backups semanais não cumprem um RPO de 5 minutos.',
    ],
  },
  'backup/backup-retention': {
    description: 'Backups are kept for 30 to 90 days.',
    pt: ['Retenção de backup', 'Os backups são mantidos por 30 a 90 dias.'],
    rules: ['terraform/rds-backup-retention'],
    manual: true,
  },
  'backup/backup-encryption': {
    description: 'Backups are encrypted in transit and at rest.',
    pt: ['Criptografia de backup', 'Os backups são criptografados em trânsito e em repouso.'],
    rules: ['terraform/rds-encryption'],
    manual: true,
    critical: [
      'A backup holds all the data at once; unencrypted, it is the easiest full copy to steal.',
      'Um backup contém todos os dados de uma vez; sem criptografia, é a cópia completa mais fácil de roubar.',
    ],
  },
  'backup/cross-region-backups': {
    description: 'Backups are copied to another region.',
    pt: ['Backups entre regiões', 'Os backups são copiados para outra região.'],
    rules: ['terraform/s3-replication'],
    manual: true,
  },
  'backup/backup-testing': {
    description: 'Restores are tested regularly.',
    pt: ['Testes de backup', 'Restores são testados regularmente.'],
    manual: true,
    critical: [
      'An untested backup is a hope, not a backup: restores fail on missing permissions, versions and keys.',
      'Um backup não testado é uma esperança, não um backup: restores falham por permissões, versões e chaves ausentes.',
    ],
  },
  'backup/backup-monitoring': {
    description: 'Backup success and failure are monitored and a failure alerts someone.',
    pt: ['Monitoramento de backup', 'O sucesso e a falha dos backups são monitorados e uma falha alerta alguém.'],
    manual: true,
    critical: [
      'Backup jobs fail silently (expired credentials, full disks); unmonitored, the gap is found during the disaster.',
      'Jobs de backup falham em silêncio (credenciais expiradas, discos cheios); sem monitoramento, a falha é descoberta durante o desastre.',
    ],
  },
  'backup/rto-defined': {
    description: 'The recovery time objective is defined (under 15 minutes).',
    pt: ['RTO definido', 'O Recovery Time Objective está definido (menos de 15 minutos).'],
    manual: true,
    critical: [
      'Without an RTO nobody can tell whether the recovery design is good enough, or when to escalate.',
      'Sem RTO ninguém consegue dizer se o desenho de recuperação é suficiente, nem quando escalar.',
    ],
  },
  'backup/rpo-defined': {
    description: 'The recovery point objective is defined (under 5 minutes).',
    pt: ['RPO definido', 'O Recovery Point Objective está definido (menos de 5 minutos).'],
    manual: true,
    critical: [
      'The RPO fixes how much data the business accepts to lose; backup frequency and replication derive from it.',
      'O RPO define quantos dados o negócio aceita perder; a frequência de backup e a replicação derivam dele.',
    ],
  },
  'backup/dr-procedures': {
    description: 'Disaster recovery procedures are documented step by step.',
    pt: ['Procedimentos de DR', 'Os procedimentos de disaster recovery estão documentados passo a passo.'],
    manual: true,
    critical: [
      'During a disaster people follow the written procedure; improvising under pressure extends the outage and loses data.',
      'Durante um desastre as pessoas seguem o procedimento escrito; improvisar sob pressão prolonga a indisponibilidade e perde dados.',
    ],
  },
  'backup/dr-testing': {
    description: 'Disaster recovery is rehearsed regularly.',
    pt: ['Testes de DR', 'O disaster recovery é ensaiado regularmente.'],
    manual: true,
  },
  'backup/failover-automation': {
    description: 'Failover to a standby happens automatically (Multi-AZ databases, health-checked DNS).',
    pt: ['Failover automatizado', 'O failover para um standby acontece automaticamente (bancos Multi-AZ, DNS com health check).'],
    rules: ['terraform/rds-multi-az'],
    manual: true,
  },
  'backup/data-replication': {
    description: 'Data is replicated in real time (synchronous standbys, bucket replication).',
    pt: ['Replicação de dados', 'Os dados são replicados em tempo real (standbys síncronos, replicação de buckets).'],
    rules: ['terraform/rds-multi-az', 'terraform/s3-replication'],
    manual: true,
  },
  'backup/communication-plan': {
    description: 'A communication plan says who tells whom what, and where, during an incident.',
    pt: ['Plano de comunicação', 'Um plano de comunicação diz quem informa quem, o quê e onde durante um incidente.'],
    manual: true,
  },
  // Tests
  'tests/unit-tests': {
    description: 'Unit tests cover more than 80% of the code and the pipeline enforces it.',
    pt: ['Testes unitários', 'Os testes unitários cobrem mais de 80% do código e o pipeline exige isso.'],
    manual: true,
  },
  'tests/integration-tests': {
    description: 'Integration tests exercise the application with its real dependencies.',
    pt: ['Testes de integração', 'Testes de integração exercitam a aplicação com suas dependências reais.'],
    manual: true,
  },
  'tests/end-to-end-tests': {
    description: 'End-to-end tests cover the critical user flows.',
    pt: ['Testes end-to-end', 'Testes end-to-end cobrem os fluxos críticos dos usuários.'],
    manual: true,
  },
  'tests/performance-tests': {
    description: 'Performance tests run automatically in the pipeline.',
    pt: ['Testes de performance', 'Testes de performance rodam automaticamente no pipeline.'],
  },
  'tests/security-tests': {
    description: 'Security tests run automatically (SAST, DAST).',
    pt: ['Testes de segurança', 'Testes de segurança rodam automaticamente (SAST, DAST).'],
  },
  'tests/smoke-tests': {
    description: 'Smoke tests check the release right after each deployment.',
    pt: ['Testes de smoke', 'Testes de smoke verificam a versão logo após cada deploy.'],
    manual: true,
  },
  'tests/contract-tests': {
    description: 'Contract tests verify the APIs against their consumers (Pact).',
    pt: ['Testes de contrato', 'Testes de contrato verificam as APIs contra seus consumidores (Pact).'],
    manual: true,
  },
  // Documentation
  'documentation/api-documentation': {
    description: 'The API is documented in a current OpenAPI/Swagger specification.',
    pt: ['Documentação de API', 'A API está documentada em uma especificação OpenAPI/Swagger atualizada.'],
    manual: true,
  },
  'documentation/architecture-documentation': {
    description: 'The architecture is documented: components, data flows and decisions.',
    pt: ['Documentação de arquitetura', 'A arquitetura está documentada: componentes, fluxos de dados e decisões.'],
    manual: true,
  },
  'documentation/deployment-guide': {
    description: 'A current deployment guide explains how to release, step by step.',
    pt: ['Guia de deployment', 'Um guia de deployment atualizado explica como liberar uma versão, passo a passo.'],
    manual: true,
  },
  'documentation/troubleshooting-guide': {
    description: 'A troubleshooting guide lists known symptoms and their fixes.',
    pt: ['Guia de troubleshooting', 'Um guia de troubleshooting lista sintomas conhecidos e suas correções.'],
    manual: true,
  },
  'documentation/runbooks': {
    description: 'Runbooks give step-by-step procedures for common operations.',
    pt: ['Runbooks', 'Runbooks trazem procedimentos passo a passo para as operações comuns.'],
    manual: true,
  },
  'documentation/security-documentation': {
    description: 'Security is documented: the security policy, how to report vulnerabilities, the controls in place.',
    pt: ['Documentação de segurança', 'A segurança está documentada: a política de segurança, como reportar vulnerabilidades e os controles existentes.'],
    manual: true,
  },
  'documentation/monitoring-documentation': {
    description: 'Monitoring is documented: dashboards, alerts and what each one means.',
    pt: ['Documentação de monitoramento', 'O monitoramento está documentado: dashboards, alertas e o significado de cada um.'],
    manual: true,
  },
  'documentation/incident-response': {
    description: 'Incident response procedures define severities, roles and steps.',
    pt: ['Resposta a incidentes', 'Os procedimentos de resposta a incidentes definem severidades, papéis e passos.'],
    manual: true,
  },
  'documentation/escalation-procedures': {
    description: 'Escalation procedures say who is called next, and when.',
    pt: ['Procedimentos de escalação', 'Os procedimentos de escalação dizem quem é acionado em seguida, e quando.'],
    manual: true,
  },
  'documentation/contact-information': {
    description: 'Contact information (on-call, owners, channels) is current.',
    pt: ['Informações de contato', 'As informações de contato (plantão, responsáveis, canais) estão atualizadas.'],
    manual: true,
  },
  'documentation/sla-documentation': {
    description: 'The SLAs (availability, response time) are documented with their targets.',
    pt: ['Documentação de SLA', 'Os SLAs (disponibilidade, tempo de resposta) estão documentados com suas metas.'],
    manual: true,
  },
  'documentation/change-management': {
    description: 'The change management process (requests, reviews, approvals, windows) is documented.',
    pt: ['Gestão de mudanças', 'O processo de gestão de mudanças (solicitações, revisões, aprovações, janelas) está documentado.'],
    manual: true,
  },
  'documentation/capacity-planning': {
    description: 'Capacity planning is documented: current load, growth forecast, scaling thresholds.',
    pt: ['Planejamento de capacidade', 'O planejamento de capacidade está documentado: carga atual, previsão de crescimento e limites para escalar.'],
    manual: true,
  },
  // Sign-offs
  'signoff/tech-lead': {
    description: 'The tech lead signs off the release.',
    pt: ['Tech Lead', 'O tech lead aprova a liberação.'],
    manual: true,
  },
  'signoff/devops-engineer': {
    description: 'The DevOps engineer signs off the release.',
    pt: ['DevOps Engineer', 'O engenheiro DevOps aprova a liberação.'],
    manual: true,
  },
  'signoff/security-engineer': {
    description: 'The security engineer signs off the release.',
    pt: ['Security Engineer', 'O engenheiro de segurança aprova a liberação.'],
    manual: true,
  },
  'signoff/product-owner': {
    description: 'The product owner signs off the release.',
    pt: ['Product Owner', 'O product owner aprova a liberação.'],
    manual: true,
  },
};

/** The sign-off items and the `.readiness.yml` roles they stand for. */
export const SIGNOFF_ITEM_ROLES = {
  'signoff/tech-lead': 'techLead',
  'signoff/devops-engineer': 'devopsEngineer',
  'signoff/security-engineer': 'securityEngineer',
  'signoff/product-owner': 'productOwner',
} as const;

/** The catalog's own extra rule ids, by item, for the meta-test. */
export function catalogExtraRules(): Map<string, string[]> {
  return new Map(Object.entries(SPECS).map(([id, spec]) => [id, spec.rules ?? []]));
}

/** Item ids the catalog has text for, for the meta-test. */
export function catalogSpecIds(): string[] {
  return Object.keys(SPECS);
}

let cache: CatalogItem[] | undefined;

/** Every seed item, in the seed's order, with its verification. Built once (the registry is static). */
export function checklistCatalog(): readonly CatalogItem[] {
  cache ??= buildCatalog();
  return cache;
}

export function catalogItem(id: string): CatalogItem | undefined {
  return checklistCatalog().find((item) => item.id === id);
}

function buildCatalog(): CatalogItem[] {
  const rulesByItem = new Map<string, string[]>();
  for (const rule of ALL_RULES) {
    const list = rulesByItem.get(rule.meta.checklistItem) ?? [];
    list.push(rule.meta.id);
    rulesByItem.set(rule.meta.checklistItem, list);
  }
  const evidenceByItem = new Map<string, string[]>();
  for (const detector of EVIDENCE_SOURCES) {
    for (const item of Object.keys(detector.proves)) {
      const list = evidenceByItem.get(item) ?? [];
      list.push(detector.id);
      evidenceByItem.set(item, list);
    }
  }
  return SEED_ITEMS.map((seed) => buildItem(seed, rulesByItem.get(seed.id) ?? [], evidenceByItem.get(seed.id) ?? []));
}

function buildItem(seed: SeedItem, registryRules: string[], evidence: string[]): CatalogItem {
  const spec = SPECS[seed.id];
  // The meta-test guarantees a spec for every seed item; an item without one still gets a usable entry.
  const extraRules = spec?.rules ?? [];
  const rules = [...new Set([...registryRules, ...extraRules])];
  return {
    id: seed.id,
    category: seed.category as CatalogItem['category'],
    section: seed.section,
    group: seed.group,
    title: { en: seed.title, pt: spec?.pt[0] ?? seed.seedTitle },
    description: { en: spec?.description ?? seed.title, pt: spec?.pt[1] ?? seed.seedText },
    seedTitle: seed.seedTitle,
    seedText: seed.seedText,
    critical: spec?.critical !== undefined,
    criticalReason: spec?.critical ? { en: spec.critical[0], pt: spec.critical[1] } : undefined,
    rules,
    extraRules,
    evidence,
    subjects: [...(spec?.subjects ?? [])],
    manual: spec?.manual ?? (rules.length === 0 && evidence.length === 0),
  };
}

export function localized(text: Localized, locale: Locale): string {
  return locale === 'pt-BR' ? text.pt : text.en;
}
