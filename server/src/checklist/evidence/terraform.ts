/**
 * Terraform evidence: resources that prove an item exists and is set up the way the seed asks
 * (a DNS record with a low TTL, a certificate that renews itself, a WAF with rules, CloudTrail with
 * log validation, lifecycle expiration, Cognito with MFA on, read replicas, AWS Backup plans ...).
 * A resource of the right type is not enough: each detector checks the settings that make it
 * count, and a value it cannot read (a variable) proves nothing.
 */
import { isPlaceholder } from '../targets';
import { address, allBlocks, isSet, isTrue, literal, nested, numberOf, parseHcl, resources, type HclAttribute, type HclBlock } from './hcl';
import { loc, type Detector, type DetectorHit, type SourceFile } from './source';

const trees = new WeakMap<SourceFile, HclBlock[]>();

function hcl(file: SourceFile): HclBlock[] {
  let blocks = trees.get(file);
  if (!blocks) {
    blocks = parseHcl(file.text);
    trees.set(file, blocks);
  }
  return blocks;
}

const isTerraform = (file: SourceFile) => file.isTerraform;
const lineOf = (file: SourceFile, block: HclBlock) => file.lineOf(block.span.start);
const named = (block: HclBlock) => address(block);

/** Collects hits, one per item (the first found is the one a reader opens). */
function collector() {
  const hits: DetectorHit[] = [];
  const seen = new Set<string>();
  return {
    hits,
    add(item: string, en: string, pt: string, file: SourceFile, block: HclBlock, declares?: DetectorHit['declares']) {
      if (seen.has(item) && !declares) return;
      seen.add(item);
      hits.push({ item, what: loc(en, pt), line: lineOf(file, block), ...(declares ? { declares } : {}) });
    },
  };
}

// ---- Remote state (a fact for the "environment provisioned" join) --------------------------------

export const terraformStateDetector: Detector = {
  id: 'terraform-state',
  title: 'Terraform remote state',
  heuristic: 'A terraform block with a remote backend (s3, gcs, azurerm, remote, http ...) or a cloud block. The local backend keeps state on one laptop and does not count.',
  proves: {},
  appliesTo: isTerraform,
  textHint: /\bbackend\s+"|\bcloud\s*\{/,
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const block of hcl(file).filter((candidate) => candidate.type === 'terraform')) {
      const backend = nested(block, 'backend').find((candidate) => candidate.labels[0] && candidate.labels[0] !== 'local');
      const cloud = nested(block, 'cloud')[0];
      const found = backend ?? cloud;
      if (!found) continue;
      const kind = backend ? backend.labels[0] : 'cloud';
      hits.push({ item: 'fact:terraform-backend', what: loc(`Terraform ${kind} backend`, `Backend ${kind} do Terraform`), line: lineOf(file, found), fact: { kind } });
    }
    return hits;
  },
};

// ---- DNS and certificates ------------------------------------------------------------------------

const LOW_TTL = 300;

export const terraformDnsDetector: Detector = {
  id: 'terraform-dns',
  title: 'DNS records with a low TTL',
  hint: loc('Manage the DNS records in Terraform (aws_route53_record with alias or ttl <= 300, cloudflare_record).', 'Gerencie os registros DNS no Terraform (aws_route53_record com alias ou ttl <= 300, cloudflare_record).'),
  hints: {
    'backup/failover-automation': loc('Fail over in DNS: a Route 53 record with a failover routing policy and a health check.', 'Faça failover no DNS: um registro do Route 53 com política de roteamento failover e health check.'),
    'deployment/cdn': loc('Proxy the DNS records through Cloudflare (cloudflare_record with proxied = true).', 'Faça proxy dos registros DNS pelo Cloudflare (cloudflare_record com proxied = true).'),
    'performance/cdn': loc('Proxy the DNS records through Cloudflare (cloudflare_record with proxied = true).', 'Faça proxy dos registros DNS pelo Cloudflare (cloudflare_record com proxied = true).'),
    'security/ddos-protection': loc('Proxy the DNS records through Cloudflare (cloudflare_record with proxied = true).', 'Faça proxy dos registros DNS pelo Cloudflare (cloudflare_record com proxied = true).'),
  },
  heuristic:
    `A DNS record managed as code with a TTL of ${LOW_TTL} seconds or less, or a Route 53 alias (which follows its target): aws_route53_record, cloudflare_record/cloudflare_dns_record ` +
    '(ttl 1 means automatic), google_dns_record_set, azurerm_dns_*_record. A TTL of a day, or one set from a variable, proves nothing. A Route 53 failover routing policy ' +
    'with a health check proves automatic failover; a proxied Cloudflare record proves a CDN and DDoS protection in front of the service.',
  proves: {
    'deployment/dns-configured': loc('The DNS records are managed as code with a low TTL.', 'Os registros DNS são gerenciados como código com TTL baixo.'),
    'backup/failover-automation': loc('DNS fails over to a standby when the health check fails.', 'O DNS faz failover para um standby quando o health check falha.'),
    'deployment/cdn': loc('Cloudflare proxies the records, caching at its edge.', 'O Cloudflare faz proxy dos registros, com cache na borda.'),
    'performance/cdn': loc('Cloudflare proxies the records, caching at its edge.', 'O Cloudflare faz proxy dos registros, com cache na borda.'),
    'security/ddos-protection': loc('Cloudflare proxies the records, absorbing DDoS attacks.', 'O Cloudflare faz proxy dos registros, absorvendo ataques DDoS.'),
  },
  appliesTo: isTerraform,
  textHint: /"(?:aws_route53_record|cloudflare_(?:dns_)?record|google_dns_record_set|azurerm_dns_\w+_record)"/,
  detect(file) {
    const { add, hits } = collector();
    for (const record of resources(hcl(file), 'aws_route53_record')) {
      const ttl = numberOf(record, 'ttl');
      const alias = nested(record, 'alias').length > 0;
      if (alias || (ttl !== undefined && ttl <= LOW_TTL))
        add('deployment/dns-configured', `Route 53 record ${named(record)} (${alias ? 'alias' : `TTL ${ttl}`})`, `Registro Route 53 ${named(record)} (${alias ? 'alias' : `TTL ${ttl}`})`, file, record);
      if (nested(record, 'failover_routing_policy').length > 0 && isSet(record, 'health_check_id'))
        add('backup/failover-automation', `Route 53 failover record ${named(record)} with a health check`, `Registro de failover Route 53 ${named(record)} com health check`, file, record);
    }
    for (const record of resources(hcl(file), 'cloudflare_record', 'cloudflare_dns_record', 'google_dns_record_set')) {
      const ttl = numberOf(record, 'ttl');
      if (ttl !== undefined && ttl <= LOW_TTL) add('deployment/dns-configured', `DNS record ${named(record)} (TTL ${ttl === 1 ? 'automatic' : ttl})`, `Registro DNS ${named(record)} (TTL ${ttl === 1 ? 'automático' : ttl})`, file, record);
      if (isTrue(record, 'proxied')) {
        for (const item of ['deployment/cdn', 'performance/cdn', 'security/ddos-protection'])
          add(item, `Cloudflare proxied record ${named(record)}`, `Registro ${named(record)} com proxy do Cloudflare`, file, record);
      }
    }
    for (const record of resources(hcl(file)).filter((block) => /^azurerm_dns_\w+_record$/.test(block.labels[0] ?? ''))) {
      const ttl = numberOf(record, 'ttl');
      if (ttl !== undefined && ttl <= LOW_TTL) add('deployment/dns-configured', `DNS record ${named(record)} (TTL ${ttl})`, `Registro DNS ${named(record)} (TTL ${ttl})`, file, record);
    }
    return hits;
  },
};

export const terraformCertificatesDetector: Detector = {
  id: 'terraform-certificates',
  title: 'Certificates that renew themselves',
  hint: loc('Issue certificates that renew automatically (aws_acm_certificate with DNS validation, cert-manager).', 'Emita certificados que se renovam sozinhos (aws_acm_certificate com validação DNS, cert-manager).'),
  heuristic:
    'An ACM certificate validated by DNS (ACM renews it on its own), a Google-managed certificate, or an ACME certificate managed by Terraform. An imported certificate ' +
    '(private_key, certificate_body) or one validated by e-mail needs a person to renew it and does not count.',
  proves: {
    'deployment/ssl-tls': loc('The TLS certificate is issued and renewed automatically.', 'O certificado TLS é emitido e renovado automaticamente.'),
  },
  appliesTo: isTerraform,
  textHint: /"(?:aws_acm_certificate|google_compute_managed_ssl_certificate|acme_certificate|azurerm_app_service_managed_certificate)"/,
  detect(file) {
    const { add, hits } = collector();
    for (const certificate of resources(hcl(file), 'aws_acm_certificate')) {
      if (literal(certificate, 'validation_method') === 'DNS' && !certificate.attributes.has('private_key'))
        add('deployment/ssl-tls', `ACM certificate ${named(certificate)} (DNS validation, renewed by ACM)`, `Certificado ACM ${named(certificate)} (validação DNS, renovado pelo ACM)`, file, certificate);
    }
    for (const certificate of resources(hcl(file), 'google_compute_managed_ssl_certificate', 'acme_certificate', 'azurerm_app_service_managed_certificate'))
      add('deployment/ssl-tls', `Managed certificate ${named(certificate)}`, `Certificado gerenciado ${named(certificate)}`, file, certificate);
    return hits;
  },
};

// ---- Edge: CDN, WAF, DDoS ------------------------------------------------------------------------

export const terraformEdgeDetector: Detector = {
  id: 'terraform-edge',
  title: 'CDN, WAF and DDoS protection',
  hint: loc('Put a CDN and a WAF in front of the service (aws_cloudfront_distribution, aws_wafv2_web_acl with rules, aws_shield_protection).', 'Coloque uma CDN e um WAF na frente do serviço (aws_cloudfront_distribution, aws_wafv2_web_acl com regras, aws_shield_protection).'),
  hints: {
    'deployment/cdn': loc('Serve the application through a CDN (aws_cloudfront_distribution, a Google backend with enable_cdn, Azure Front Door, Fastly).', 'Sirva a aplicação por uma CDN (aws_cloudfront_distribution, um backend Google com enable_cdn, Azure Front Door, Fastly).'),
    'performance/cdn': loc('Serve the application through a CDN (aws_cloudfront_distribution, a Google backend with enable_cdn, Azure Front Door, Fastly).', 'Sirva a aplicação por uma CDN (aws_cloudfront_distribution, um backend Google com enable_cdn, Azure Front Door, Fastly).'),
    'security/waf': loc('Put a web ACL with rules in front of the service (aws_wafv2_web_acl, google_compute_security_policy, an Azure WAF policy).', 'Coloque um web ACL com regras na frente do serviço (aws_wafv2_web_acl, google_compute_security_policy, uma política de WAF do Azure).'),
    'security/ddos-protection': loc('Protect the endpoints from DDoS (aws_shield_protection, a Cloudflare zone, Cloud Armor adaptive protection).', 'Proteja os endpoints contra DDoS (aws_shield_protection, uma zona do Cloudflare, proteção adaptativa do Cloud Armor).'),
  },
  heuristic:
    'CDN: an enabled CloudFront distribution, a Google backend with enable_cdn = true, an Azure CDN/Front Door endpoint, a Fastly service. WAF: a web ACL with at least one rule ' +
    '(aws_wafv2_web_acl, aws_waf_web_acl, google_compute_security_policy, azurerm_web_application_firewall_policy with managed rules, a Cloudflare managed firewall ruleset); ' +
    'a web ACL without rules only allows everything and does not count. DDoS: AWS Shield Advanced (aws_shield_protection/_group/_subscription), a Cloudflare zone, or Cloud Armor adaptive protection.',
  proves: {
    'deployment/cdn': loc('A CDN serves the application close to users.', 'Uma CDN entrega a aplicação perto dos usuários.'),
    'performance/cdn': loc('Static assets are served from a CDN.', 'Os assets estáticos são servidos por uma CDN.'),
    'security/waf': loc('A web application firewall with rules filters requests.', 'Um web application firewall com regras filtra as requisições.'),
    'security/ddos-protection': loc('A DDoS protection service fronts the endpoints.', 'Um serviço de proteção contra DDoS fica na frente dos endpoints.'),
  },
  appliesTo: isTerraform,
  textHint: /"(?:aws_cloudfront_distribution|google_compute_backend_(?:bucket|service)|azurerm_cdn_|fastly_service|aws_wafv2_web_acl|aws_waf(?:regional)?_web_acl|google_compute_security_policy|azurerm_web_application_firewall_policy|cloudflare_(?:ruleset|zone)|aws_shield_)/,
  detect(file) {
    const { add, hits } = collector();
    const blocks = hcl(file);
    for (const cdn of resources(blocks, 'aws_cloudfront_distribution')) {
      if (literal(cdn, 'enabled') === false || nested(cdn, 'origin').length === 0) continue;
      add('deployment/cdn', `CloudFront distribution ${named(cdn)}`, `Distribuição CloudFront ${named(cdn)}`, file, cdn);
      add('performance/cdn', `CloudFront distribution ${named(cdn)}`, `Distribuição CloudFront ${named(cdn)}`, file, cdn);
    }
    for (const cdn of [...resources(blocks, 'google_compute_backend_bucket', 'google_compute_backend_service').filter((block) => isTrue(block, 'enable_cdn')), ...resources(blocks).filter((block) => /^(?:azurerm_cdn_endpoint|azurerm_cdn_frontdoor_endpoint|fastly_service_(?:vcl|compute))$/.test(block.labels[0] ?? ''))]) {
      add('deployment/cdn', `CDN ${named(cdn)}`, `CDN ${named(cdn)}`, file, cdn);
      add('performance/cdn', `CDN ${named(cdn)}`, `CDN ${named(cdn)}`, file, cdn);
    }
    for (const acl of resources(blocks, 'aws_wafv2_web_acl', 'aws_waf_web_acl', 'aws_wafregional_web_acl')) {
      const rules = nested(acl, 'rule').length + nested(acl, 'rules').length;
      if (rules > 0) add('security/waf', `Web ACL ${named(acl)} with ${rules} rule(s)`, `Web ACL ${named(acl)} com ${rules} regra(s)`, file, acl);
    }
    for (const policy of resources(blocks, 'google_compute_security_policy')) {
      if (nested(policy, 'rule').some((rule) => literal(rule, 'action') !== 'allow' || nested(rule, 'match').some((match) => match.attributes.has('expr') || nested(match, 'expr').length > 0)))
        add('security/waf', `Cloud Armor policy ${named(policy)}`, `Política do Cloud Armor ${named(policy)}`, file, policy);
      if (nested(policy, 'adaptive_protection_config').length > 0) add('security/ddos-protection', `Cloud Armor adaptive protection ${named(policy)}`, `Proteção adaptativa do Cloud Armor ${named(policy)}`, file, policy);
    }
    for (const policy of resources(blocks, 'azurerm_web_application_firewall_policy').filter((block) => nested(block, 'managed_rules').length > 0))
      add('security/waf', `Azure WAF policy ${named(policy)}`, `Política de WAF do Azure ${named(policy)}`, file, policy);
    for (const ruleset of resources(blocks, 'cloudflare_ruleset').filter((block) => /firewall/.test(String(literal(block, 'phase') ?? ''))))
      add('security/waf', `Cloudflare firewall ruleset ${named(ruleset)}`, `Ruleset de firewall do Cloudflare ${named(ruleset)}`, file, ruleset);
    for (const shield of resources(blocks, 'aws_shield_protection', 'aws_shield_protection_group', 'aws_shield_subscription', 'cloudflare_zone'))
      add('security/ddos-protection', `${shield.labels[0]?.startsWith('aws_') ? 'AWS Shield' : 'Cloudflare'} ${named(shield)}`, `${shield.labels[0]?.startsWith('aws_') ? 'AWS Shield' : 'Cloudflare'} ${named(shield)}`, file, shield);
    return hits;
  },
};

// ---- Network and registry --------------------------------------------------------------------------

export const terraformNetworkDetector: Detector = {
  id: 'terraform-network',
  title: 'Private network and image registry',
  hint: loc('Define the VPC with private subnets and an ECR repository with scan on push and immutable tags.', 'Defina a VPC com subnets privadas e um repositório ECR com scan no push e tags imutáveis.'),
  hints: {
    'deployment/vpc-network': loc('Define the VPC with private subnets (subnets that do not map public IPs, or the vpc module with private_subnets).', 'Defina a VPC com subnets privadas (subnets que não mapeiam IPs públicos, ou o módulo vpc com private_subnets).'),
    'deployment/docker-registry': loc('Push the images to a private registry: an ECR repository with scan_on_push and IMMUTABLE tags, or Artifact Registry.', 'Envie as imagens a um registry privado: um repositório ECR com scan_on_push e tags IMMUTABLE, ou o Artifact Registry.'),
    'deployment/docker-image-scanning': loc('Scan the images on push in the registry (ECR scan_on_push = true, or enhanced scanning).', 'Escaneie as imagens no push no registry (scan_on_push = true no ECR, ou enhanced scanning).'),
  },
  heuristic:
    'Network: a private subnet (aws_subnet whose name says private/app/db/data and that does not map public IPs) or the terraform-aws-modules/vpc module with private_subnets; ' +
    'a subnet that maps public IPs on launch does not count. Registry: an ECR repository with scan_on_push = true and IMMUTABLE tags, or a Docker Artifact Registry ' +
    'repository; scan on push alone proves image scanning, enhanced registry scanning too.',
  proves: {
    'deployment/vpc-network': loc('The application runs in a network with private subnets.', 'A aplicação roda em uma rede com subnets privadas.'),
    'deployment/docker-registry': loc('Images go to a private registry that scans them and keeps tags immutable.', 'As imagens vão para um registry privado que as escaneia e mantém as tags imutáveis.'),
    'deployment/docker-image-scanning': loc('The registry scans every pushed image for vulnerabilities.', 'O registry escaneia toda imagem enviada em busca de vulnerabilidades.'),
  },
  appliesTo: isTerraform,
  textHint: /"(?:aws_subnet|aws_ecr_repository|aws_ecr_registry_scanning_configuration|google_artifact_registry_repository)"|terraform-aws-modules\/vpc/,
  detect(file) {
    const { add, hits } = collector();
    const blocks = hcl(file);
    for (const subnet of resources(blocks, 'aws_subnet')) {
      const name = `${subnet.labels[1] ?? ''} ${subnet.attributes.get('tags')?.raw ?? ''}`;
      if (/private|priv\b|app|db|data|database|internal/i.test(name) && !isTrue(subnet, 'map_public_ip_on_launch'))
        add('deployment/vpc-network', `Private subnet ${named(subnet)}`, `Subnet privada ${named(subnet)}`, file, subnet);
    }
    for (const module of blocks.filter((block) => block.type === 'module' && /terraform-aws-modules\/vpc\/aws/.test(String(literal(block, 'source') ?? ''))))
      if (isSet(module, 'private_subnets')) add('deployment/vpc-network', `VPC module ${module.labels[0]} with private subnets`, `Módulo de VPC ${module.labels[0]} com subnets privadas`, file, module);
    for (const repository of resources(blocks, 'aws_ecr_repository')) {
      const scan = nested(repository, 'image_scanning_configuration').some((config) => isTrue(config, 'scan_on_push'));
      if (scan) add('deployment/docker-image-scanning', `ECR repository ${named(repository)} scans on push`, `Repositório ECR ${named(repository)} escaneia no push`, file, repository);
      if (scan && literal(repository, 'image_tag_mutability') === 'IMMUTABLE')
        add('deployment/docker-registry', `ECR repository ${named(repository)} (scan on push, immutable tags)`, `Repositório ECR ${named(repository)} (scan no push, tags imutáveis)`, file, repository);
    }
    for (const scanning of resources(blocks, 'aws_ecr_registry_scanning_configuration').filter((block) => literal(block, 'scan_type') === 'ENHANCED'))
      add('deployment/docker-image-scanning', `ECR enhanced scanning ${named(scanning)}`, `Scan avançado do ECR ${named(scanning)}`, file, scanning);
    for (const repository of resources(blocks, 'google_artifact_registry_repository').filter((block) => literal(block, 'format') === 'DOCKER'))
      add('deployment/docker-registry', `Artifact Registry repository ${named(repository)}`, `Repositório do Artifact Registry ${named(repository)}`, file, repository);
    return hits;
  },
};

// ---- Keys (facts for the key-management join) ------------------------------------------------------

const KEY_ATTRIBUTES = /^(?:kms_key_id|kms_master_key_id|kms_key_arn|kms_key|key_arn|encryption_key|sse_kms_key_id|performance_insights_kms_key_id|master_key_id|kms_key_name)$/;

export const terraformKeysDetector: Detector = {
  id: 'terraform-keys',
  title: 'KMS keys and their users',
  hint: loc('Create the KMS keys with enable_key_rotation = true and use them in kms_key_id.', 'Crie as chaves KMS com enable_key_rotation = true e use-as em kms_key_id.'),
  heuristic:
    'A Google KMS crypto key with a rotation_period proves key management by itself; for AWS, each aws_kms_key and each kms_key_id-like attribute that references one ' +
    'is recorded, and the key-rotation join counts a key with enable_key_rotation = true that some resource uses.',
  proves: {
    'security/key-management': loc('Encryption keys live in a KMS and rotate automatically.', 'As chaves de criptografia ficam em um KMS e rotacionam automaticamente.'),
  },
  appliesTo: isTerraform,
  textHint: /aws_kms_key|google_kms_crypto_key/,
  detect(file) {
    const hits: DetectorHit[] = [];
    const blocks = hcl(file);
    for (const key of resources(blocks, 'aws_kms_key'))
      hits.push({ item: 'fact:kms-key', what: loc(`KMS key ${named(key)}`, `Chave KMS ${named(key)}`), line: lineOf(file, key), fact: { address: named(key), rotation: String(isTrue(key, 'enable_key_rotation')) } });
    for (const key of resources(blocks, 'google_kms_crypto_key').filter((block) => block.attributes.has('rotation_period')))
      hits.push({ item: 'security/key-management', what: loc(`Cloud KMS key ${named(key)} rotates every ${literal(key, 'rotation_period') ?? '?'}`, `Chave do Cloud KMS ${named(key)} rotaciona a cada ${literal(key, 'rotation_period') ?? '?'}`), line: lineOf(file, key) });
    for (const block of allBlocks(blocks)) {
      for (const attribute of block.attributes.values()) {
        if (!KEY_ATTRIBUTES.test(attribute.name)) continue;
        const reference = /\baws_kms_key\.([\w-]+)\.(?:arn|key_id|id)\b/.exec(attribute.raw);
        if (reference) hits.push({ item: 'fact:kms-ref', what: loc(`${attribute.name} uses aws_kms_key.${reference[1]}`, `${attribute.name} usa aws_kms_key.${reference[1]}`), line: file.lineOf(attribute.span.start), fact: { address: `aws_kms_key.${reference[1]}`, user: named(block) } });
      }
    }
    return hits;
  },
};

// ---- Audit, retention, classification ----------------------------------------------------------------

const CLASSIFICATION_TAG = /["']?(\w*(?:[Cc]lassification|[Ss]ensitivity|[Cc]onfidentiality))["']?\s*[=:]\s*"([^"]*)"/;

export const terraformComplianceDetector: Detector = {
  id: 'terraform-compliance',
  title: 'Audit trail, retention and classification',
  hint: loc('Add CloudTrail with log file validation, lifecycle expiration on data buckets and a DataClassification tag.', 'Adicione o CloudTrail com validação dos arquivos de log, expiração por ciclo de vida nos buckets de dados e uma tag DataClassification.'),
  hints: {
    'security/audit-logging': loc('Turn on CloudTrail with log file validation (enable_log_file_validation = true).', 'Ligue o CloudTrail com validação dos arquivos de log (enable_log_file_validation = true).'),
    'security/data-retention': loc('Expire data after its retention period (an S3 lifecycle rule with expiration, a DynamoDB TTL).', 'Expire os dados após o período de retenção (uma regra de ciclo de vida do S3 com expiration, um TTL do DynamoDB).'),
    'security/data-classification': loc('Tag the data resources with their sensitivity (a DataClassification tag).', 'Marque os recursos de dados com sua sensibilidade (uma tag DataClassification).'),
  },
  heuristic:
    'Audit logging: aws_cloudtrail with enable_log_file_validation = true (tampering is detectable) and logging not disabled, or google_project_iam_audit_config. ' +
    'Data retention: an enabled S3 lifecycle rule that expires objects (aws_s3_bucket_lifecycle_configuration or an inline lifecycle_rule), a DynamoDB TTL, ' +
    'a Google Storage delete rule; a rule that only transitions to another storage class keeps data forever and does not count. Classification: a DataClassification, ' +
    'Sensitivity or Confidentiality tag with a real value.',
  proves: {
    'security/audit-logging': loc('An audit trail records the actions and its log files are validated against tampering.', 'Uma trilha de auditoria registra as ações e seus arquivos de log são validados contra adulteração.'),
    'security/data-retention': loc('Data expires after its retention period automatically.', 'Os dados expiram automaticamente após o período de retenção.'),
    'security/data-classification': loc('Resources are tagged with the sensitivity of their data.', 'Os recursos têm tags com a sensibilidade dos seus dados.'),
  },
  appliesTo: isTerraform,
  textHint: /aws_cloudtrail|google_project_iam_audit_config|lifecycle|expiration|"aws_dynamodb_table"|"google_storage_bucket"|[Cc]lassification|[Ss]ensitivity|[Cc]onfidentiality/,
  detect(file) {
    const { add, hits } = collector();
    const blocks = hcl(file);
    for (const trail of resources(blocks, 'aws_cloudtrail'))
      if (isTrue(trail, 'enable_log_file_validation') && literal(trail, 'enable_logging') !== false)
        add('security/audit-logging', `CloudTrail ${named(trail)} with log file validation`, `CloudTrail ${named(trail)} com validação dos arquivos de log`, file, trail);
    for (const audit of resources(blocks, 'google_project_iam_audit_config')) add('security/audit-logging', `Audit config ${named(audit)}`, `Configuração de auditoria ${named(audit)}`, file, audit);
    const expires = (rule: HclBlock) => nested(rule, 'expiration').some((expiration) => expiration.attributes.has('days') || expiration.attributes.has('date'));
    for (const lifecycle of resources(blocks, 'aws_s3_bucket_lifecycle_configuration'))
      if (nested(lifecycle, 'rule').some((rule) => literal(rule, 'status') === 'Enabled' && expires(rule)))
        add('security/data-retention', `S3 lifecycle ${named(lifecycle)} expires objects`, `Ciclo de vida S3 ${named(lifecycle)} expira objetos`, file, lifecycle);
    for (const bucket of resources(blocks, 'aws_s3_bucket'))
      if (nested(bucket, 'lifecycle_rule').some((rule) => isTrue(rule, 'enabled') && expires(rule)))
        add('security/data-retention', `S3 bucket ${named(bucket)} expires objects`, `Bucket S3 ${named(bucket)} expira objetos`, file, bucket);
    for (const table of resources(blocks, 'aws_dynamodb_table'))
      if (nested(table, 'ttl').some((ttl) => isTrue(ttl, 'enabled'))) add('security/data-retention', `DynamoDB table ${named(table)} with TTL`, `Tabela DynamoDB ${named(table)} com TTL`, file, table);
    for (const bucket of resources(blocks, 'google_storage_bucket'))
      if (nested(bucket, 'lifecycle_rule').some((rule) => nested(rule, 'action').some((action) => literal(action, 'type') === 'Delete')))
        add('security/data-retention', `Storage bucket ${named(bucket)} deletes old objects`, `Bucket ${named(bucket)} apaga objetos antigos`, file, bucket);
    for (const block of allBlocks(blocks)) {
      const tags = block.attributes.get('tags') ?? block.attributes.get('labels') ?? block.attributes.get('default_tags');
      const match = tags ? CLASSIFICATION_TAG.exec(tags.raw) : null;
      if (match && match[2].trim() && !isPlaceholder(match[2]))
        add('security/data-classification', `${named(block)} tagged ${match[1]} = ${match[2]}`, `${named(block)} com tag ${match[1]} = ${match[2]}`, file, block);
    }
    return hits;
  },
};

// ---- Identity ----------------------------------------------------------------------------------------

function hoursOf(block: HclBlock, attribute: string, unitKey: string): number | undefined {
  const value = numberOf(block, attribute);
  if (value === undefined) return undefined;
  const units = nested(block, 'token_validity_units')[0];
  const unit = String(literal(units, unitKey) ?? (attribute === 'refresh_token_validity' ? 'days' : 'hours'));
  return unit === 'minutes' ? value / 60 : unit === 'days' ? value * 24 : unit === 'seconds' ? value / 3600 : value;
}

export const terraformIdentityDetector: Detector = {
  id: 'terraform-identity',
  title: 'Identity: OIDC, MFA, passwords, sessions, secret rotation',
  hint: loc('Put OIDC authentication in front of the service (Cognito, ALB authenticate_oidc) with MFA on and rotated secrets.', 'Coloque autenticação OIDC na frente do serviço (Cognito, authenticate_oidc do ALB) com MFA ligado e segredos rotacionados.'),
  hints: {
    'security/authentication': loc('Put OIDC authentication in front of the service (a Cognito user pool, ALB authenticate_oidc, an API Gateway JWT authorizer).', 'Coloque autenticação OIDC na frente do serviço (um user pool do Cognito, authenticate_oidc do ALB, um authorizer JWT do API Gateway).'),
    'security/2fa-mfa': loc('Require MFA (a Cognito user pool with mfa_configuration = "ON", or an IAM policy on aws:MultiFactorAuthPresent).', 'Exija MFA (um user pool do Cognito com mfa_configuration = "ON", ou uma política IAM sobre aws:MultiFactorAuthPresent).'),
    'security/password-policies': loc('Set a password policy of at least 8 characters without forced expiry (Cognito password_policy, aws_iam_account_password_policy).', 'Defina uma política de senhas de pelo menos 8 caracteres sem expiração forçada (password_policy do Cognito, aws_iam_account_password_policy).'),
    'security/session-management': loc('Keep sessions short: a Cognito app client with access tokens of at most one hour and refresh tokens.', 'Mantenha as sessões curtas: um app client do Cognito com access tokens de no máximo uma hora e refresh tokens.'),
    'security/token-management': loc('Rotate the secrets automatically (aws_secretsmanager_secret_rotation every 90 days or less).', 'Rotacione os segredos automaticamente (aws_secretsmanager_secret_rotation a cada 90 dias ou menos).'),
    'security/api-security': loc('Protect the API in Terraform: a JWT or Cognito authorizer and throttling in the same configuration.', 'Proteja a API no Terraform: um authorizer JWT ou do Cognito e throttling na mesma configuração.'),
  },
  heuristic:
    'Authentication: a Cognito user pool, an ALB listener (rule) that authenticates with OIDC or Cognito, an API Gateway JWT or Cognito authorizer. MFA: a Cognito user pool with ' +
    'mfa_configuration = "ON" ("OPTIONAL" leaves admins without it), or an IAM policy that requires aws:MultiFactorAuthPresent. Passwords: a minimum length of 8 or more ' +
    '(Cognito password_policy, aws_iam_account_password_policy without forced expiry, as NIST SP 800-63B asks). Sessions: a Cognito app client with access tokens of at most ' +
    'one hour and refresh tokens. Token rotation: a Secrets Manager rotation of at most 90 days. API security: a JWT/Cognito authorizer and throttling in the same configuration.',
  proves: {
    'security/authentication': loc('Users authenticate through OAuth2/OIDC.', 'Os usuários se autenticam via OAuth2/OIDC.'),
    'security/2fa-mfa': loc('Multi-factor authentication is required.', 'A autenticação multifator é obrigatória.'),
    'security/password-policies': loc('The password policy follows NIST SP 800-63B (length, no forced rotation).', 'A política de senhas segue o NIST SP 800-63B (comprimento, sem troca forçada).'),
    'security/session-management': loc('Sessions use short-lived JWTs with refresh tokens.', 'As sessões usam JWTs de curta duração com refresh tokens.'),
    'security/token-management': loc('Secrets rotate automatically.', 'Os segredos são rotacionados automaticamente.'),
    'security/api-security': loc('The API requires a token and is throttled.', 'A API exige um token e tem limite de taxa.'),
  },
  appliesTo: isTerraform,
  textHint: /cognito|authenticate_oidc|authenticate-oidc|_authorizer"|MultiFactorAuthPresent|aws_iam_account_password_policy|aws_secretsmanager_secret_rotation/,
  detect(file) {
    const { add, hits } = collector();
    const blocks = hcl(file);
    for (const pool of resources(blocks, 'aws_cognito_user_pool')) {
      add('security/authentication', `Cognito user pool ${named(pool)}`, `User pool do Cognito ${named(pool)}`, file, pool);
      if (literal(pool, 'mfa_configuration') === 'ON') add('security/2fa-mfa', `Cognito user pool ${named(pool)} requires MFA`, `User pool do Cognito ${named(pool)} exige MFA`, file, pool);
      const length = numberOf(nested(pool, 'password_policy')[0], 'minimum_length');
      if (length !== undefined && length >= 8) add('security/password-policies', `Cognito passwords of at least ${length} characters`, `Senhas do Cognito com pelo menos ${length} caracteres`, file, pool);
    }
    for (const listener of resources(blocks, 'aws_lb_listener', 'aws_alb_listener', 'aws_lb_listener_rule', 'aws_alb_listener_rule')) {
      const actions = [...nested(listener, 'default_action'), ...nested(listener, 'action')];
      if (actions.some((action) => /^authenticate-(?:oidc|cognito)$/.test(String(literal(action, 'type') ?? '')) || nested(action, 'authenticate_oidc').length + nested(action, 'authenticate_cognito').length > 0))
        add('security/authentication', `${named(listener)} authenticates with OIDC`, `${named(listener)} autentica com OIDC`, file, listener);
    }
    const authorizers = resources(blocks, 'aws_apigatewayv2_authorizer', 'aws_api_gateway_authorizer').filter((block) => /JWT|COGNITO_USER_POOLS|REQUEST|TOKEN/.test(String(literal(block, 'authorizer_type') ?? literal(block, 'type') ?? 'TOKEN')));
    for (const authorizer of authorizers) add('security/authentication', `API authorizer ${named(authorizer)}`, `Autorizador de API ${named(authorizer)}`, file, authorizer);
    const throttled = [...allBlocks(blocks)].find((block) => block.attributes.has('throttling_rate_limit') || block.attributes.has('rate_limit') || block.type === 'throttle_settings');
    if (authorizers.length > 0 && throttled) add('security/api-security', `API authorizer ${named(authorizers[0])} and throttling`, `Autorizador de API ${named(authorizers[0])} e limite de taxa`, file, authorizers[0]);
    for (const block of allBlocks(blocks)) {
      if (/aws:MultiFactorAuthPresent/.test([...block.attributes.values()].map((attribute) => attribute.raw).join('\n')) || (block.type === 'condition' && /MultiFactorAuthPresent/.test(String(literal(block, 'variable') ?? ''))))
        add('security/2fa-mfa', `${block.type === 'condition' ? 'Policy condition' : named(block)} requires aws:MultiFactorAuthPresent`, `${block.type === 'condition' ? 'Condição de política' : named(block)} exige aws:MultiFactorAuthPresent`, file, block);
    }
    for (const policy of resources(blocks, 'aws_iam_account_password_policy')) {
      const length = numberOf(policy, 'minimum_password_length');
      const expiry = numberOf(policy, 'max_password_age');
      if (length !== undefined && length >= 8 && !expiry) add('security/password-policies', `IAM password policy: ${length}+ characters, no forced expiry`, `Política de senha do IAM: ${length}+ caracteres, sem expiração forçada`, file, policy);
    }
    for (const client of resources(blocks, 'aws_cognito_user_pool_client')) {
      const access = hoursOf(client, 'access_token_validity', 'access_token');
      if (access !== undefined && access <= 1 && numberOf(client, 'refresh_token_validity') !== undefined)
        add('security/session-management', `Cognito client ${named(client)}: ${access * 60}-minute access tokens with refresh`, `Cliente Cognito ${named(client)}: access tokens de ${access * 60} minutos com refresh`, file, client);
    }
    for (const rotation of resources(blocks, 'aws_secretsmanager_secret_rotation')) {
      const rules = nested(rotation, 'rotation_rules')[0];
      const days = numberOf(rules, 'automatically_after_days');
      if ((days !== undefined && days <= 90) || (typeof literal(rules, 'schedule_expression') === 'string' && /^rate\(\s*(?:[1-9]|[1-8]\d|90)\s+days?\s*\)$/.test(String(literal(rules, 'schedule_expression')))))
        add('security/token-management', `Secrets Manager rotation ${named(rotation)}${days !== undefined ? ` every ${days} days` : ''}`, `Rotação do Secrets Manager ${named(rotation)}${days !== undefined ? ` a cada ${days} dias` : ''}`, file, rotation);
    }
    return hits;
  },
};

// ---- Databases, caches, replication -----------------------------------------------------------------

export const terraformDataDetector: Detector = {
  id: 'terraform-data',
  title: 'Databases: replicas, pools, caches, failover, monitoring',
  hint: loc('Declare the read replicas, RDS Proxy, ElastiCache, Multi-AZ and Performance Insights in Terraform.', 'Declare as réplicas de leitura, o RDS Proxy, o ElastiCache, o Multi-AZ e o Performance Insights no Terraform.'),
  hints: {
    'performance/read-replicas': loc('Add read replicas (aws_db_instance with replicate_source_db, or two or more aws_rds_cluster_instance).', 'Adicione réplicas de leitura (aws_db_instance com replicate_source_db, ou duas ou mais aws_rds_cluster_instance).'),
    'performance/connection-pooling': loc('Pool the database connections with RDS Proxy (aws_db_proxy).', 'Faça o pool das conexões com o banco com o RDS Proxy (aws_db_proxy).'),
    'performance/caching': loc('Provision a managed cache (ElastiCache, MemoryDB, Memorystore, Azure Cache for Redis).', 'Provisione um cache gerenciado (ElastiCache, MemoryDB, Memorystore, Azure Cache for Redis).'),
    'backup/failover-automation': loc('Run the database Multi-AZ (multi_az = true) or in a global cluster.', 'Rode o banco em Multi-AZ (multi_az = true) ou em um cluster global.'),
    'backup/data-replication': loc('Replicate the data continuously (multi_az = true, S3 replication, DynamoDB replicas).', 'Replique os dados continuamente (multi_az = true, replicação do S3, réplicas do DynamoDB).'),
    'performance/database-monitoring': loc('Turn on Performance Insights for the database.', 'Ligue o Performance Insights no banco de dados.'),
    'monitoring/database-monitoring': loc('Monitor the database: Performance Insights, or enhanced monitoring (monitoring_interval above 0).', 'Monitore o banco de dados: Performance Insights, ou enhanced monitoring (monitoring_interval acima de 0).'),
    'performance/query-optimization': loc('Load auto_explain in the database parameter group, so the plans of slow queries are logged.', 'Carregue o auto_explain no parameter group do banco, para que os planos das queries lentas sejam registrados.'),
  },
  heuristic:
    'Read replicas: an aws_db_instance with replicate_source_db, or aws_rds_cluster_instance with count >= 2. Connection pooling: aws_db_proxy. Caching: ElastiCache, MemoryDB, ' +
    'Memorystore, Azure Cache for Redis. Failover and replication: multi_az = true (a synchronous standby that takes over), S3 replication with an enabled rule, DynamoDB replicas, ' +
    'an RDS global cluster. Monitoring: Performance Insights (performance and database monitoring) or enhanced monitoring (monitoring_interval > 0). Query optimization: a ' +
    'parameter group that loads auto_explain (plans of slow queries are logged).',
  proves: {
    'performance/read-replicas': loc('Read replicas take reads off the primary.', 'Réplicas de leitura tiram as leituras do primário.'),
    'performance/connection-pooling': loc('RDS Proxy pools the database connections.', 'O RDS Proxy faz o pool das conexões com o banco.'),
    'performance/caching': loc('A managed cache (Redis, Memcached) is provisioned.', 'Um cache gerenciado (Redis, Memcached) está provisionado.'),
    'backup/failover-automation': loc('A standby takes over automatically when the primary fails.', 'Um standby assume automaticamente quando o primário falha.'),
    'backup/data-replication': loc('Data is replicated continuously to another copy.', 'Os dados são replicados continuamente para outra cópia.'),
    'performance/database-monitoring': loc('Performance Insights records database load and slow queries.', 'O Performance Insights registra a carga do banco e as queries lentas.'),
    'monitoring/database-monitoring': loc('The database is monitored (Performance Insights or enhanced monitoring).', 'O banco de dados é monitorado (Performance Insights ou enhanced monitoring).'),
    'performance/query-optimization': loc('auto_explain logs the plans of slow queries.', 'O auto_explain registra os planos das queries lentas.'),
  },
  appliesTo: isTerraform,
  textHint: /"(?:aws_db_instance|aws_rds_cluster(?:_instance)?|aws_db_proxy|aws_elasticache_\w+|aws_memorydb_cluster|google_redis_instance|azurerm_redis_cache|aws_s3_bucket_replication_configuration|aws_s3_bucket|aws_dynamodb_table|aws_rds_global_cluster|aws_db_parameter_group|aws_rds_cluster_parameter_group)"/,
  detect(file) {
    const { add, hits } = collector();
    const blocks = hcl(file);
    for (const db of resources(blocks, 'aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance')) {
      if (isSet(db, 'replicate_source_db')) add('performance/read-replicas', `${named(db)} replicates ${db.attributes.get('replicate_source_db')!.raw}`, `${named(db)} replica ${db.attributes.get('replicate_source_db')!.raw}`, file, db);
      if (db.labels[0] === 'aws_rds_cluster_instance' && (numberOf(db, 'count') ?? 1) >= 2) add('performance/read-replicas', `${named(db)}: ${numberOf(db, 'count')} cluster instances (readers)`, `${named(db)}: ${numberOf(db, 'count')} instâncias do cluster (leitores)`, file, db);
      if (isTrue(db, 'multi_az')) {
        add('backup/failover-automation', `${named(db)} is Multi-AZ`, `${named(db)} é Multi-AZ`, file, db);
        add('backup/data-replication', `${named(db)} replicates synchronously to a standby (Multi-AZ)`, `${named(db)} replica de forma síncrona para um standby (Multi-AZ)`, file, db);
      }
      if (isTrue(db, 'performance_insights_enabled')) {
        add('performance/database-monitoring', `${named(db)} has Performance Insights`, `${named(db)} tem Performance Insights`, file, db);
        add('monitoring/database-monitoring', `${named(db)} has Performance Insights`, `${named(db)} tem Performance Insights`, file, db);
      }
      if ((numberOf(db, 'monitoring_interval') ?? 0) > 0) add('monitoring/database-monitoring', `${named(db)} has enhanced monitoring every ${numberOf(db, 'monitoring_interval')} s`, `${named(db)} tem enhanced monitoring a cada ${numberOf(db, 'monitoring_interval')} s`, file, db);
    }
    for (const proxy of resources(blocks, 'aws_db_proxy')) add('performance/connection-pooling', `RDS Proxy ${named(proxy)}`, `RDS Proxy ${named(proxy)}`, file, proxy);
    for (const cache of resources(blocks).filter((block) => /^(?:aws_elasticache_(?:cluster|replication_group|serverless_cache)|aws_memorydb_cluster|google_redis_instance|azurerm_redis_cache)$/.test(block.labels[0] ?? '')))
      add('performance/caching', `Cache ${named(cache)}`, `Cache ${named(cache)}`, file, cache);
    for (const replication of resources(blocks, 'aws_s3_bucket_replication_configuration'))
      if (nested(replication, 'rule').some((rule) => literal(rule, 'status') === 'Enabled')) add('backup/data-replication', `S3 replication ${named(replication)}`, `Replicação S3 ${named(replication)}`, file, replication);
    for (const table of resources(blocks, 'aws_dynamodb_table').filter((block) => nested(block, 'replica').length > 0))
      add('backup/data-replication', `DynamoDB table ${named(table)} with replicas`, `Tabela DynamoDB ${named(table)} com réplicas`, file, table);
    for (const global of resources(blocks, 'aws_rds_global_cluster')) add('backup/data-replication', `RDS global cluster ${named(global)}`, `Cluster global RDS ${named(global)}`, file, global);
    for (const group of resources(blocks, 'aws_db_parameter_group', 'aws_rds_cluster_parameter_group')) {
      if (nested(group, 'parameter').some((parameter) => /auto_explain/.test(`${literal(parameter, 'name') ?? ''} ${literal(parameter, 'value') ?? ''}`)))
        add('performance/query-optimization', `Parameter group ${named(group)} loads auto_explain`, `Parameter group ${named(group)} carrega o auto_explain`, file, group);
    }
    return hits;
  },
};

// ---- Backups and logs (with the values they declare) --------------------------------------------------

function declaresDays(attribute: HclAttribute | undefined, target: 'backupRetention' | 'logRetention', source: string): DetectorHit['declares'] | undefined {
  if (!attribute || typeof attribute.value !== 'number') return undefined;
  return { target, text: `${attribute.name} = ${attribute.raw}`, value: attribute.value, span: attribute.span, source };
}

export const terraformBackupDetector: Detector = {
  id: 'terraform-backup',
  title: 'Backups and logs in Terraform',
  hint: loc('Declare an AWS Backup plan (schedule, lifecycle, copy to another region) or the database backup retention in Terraform.', 'Declare um plano do AWS Backup (agendamento, ciclo de vida, cópia para outra região) ou a retenção de backup do banco no Terraform.'),
  hints: {
    'backup/automated-backups': loc('Schedule the backups in Terraform (an AWS Backup plan rule with a schedule, or backup_retention_period above 0 on the database).', 'Agende os backups no Terraform (uma regra de plano do AWS Backup com agendamento, ou backup_retention_period acima de 0 no banco).'),
    'backup/backup-frequency': loc('Schedule the backups in Terraform (an AWS Backup plan rule with a schedule, or backup_retention_period above 0 on the database).', 'Agende os backups no Terraform (uma regra de plano do AWS Backup com agendamento, ou backup_retention_period acima de 0 no banco).'),
    'backup/backup-retention': loc('Keep the backups within the retention target (30 to 90 days by default): AWS Backup lifecycle delete_after, RDS backup_retention_period.', 'Mantenha os backups dentro da meta de retenção (30 a 90 dias por padrão): delete_after do ciclo de vida do AWS Backup, backup_retention_period do RDS.'),
    'backup/cross-region-backups': loc('Copy the backups to another region (an AWS Backup copy_action, aws_db_instance_automated_backups_replication).', 'Copie os backups para outra região (um copy_action do AWS Backup, aws_db_instance_automated_backups_replication).'),
    'backup/backup-encryption': loc('Encrypt the backups (an AWS Backup vault with a KMS key, storage_encrypted = true on the database).', 'Criptografe os backups (um vault do AWS Backup com chave KMS, storage_encrypted = true no banco).'),
    'monitoring/log-retention': loc('Set retention_in_days on the CloudWatch log groups within the log retention target (30 to 90 days by default).', 'Defina retention_in_days nos log groups do CloudWatch dentro da meta de retenção de logs (30 a 90 dias por padrão).'),
    'monitoring/log-security': loc('Encrypt the CloudWatch log groups with a KMS key (kms_key_id).', 'Criptografe os log groups do CloudWatch com uma chave KMS (kms_key_id).'),
    'monitoring/log-analysis': loc('Turn log lines into metrics (aws_cloudwatch_log_metric_filter with a pattern).', 'Transforme linhas de log em métricas (aws_cloudwatch_log_metric_filter com um pattern).'),
  },
  heuristic:
    'AWS Backup: a plan rule with a schedule proves automated backups and their frequency, its lifecycle delete_after the retention (judged against the retention target), a ' +
    'copy_action a cross-region copy; a vault with a KMS key proves encryption. RDS: backup_retention_period above 0 proves automated daily backups and declares the retention; ' +
    'storage_encrypted = true encrypts its snapshots; aws_db_instance_automated_backups_replication copies them to another region. Logs: a CloudWatch log group declares its ' +
    'retention_in_days (judged against the log retention target), a KMS key on it proves log security, and a metric filter with a pattern proves log analysis.',
  proves: {
    'backup/automated-backups': loc('Backups run automatically on a schedule.', 'Os backups rodam automaticamente em um agendamento.'),
    'backup/backup-frequency': loc('The schedule sets how often backups run.', 'O agendamento define a frequência dos backups.'),
    'backup/backup-retention': loc('Backups expire after a retention period within the target.', 'Os backups expiram após um período de retenção dentro da meta.'),
    'backup/cross-region-backups': loc('Backups are copied to another region.', 'Os backups são copiados para outra região.'),
    'backup/backup-encryption': loc('Backups are encrypted at rest.', 'Os backups são criptografados em repouso.'),
    'monitoring/log-retention': loc('Logs are kept for a retention period within the target.', 'Os logs são mantidos por um período de retenção dentro da meta.'),
    'monitoring/log-security': loc('Logs are encrypted with a managed key.', 'Os logs são criptografados com uma chave gerenciada.'),
    'monitoring/log-analysis': loc('A metric filter turns log lines into metrics to alert on.', 'Um filtro de métrica transforma linhas de log em métricas para alertar.'),
  },
  appliesTo: isTerraform,
  textHint: /"(?:aws_backup_plan|aws_backup_vault|aws_db_instance|aws_rds_cluster|aws_db_instance_automated_backups_replication|aws_cloudwatch_log_group|aws_cloudwatch_log_metric_filter)"/,
  detect(file) {
    const { add, hits } = collector();
    const blocks = hcl(file);
    for (const plan of resources(blocks, 'aws_backup_plan')) {
      for (const rule of nested(plan, 'rule')) {
        const schedule = literal(rule, 'schedule');
        if (typeof schedule !== 'string') continue;
        add('backup/automated-backups', `AWS Backup plan ${named(plan)} (${schedule})`, `Plano do AWS Backup ${named(plan)} (${schedule})`, file, plan);
        add('backup/backup-frequency', `AWS Backup plan ${named(plan)} (${schedule})`, `Plano do AWS Backup ${named(plan)} (${schedule})`, file, plan);
        const lifecycle = nested(rule, 'lifecycle')[0];
        const declares = declaresDays(lifecycle?.attributes.get('delete_after'), 'backupRetention', `aws_backup_plan ${named(plan)}`);
        if (declares) add('backup/backup-retention', `AWS Backup plan ${named(plan)} keeps backups ${declares.value} days`, `Plano do AWS Backup ${named(plan)} mantém backups por ${declares.value} dias`, file, lifecycle!, declares);
        if (nested(rule, 'copy_action').some((copy) => isSet(copy, 'destination_vault_arn')))
          add('backup/cross-region-backups', `AWS Backup plan ${named(plan)} copies to another vault`, `Plano do AWS Backup ${named(plan)} copia para outro cofre`, file, plan);
      }
    }
    for (const vault of resources(blocks, 'aws_backup_vault').filter((block) => isSet(block, 'kms_key_arn')))
      add('backup/backup-encryption', `Backup vault ${named(vault)} encrypted with a KMS key`, `Cofre de backup ${named(vault)} criptografado com chave KMS`, file, vault);
    for (const db of resources(blocks, 'aws_db_instance', 'aws_rds_cluster')) {
      const retention = db.attributes.get('backup_retention_period');
      if (typeof retention?.value !== 'number' || retention.value <= 0) continue;
      add('backup/automated-backups', `${named(db)} automated backups`, `Backups automáticos de ${named(db)}`, file, db);
      add('backup/backup-frequency', `${named(db)} daily automated backups with point-in-time recovery`, `Backups diários automáticos de ${named(db)} com recuperação point-in-time`, file, db);
      add('backup/backup-retention', `${named(db)} keeps backups ${retention.value} days`, `${named(db)} mantém backups por ${retention.value} dias`, file, db, declaresDays(retention, 'backupRetention', named(db)));
      if (isTrue(db, 'storage_encrypted')) add('backup/backup-encryption', `${named(db)} is encrypted, and so are its snapshots`, `${named(db)} é criptografado, assim como seus snapshots`, file, db);
    }
    for (const replication of resources(blocks, 'aws_db_instance_automated_backups_replication'))
      add('backup/cross-region-backups', `RDS backups replicated to another region (${named(replication)})`, `Backups do RDS replicados para outra região (${named(replication)})`, file, replication);
    for (const group of resources(blocks, 'aws_cloudwatch_log_group')) {
      const declares = declaresDays(group.attributes.get('retention_in_days'), 'logRetention', named(group));
      if (declares && declares.value > 0) add('monitoring/log-retention', `Log group ${named(group)} keeps logs ${declares.value} days`, `Grupo de logs ${named(group)} mantém logs por ${declares.value} dias`, file, group, declares);
      if (isSet(group, 'kms_key_id')) add('monitoring/log-security', `Log group ${named(group)} encrypted with a KMS key`, `Grupo de logs ${named(group)} criptografado com chave KMS`, file, group);
    }
    for (const filter of resources(blocks, 'aws_cloudwatch_log_metric_filter'))
      if (String(literal(filter, 'pattern') ?? filter.attributes.get('pattern')?.raw ?? '').replace(/"/g, '').trim() && nested(filter, 'metric_transformation').length > 0)
        add('monitoring/log-analysis', `Log metric filter ${named(filter)}`, `Filtro de métrica de log ${named(filter)}`, file, filter);
    return hits;
  },
};

// ---- TLS policies (the TLS target) --------------------------------------------------------------------

export const terraformTlsDetector: Detector = {
  id: 'terraform-tls',
  title: 'TLS versions of load balancers and CDNs',
  hint: loc('Use a TLS 1.3 security policy on HTTPS listeners (ELBSecurityPolicy-TLS13-1-2-2021-06).', 'Use uma política de segurança com TLS 1.3 nos listeners HTTPS (ELBSecurityPolicy-TLS13-1-2-2021-06).'),
  heuristic:
    'An HTTPS/TLS load balancer listener declares the TLS versions of its ssl_policy (a TLS13 policy offers 1.3; the others stop at 1.2), and a CloudFront viewer ' +
    'certificate with a TLSv1.2_* minimum offers 1.3 too; each is judged against the TLS target. A listener without ssl_policy, or set from a variable, declares nothing.',
  proves: {
    'security/encryption-in-transit': loc('The endpoint offers the TLS version of the target.', 'O endpoint oferece a versão de TLS da meta.'),
  },
  appliesTo: isTerraform,
  textHint: /ssl_policy|minimum_protocol_version/,
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const listener of resources(hcl(file), 'aws_lb_listener', 'aws_alb_listener')) {
      const policy = listener.attributes.get('ssl_policy');
      if (typeof policy?.value !== 'string' || !/^(?:HTTPS|TLS)$/.test(String(literal(listener, 'protocol') ?? ''))) continue;
      const version = /TLS13/i.test(policy.value) ? 1.3 : 1.2;
      hits.push({
        item: 'security/encryption-in-transit',
        what: loc(`${named(listener)} ssl_policy ${policy.value} (TLS ${version})`, `${named(listener)} ssl_policy ${policy.value} (TLS ${version})`),
        line: lineOf(file, listener),
        declares: { target: 'tls', text: policy.value, value: version, span: policy.span, source: named(listener) },
      });
    }
    for (const cdn of resources(hcl(file), 'aws_cloudfront_distribution')) {
      const minimum = nested(cdn, 'viewer_certificate')[0]?.attributes.get('minimum_protocol_version');
      if (typeof minimum?.value === 'string' && /^TLSv1\.2_/.test(minimum.value))
        hits.push({ item: 'security/encryption-in-transit', what: loc(`${named(cdn)} minimum ${minimum.value} (TLS 1.3 offered)`, `${named(cdn)} mínimo ${minimum.value} (TLS 1.3 oferecido)`), line: lineOf(file, cdn), declares: { target: 'tls', text: minimum.value, value: 1.3, span: minimum.span, source: named(cdn) } });
    }
    return hits;
  },
};

export const TERRAFORM_DETECTORS: Detector[] = [
  terraformStateDetector,
  terraformDnsDetector,
  terraformCertificatesDetector,
  terraformEdgeDetector,
  terraformNetworkDetector,
  terraformKeysDetector,
  terraformComplianceDetector,
  terraformIdentityDetector,
  terraformDataDetector,
  terraformBackupDetector,
  terraformTlsDetector,
];
