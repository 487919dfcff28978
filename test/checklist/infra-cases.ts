/**
 * Evidence cases for the Terraform, Kubernetes, nginx, migration and repository detectors and the
 * cross-file joins: present, absent, and a look-alike that a detector matching on names alone
 * would count. Run by evidence.test.ts with the other tables.
 */
export interface Case {
  name: string;
  files: { path: string; text: string }[];
  /** Expected items proven by this detector or join, with the 1-based line of the first hit when given. */
  expect: Record<string, number | true>;
}

const tf = (...lines: string[]) => `${lines.join('\n')}\n`;

export const INFRA_CASES: Record<string, Case[]> = {
  'terraform-dns': [
    {
      name: 'present: alias record and a low-TTL record with failover',
      files: [{ path: 'infra/dns.tf', text: tf('resource "aws_route53_record" "api" {', '  name = "api"', '  type = "A"', '  alias {', '    name = aws_lb.api.dns_name', '  }', '}', 'resource "aws_route53_record" "primary" {', '  ttl = 60', '  failover_routing_policy {', '    type = "PRIMARY"', '  }', '  health_check_id = aws_route53_health_check.api.id', '}') }],
      expect: { 'deployment/dns-configured': 1, 'backup/failover-automation': 8 },
    },
    { name: 'absent', files: [{ path: 'infra/main.tf', text: tf('resource "aws_s3_bucket" "b" {', '  bucket = "b"', '}') }], expect: {} },
    {
      name: 'look-alike: a day-long TTL, a TTL from a variable, a proxied flag off',
      files: [{ path: 'infra/dns.tf', text: tf('resource "aws_route53_record" "api" {', '  ttl = 86400', '}', 'resource "aws_route53_record" "www" {', '  ttl = var.ttl', '}', 'resource "cloudflare_record" "cdn" {', '  ttl     = 3600', '  proxied = false', '}') }],
      expect: {},
    },
  ],
  'terraform-certificates': [
    { name: 'present: ACM with DNS validation', files: [{ path: 'certs.tf', text: tf('resource "aws_acm_certificate" "api" {', '  domain_name       = "api.example.com"', '  validation_method = "DNS"', '}') }], expect: { 'deployment/ssl-tls': 1 } },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_lb" "a" {}') }], expect: {} },
    {
      name: 'look-alike: an imported certificate and an e-mail-validated one',
      files: [{ path: 'certs.tf', text: tf('resource "aws_acm_certificate" "imported" {', '  private_key      = file("key.pem")', '  certificate_body = file("cert.pem")', '}', 'resource "aws_acm_certificate" "email" {', '  validation_method = "EMAIL"', '}') }],
      expect: {},
    },
  ],
  'terraform-edge': [
    {
      name: 'present: CloudFront, a WAF with rules and Shield',
      files: [{ path: 'edge.tf', text: tf('resource "aws_cloudfront_distribution" "cdn" {', '  enabled = true', '  origin {', '    domain_name = "x"', '  }', '}', 'resource "aws_wafv2_web_acl" "waf" {', '  rule {', '    name = "common"', '  }', '}', 'resource "aws_shield_protection" "cdn" {', '  resource_arn = aws_cloudfront_distribution.cdn.arn', '}') }],
      expect: { 'deployment/cdn': 1, 'performance/cdn': 1, 'security/waf': 7, 'security/ddos-protection': 12 },
    },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_lb" "a" {}') }], expect: {} },
    {
      name: 'look-alike: a disabled distribution and a web ACL without rules',
      files: [{ path: 'edge.tf', text: tf('resource "aws_cloudfront_distribution" "cdn" {', '  enabled = false', '  origin {', '    domain_name = "x"', '  }', '}', 'resource "aws_wafv2_web_acl" "waf" {', '  default_action {', '    allow {}', '  }', '}') }],
      expect: {},
    },
  ],
  'terraform-network': [
    {
      name: 'present: private subnet and a scanning, immutable ECR repository',
      files: [{ path: 'network.tf', text: tf('resource "aws_subnet" "private_a" {', '  cidr_block = "10.0.1.0/24"', '}', 'resource "aws_ecr_repository" "app" {', '  image_tag_mutability = "IMMUTABLE"', '  image_scanning_configuration {', '    scan_on_push = true', '  }', '}') }],
      expect: { 'deployment/vpc-network': 1, 'deployment/docker-registry': 4, 'deployment/docker-image-scanning': 4 },
    },
    { name: 'present: the VPC module with private subnets', files: [{ path: 'vpc.tf', text: tf('module "vpc" {', '  source          = "terraform-aws-modules/vpc/aws"', '  private_subnets = ["10.0.1.0/24"]', '}') }], expect: { 'deployment/vpc-network': 1 } },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_lb" "a" {}') }], expect: {} },
    {
      name: 'look-alike: a "private" subnet that maps public IPs, a mutable repository without scanning',
      files: [{ path: 'network.tf', text: tf('resource "aws_subnet" "private" {', '  map_public_ip_on_launch = true', '}', 'resource "aws_ecr_repository" "app" {', '  image_tag_mutability = "MUTABLE"', '}') }],
      expect: {},
    },
  ],
  'kms-rotation': [
    {
      name: 'present: a rotated key used by a database in another file',
      files: [
        { path: 'kms.tf', text: tf('resource "aws_kms_key" "data" {', '  enable_key_rotation = true', '}') },
        { path: 'db.tf', text: tf('resource "aws_db_instance" "main" {', '  kms_key_id = aws_kms_key.data.arn', '}') },
      ],
      expect: { 'security/key-management': 1 },
    },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_s3_bucket" "b" {}') }], expect: {} },
    {
      name: 'look-alike: a rotated key nobody uses, and a used key that never rotates',
      files: [
        { path: 'kms.tf', text: tf('resource "aws_kms_key" "spare" {', '  enable_key_rotation = true', '}', 'resource "aws_kms_key" "data" {', '  description = "data"', '}') },
        { path: 'db.tf', text: tf('resource "aws_db_instance" "main" {', '  kms_key_id = aws_kms_key.data.arn', '}') },
      ],
      expect: {},
    },
  ],
  'terraform-keys': [
    { name: 'present: a Cloud KMS key with a rotation period', files: [{ path: 'kms.tf', text: tf('resource "google_kms_crypto_key" "data" {', '  rotation_period = "7776000s"', '}') }], expect: { 'security/key-management': 1 } },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_s3_bucket" "b" {}') }], expect: {} },
    { name: 'look-alike: a Cloud KMS key without rotation', files: [{ path: 'kms.tf', text: tf('resource "google_kms_crypto_key" "data" {', '  purpose = "ENCRYPT_DECRYPT"', '}') }], expect: {} },
  ],
  'terraform-compliance': [
    {
      name: 'present: CloudTrail with validation, lifecycle expiration, a classification tag',
      files: [
        {
          path: 'compliance.tf',
          text: tf(
            'resource "aws_cloudtrail" "audit" {',
            '  enable_log_file_validation = true',
            '}',
            'resource "aws_s3_bucket_lifecycle_configuration" "exports" {',
            '  rule {',
            '    status = "Enabled"',
            '    expiration {',
            '      days = 90',
            '    }',
            '  }',
            '}',
            'resource "aws_db_instance" "main" {',
            '  tags = { DataClassification = "confidential" }',
            '}',
          ),
        },
      ],
      expect: { 'security/audit-logging': 1, 'security/data-retention': 4, 'security/data-classification': 12 },
    },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_lb" "a" {}') }], expect: {} },
    {
      name: 'look-alike: a trail without validation, a lifecycle that only transitions, a TBD tag',
      files: [
        {
          path: 'compliance.tf',
          text: tf(
            'resource "aws_cloudtrail" "audit" {',
            '  enable_log_file_validation = false',
            '}',
            'resource "aws_s3_bucket_lifecycle_configuration" "exports" {',
            '  rule {',
            '    status = "Enabled"',
            '    transition {',
            '      days          = 30',
            '      storage_class = "GLACIER"',
            '    }',
            '  }',
            '}',
            'resource "aws_s3_bucket_lifecycle_configuration" "off" {',
            '  rule {',
            '    status = "Disabled"',
            '    expiration {',
            '      days = 30',
            '    }',
            '  }',
            '}',
            'resource "aws_db_instance" "main" {',
            '  tags = { DataClassification = "TBD" }',
            '}',
          ),
        },
      ],
      expect: {},
    },
  ],
  'terraform-identity': [
    {
      name: 'present: Cognito with MFA on, passwords, short tokens, rotated secrets',
      files: [
        {
          path: 'identity.tf',
          text: tf(
            'resource "aws_cognito_user_pool" "users" {',
            '  mfa_configuration = "ON"',
            '  password_policy {',
            '    minimum_length = 12',
            '  }',
            '}',
            'resource "aws_cognito_user_pool_client" "web" {',
            '  access_token_validity  = 15',
            '  refresh_token_validity = 7',
            '  token_validity_units {',
            '    access_token = "minutes"',
            '  }',
            '}',
            'resource "aws_secretsmanager_secret_rotation" "db" {',
            '  rotation_rules {',
            '    automatically_after_days = 30',
            '  }',
            '}',
          ),
        },
      ],
      expect: { 'security/authentication': 1, 'security/2fa-mfa': 1, 'security/password-policies': 1, 'security/session-management': 7, 'security/token-management': 14 },
    },
    {
      name: 'present: ALB OIDC authentication and a JWT authorizer with throttling',
      files: [
        { path: 'alb.tf', text: tf('resource "aws_lb_listener_rule" "app" {', '  action {', '    type = "authenticate-oidc"', '  }', '}') },
        { path: 'api.tf', text: tf('resource "aws_apigatewayv2_authorizer" "jwt" {', '  authorizer_type = "JWT"', '}', 'resource "aws_apigatewayv2_stage" "prod" {', '  default_route_settings {', '    throttling_rate_limit = 100', '  }', '}') },
      ],
      expect: { 'security/authentication': 1, 'security/api-security': 1 },
    },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_lb" "a" {}') }], expect: {} },
    {
      name: 'look-alike: optional MFA, short passwords with forced expiry, day-long tokens, a yearly rotation',
      files: [
        {
          path: 'identity.tf',
          text: tf(
            'resource "aws_iam_account_password_policy" "strict" {',
            '  minimum_password_length = 6',
            '  max_password_age        = 90',
            '}',
            'resource "aws_cognito_user_pool_client" "web" {',
            '  access_token_validity  = 24',
            '  refresh_token_validity = 30',
            '}',
            'resource "aws_secretsmanager_secret_rotation" "db" {',
            '  rotation_rules {',
            '    automatically_after_days = 365',
            '  }',
            '}',
          ),
        },
      ],
      expect: {},
    },
  ],
  'terraform-data': [
    {
      name: 'present: a replica, a proxy, a cache, Multi-AZ with Performance Insights, auto_explain',
      files: [
        {
          path: 'data.tf',
          text: tf(
            'resource "aws_db_instance" "main" {',
            '  multi_az                     = true',
            '  performance_insights_enabled = true',
            '}',
            'resource "aws_db_instance" "replica" {',
            '  replicate_source_db = aws_db_instance.main.identifier',
            '}',
            'resource "aws_db_proxy" "main" {',
            '  engine_family = "POSTGRESQL"',
            '}',
            'resource "aws_elasticache_replication_group" "cache" {',
            '  engine = "redis"',
            '}',
            'resource "aws_db_parameter_group" "pg" {',
            '  parameter {',
            '    name  = "shared_preload_libraries"',
            '    value = "pg_stat_statements,auto_explain"',
            '  }',
            '}',
          ),
        },
      ],
      expect: {
        'backup/failover-automation': 1,
        'backup/data-replication': 1,
        'performance/database-monitoring': 1,
        'monitoring/database-monitoring': 1,
        'performance/read-replicas': 5,
        'performance/connection-pooling': 8,
        'performance/caching': 11,
        'performance/query-optimization': 14,
      },
    },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_lb" "a" {}') }], expect: {} },
    {
      name: 'look-alike: single-AZ without insights, pg_stat_statements only, a disabled replication rule',
      files: [
        {
          path: 'data.tf',
          text: tf(
            'resource "aws_db_instance" "main" {',
            '  multi_az                     = false',
            '  performance_insights_enabled = false',
            '}',
            'resource "aws_db_parameter_group" "pg" {',
            '  parameter {',
            '    name  = "shared_preload_libraries"',
            '    value = "pg_stat_statements"',
            '  }',
            '}',
            'resource "aws_s3_bucket_replication_configuration" "r" {',
            '  rule {',
            '    status = "Disabled"',
            '  }',
            '}',
          ),
        },
      ],
      expect: {},
    },
  ],
  'terraform-backup': [
    {
      name: 'present: an AWS Backup plan with retention and a cross-region copy, an encrypted vault, a log group',
      files: [
        {
          path: 'backup.tf',
          text: tf(
            'resource "aws_backup_plan" "daily" {',
            '  rule {',
            '    schedule = "cron(0 3 * * ? *)"',
            '    lifecycle {',
            '      delete_after = 35',
            '    }',
            '    copy_action {',
            '      destination_vault_arn = aws_backup_vault.replica.arn',
            '    }',
            '  }',
            '}',
            'resource "aws_backup_vault" "main" {',
            '  kms_key_arn = aws_kms_key.backup.arn',
            '}',
            'resource "aws_cloudwatch_log_group" "app" {',
            '  retention_in_days = 60',
            '  kms_key_id        = aws_kms_key.logs.arn',
            '}',
            'resource "aws_cloudwatch_log_metric_filter" "errors" {',
            '  pattern = "ERROR"',
            '  metric_transformation {',
            '    name = "Errors"',
            '  }',
            '}',
          ),
        },
      ],
      expect: {
        'backup/automated-backups': 1,
        'backup/backup-frequency': 1,
        'backup/backup-retention': 4,
        'backup/cross-region-backups': 1,
        'backup/backup-encryption': 12,
        'monitoring/log-retention': 15,
        'monitoring/log-security': 15,
        'monitoring/log-analysis': 19,
      },
    },
    { name: 'absent', files: [{ path: 'main.tf', text: tf('resource "aws_lb" "a" {}') }], expect: {} },
    {
      name: 'look-alike: a plan rule without a schedule, 7-day retention, backups off, a filter without a pattern',
      files: [
        {
          path: 'backup.tf',
          text: tf(
            'resource "aws_backup_plan" "daily" {',
            '  rule {',
            '    rule_name = "later"',
            '  }',
            '}',
            'resource "aws_db_instance" "main" {',
            '  backup_retention_period = 0',
            '}',
            'resource "aws_cloudwatch_log_group" "app" {',
            '  retention_in_days = 7',
            '}',
            'resource "aws_cloudwatch_log_metric_filter" "errors" {',
            '  pattern = ""',
            '  metric_transformation {',
            '    name = "Errors"',
            '  }',
            '}',
          ),
        },
      ],
      expect: {},
    },
  ],
  'terraform-tls': [
    { name: 'present: a TLS 1.3 policy', files: [{ path: 'lb.tf', text: tf('resource "aws_lb_listener" "https" {', '  protocol   = "HTTPS"', '  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"', '}') }], expect: { 'security/encryption-in-transit': 1 } },
    { name: 'absent', files: [{ path: 'lb.tf', text: tf('resource "aws_lb_listener" "http" {', '  protocol = "HTTP"', '}') }], expect: {} },
    { name: 'look-alike: a TLS 1.2-only policy declares 1.2, below the 1.3 target', files: [{ path: 'lb.tf', text: tf('resource "aws_lb_listener" "https" {', '  protocol   = "HTTPS"', '  ssl_policy = "ELBSecurityPolicy-TLS-1-2-2017-01"', '}') }], expect: {} },
  ],
  'terraform-pipeline': [
    {
      name: 'present: an S3 backend and terraform apply in CI',
      files: [
        { path: 'infra/main.tf', text: tf('terraform {', '  backend "s3" {', '    bucket = "state"', '  }', '}') },
        { path: '.github/workflows/infra.yml', text: 'on: [push]\njobs:\n  apply:\n    steps:\n      - run: terraform -chdir=infra apply -auto-approve\n' },
      ],
      expect: { 'deployment/environment-provisioned': 2 },
    },
    { name: 'absent', files: [{ path: 'infra/main.tf', text: tf('resource "aws_lb" "a" {}') }], expect: {} },
    {
      name: 'look-alike: a local backend, and terraform only echoed in CI',
      files: [
        { path: 'infra/main.tf', text: tf('terraform {', '  backend "local" {', '    path = "terraform.tfstate"', '  }', '}') },
        { path: '.github/workflows/infra.yml', text: 'on: [push]\njobs:\n  apply:\n    steps:\n      - run: echo "run terraform apply by hand"\n' },
      ],
      expect: {},
    },
  ],
  'k8s-services': [
    {
      name: 'present: a Service selecting a Deployment on a named port, in another file',
      files: [
        { path: 'k8s/svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {app: api}\n  ports: [{port: 80, targetPort: http}]\n' },
        { path: 'k8s/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: api, tier: web}}\n    spec:\n      containers:\n        - name: api\n          ports: [{name: http, containerPort: 8080}]\n' },
      ],
      expect: { 'deployment/services': 1 },
    },
    { name: 'absent', files: [{ path: 'k8s/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' }], expect: {} },
    {
      name: 'look-alike: a Service whose selector or port matches nothing',
      files: [
        { path: 'k8s/svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{port: 80, targetPort: 9999}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n' },
        { path: 'k8s/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n' },
      ],
      expect: {},
    },
  ],
  'k8s-configmaps': [
    {
      name: 'present: envFrom a ConfigMap defined elsewhere',
      files: [
        { path: 'k8s/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: api-config}\ndata: {PORT: "8080"}\n' },
        { path: 'k8s/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          envFrom: [{configMapRef: {name: api-config}}]\n' },
      ],
      expect: { 'deployment/configmaps': 1 },
    },
    { name: 'absent', files: [{ path: 'k8s/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n' }], expect: {} },
    {
      name: 'look-alike: a lone ConfigMap, and a reference to one that does not exist',
      files: [
        { path: 'k8s/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: unused}\ndata: {A: "1"}\n' },
        { path: 'k8s/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          envFrom: [{configMapRef: {name: missing}}]\n' },
      ],
      expect: {},
    },
  ],
  'kubernetes-autoscaler': [
    {
      name: 'present: CPU 65% and memory 75%',
      files: [{ path: 'k8s/hpa.yaml', text: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\nspec:\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 65}}\n    - type: Resource\n      resource: {name: memory, target: {type: Utilization, averageUtilization: 75}}\n' }],
      expect: { 'monitoring/resource-utilization': 6, 'performance/cpu-usage': 6, 'performance/memory-usage': 8 },
    },
    { name: 'absent', files: [{ path: 'k8s/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n' }], expect: {} },
    {
      name: 'look-alike: targets of 90% scale too late for the seed\'s CPU and memory limits',
      files: [{ path: 'k8s/hpa.yaml', text: 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\nspec:\n  targetCPUUtilizationPercentage: 90\n' }],
      expect: { 'monitoring/resource-utilization': 5 },
    },
  ],
  'scalability-tests': [
    {
      name: 'present: an HPA and load tests in CI',
      files: [
        { path: 'k8s/hpa.yaml', text: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\nspec: {minReplicas: 2, maxReplicas: 10}\n' },
        { path: '.github/workflows/load.yml', text: 'on: [push]\njobs:\n  load:\n    steps:\n      - run: k6 run load/api.js\n' },
      ],
      expect: { 'performance/scalability-testing': 1 },
    },
    { name: 'absent', files: [{ path: 'k8s/hpa.yaml', text: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\n' }], expect: {} },
    {
      name: 'look-alike: an HPA and a load test only run by hand',
      files: [
        { path: 'k8s/hpa.yaml', text: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\n' },
        { path: '.github/workflows/load.yml', text: 'on: workflow_dispatch\njobs:\n  load:\n    steps:\n      - run: k6 run load/api.js\n' },
      ],
      expect: {},
    },
  ],
  'kubernetes-platform': [
    {
      name: 'present: cert-manager, external-dns and External Secrets',
      files: [
        {
          path: 'k8s/platform.yaml',
          text: 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: le}\nspec:\n  acme: {server: https://acme-v02.api.letsencrypt.org/directory}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  annotations:\n    external-dns.alpha.kubernetes.io/hostname: api.example.com\n---\napiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: db}\nspec:\n  secretStoreRef: {name: aws, kind: ClusterSecretStore}\n  data: [{secretKey: url, remoteRef: {key: db/url}}]\n',
        },
      ],
      expect: { 'deployment/ssl-tls': 1, 'deployment/dns-configured': 12, 'deployment/secrets': 14 },
    },
    { name: 'absent', files: [{ path: 'k8s/secret.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {url: postgres://x}\n' }], expect: {} },
    {
      name: 'look-alike: a self-signed issuer, a day-long DNS TTL, an ExternalSecret with no data',
      files: [
        {
          path: 'k8s/platform.yaml',
          text: 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: self}\nspec:\n  selfSigned: {}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  annotations:\n    external-dns.alpha.kubernetes.io/hostname: api.example.com\n    external-dns.alpha.kubernetes.io/ttl: "86400"\n---\napiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: db}\nspec:\n  secretStoreRef: {name: aws}\n',
        },
      ],
      expect: {},
    },
  ],
  'kubernetes-ingress-policy': [
    {
      name: 'present: oauth2-proxy auth with limits, explicit CORS, an allow-listed admin ingress, request ids',
      files: [
        {
          path: 'k8s/ingress.yaml',
          text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    nginx.ingress.kubernetes.io/auth-url: http://oauth2-proxy.auth/oauth2/auth\n    nginx.ingress.kubernetes.io/limit-rps: "20"\n    nginx.ingress.kubernetes.io/enable-cors: "true"\n    nginx.ingress.kubernetes.io/cors-allow-origin: https://app.example.com\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: grafana\n  annotations:\n    nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ingress-nginx-controller}\ndata:\n  log-format-upstream: \'$remote_addr $req_id "$request" $status\'\n',
        },
      ],
      expect: { 'security/authentication': 6, 'security/api-security': 6, 'security/cors': 6, 'security/ip-whitelisting': 16, 'monitoring/correlation-ids': 22 },
    },
    { name: 'absent', files: [{ path: 'k8s/ingress.yaml', text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: api}\n' }], expect: {} },
    {
      name: 'look-alike: basic auth, CORS from *, an open allow-list, a public app allow-listed, $req_id only in a comment',
      files: [
        {
          path: 'k8s/ingress.yaml',
          text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    nginx.ingress.kubernetes.io/auth-type: basic\n    nginx.ingress.kubernetes.io/enable-cors: "true"\n    nginx.ingress.kubernetes.io/cors-allow-origin: "*"\n    nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: admin\n  annotations:\n    nginx.ingress.kubernetes.io/whitelist-source-range: 0.0.0.0/0\n# log $req_id some day\n',
        },
      ],
      expect: {},
    },
  ],
  'nginx-tls': [
    { name: 'present: TLS 1.2 and 1.3', files: [{ path: 'nginx/nginx.conf', text: 'http {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n  }\n}\n' }], expect: { 'security/encryption-in-transit': 4 } },
    { name: 'absent: no ssl_protocols', files: [{ path: 'nginx/nginx.conf', text: 'http {\n  server {\n    listen 80;\n  }\n}\n' }], expect: {} },
    { name: 'look-alike: TLS 1.3 only in a comment, 1.2 offered', files: [{ path: 'nginx/nginx.conf', text: 'http {\n  server {\n    # ssl_protocols TLSv1.3;\n    ssl_protocols TLSv1.2;\n  }\n}\n' }], expect: {} },
    { name: 'present: in the http block of a TLS server', files: [{ path: 'nginx/nginx.conf', text: 'http {\n  ssl_protocols TLSv1.2 TLSv1.3;\n  server {\n    listen 443 ssl http2;\n  }\n}\n' }], expect: { 'security/encryption-in-transit': 2 } },
    { name: 'look-alike: TLS 1.3 in an http block whose servers listen in plain HTTP', files: [{ path: 'nginx/nginx.conf', text: 'http {\n  ssl_protocols TLSv1.2 TLSv1.3;\n  server {\n    listen 80;\n  }\n}\n' }], expect: {} },
    { name: 'look-alike: TLS 1.3 in a plain-HTTP server', files: [{ path: 'nginx/conf.d/site.conf', text: 'server {\n  listen 80;\n  ssl_protocols TLSv1.3;\n}\n' }], expect: {} },
  ],
  'nginx-edge': [
    {
      name: 'present: request ids, a CORS map, an allow-listed status page, oauth2-proxy auth with limit_req, ModSecurity, proxy cache',
      files: [
        {
          path: 'nginx/nginx.conf',
          text: [
            'http {',
            '  log_format main \'$remote_addr $request_id "$request"\';',
            '  modsecurity on;',
            '  modsecurity_rules_file /etc/nginx/modsec/main.conf;',
            '  proxy_cache_path /var/cache/nginx keys_zone=api:10m;',
            '  map $http_origin $cors {',
            '    default "";',
            '    "~^https://app\\.example\\.com$" $http_origin;',
            '  }',
            '  server {',
            '    add_header Access-Control-Allow-Origin $cors always;',
            '    location / {',
            '      auth_request /oauth2/auth;',
            '      limit_req zone=per_ip;',
            '      proxy_cache api;',
            '    }',
            '    location = /oauth2/auth {',
            '      proxy_pass http://oauth2-proxy:4180;',
            '    }',
            '    location /nginx_status {',
            '      stub_status;',
            '      allow 10.0.0.0/8;',
            '      deny all;',
            '    }',
            '  }',
            '}',
          ].join('\n'),
        },
      ],
      expect: { 'monitoring/correlation-ids': 2, 'security/waf': 3, 'security/cors': 11, 'security/authentication': 13, 'security/api-security': 13, 'performance/caching': 15, 'security/ip-whitelisting': 20 },
    },
    { name: 'absent', files: [{ path: 'nginx/nginx.conf', text: 'http {\n  server {\n    listen 80;\n  }\n}\n' }], expect: {} },
    {
      name: 'look-alike: CORS from *, an unchecked $http_origin, allow all on /admin, basic auth, $request_id in a comment',
      files: [
        {
          path: 'nginx/nginx.conf',
          text: 'http {\n  # log $request_id later\n  server {\n    add_header Access-Control-Allow-Origin *;\n    add_header Access-Control-Allow-Origin $http_origin;\n    location /admin {\n      allow all;\n      deny all;\n      auth_basic "admin";\n    }\n    location / {\n      auth_request /check;\n    }\n  }\n}\n',
        },
      ],
      expect: {},
    },
  ],
  'db-migrations': [
    { name: 'present: indexes and partitions', files: [{ path: 'db/migrations/001.sql', text: 'CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);\nCREATE INDEX CONCURRENTLY events_at_idx ON events (at);\n' }], expect: { 'performance/indexing': 2, 'performance/partitioning': 1 } },
    { name: 'present: an Alembic index', files: [{ path: 'alembic/versions/3f2a_orders.py', text: 'def upgrade():\n    op.create_index("orders_customer_idx", "orders", ["customer_id"])\n' }], expect: { 'performance/indexing': 2 } },
    { name: 'absent', files: [{ path: 'db/migrations/001.sql', text: 'CREATE TABLE t (id int);\n' }], expect: {} },
    { name: 'look-alike: commented statements and DROP INDEX', files: [{ path: 'db/migrations/002.sql', text: '-- CREATE INDEX later\n/* PARTITION BY RANGE (at) */\nDROP INDEX old_idx;\nSELECT \'CREATE INDEX x\';\n' }], expect: {} },
  ],
  'ci-manifest-validation': [
    { name: 'present: kubeconform', files: [{ path: '.github/workflows/ci.yml', text: 'on: [pull_request]\njobs:\n  lint:\n    steps:\n      - run: kubeconform -strict k8s/\n' }], expect: { 'deployment/deployment-manifests': 5 } },
    { name: 'absent', files: [{ path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  a:\n    steps:\n      - run: npm ci\n' }], expect: {} },
    { name: 'look-alike: validation that cannot fail', files: [{ path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  lint:\n    steps:\n      - run: kubeconform k8s/ || true\n      - run: helm lint chart\n        continue-on-error: true\n' }], expect: {} },
  ],
  'dependency-updates': [
    { name: 'present: Dependabot', files: [{ path: '.github/dependabot.yml', text: 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: {interval: weekly}\n' }], expect: { 'deployment/security-scanning': 3 } },
    { name: 'present: an SBOM in CI', files: [{ path: '.github/workflows/sbom.yml', text: 'on: [push]\njobs:\n  sbom:\n    steps:\n      - run: syft app:1 -o cyclonedx-json > sbom.json\n' }], expect: { 'deployment/security-scanning': 5 } },
    { name: 'absent', files: [{ path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  a:\n    steps:\n      - run: npm ci\n' }], expect: {} },
    { name: 'look-alike: an empty Dependabot file and a disabled Renovate', files: [{ path: '.github/dependabot.yml', text: 'version: 2\nupdates: []\n' }, { path: 'renovate.json', text: '{ "enabled": false, "extends": ["config:recommended"] }' }], expect: {} },
  ],
  'ci-restore-drill': [
    { name: 'present: a scheduled restore', files: [{ path: '.github/workflows/dr.yml', text: 'on:\n  schedule:\n    - cron: "0 6 1 * *"\njobs:\n  restore:\n    steps:\n      - run: velero restore create drill --from-schedule daily --wait\n' }], expect: { 'backup/backup-testing': 7, 'backup/dr-testing': 7 } },
    { name: 'absent', files: [{ path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  a:\n    steps:\n      - run: npm ci\n' }], expect: {} },
    {
      name: 'look-alike: a listing on a schedule, a real restore only by hand',
      files: [
        { path: '.github/workflows/dr.yml', text: 'on:\n  schedule:\n    - cron: "0 6 1 * *"\njobs:\n  restore:\n    steps:\n      - run: pg_restore --list backups/latest.dump\n' },
        { path: '.github/workflows/manual.yml', text: 'on: workflow_dispatch\njobs:\n  restore:\n    steps:\n      - run: pg_restore -d scratch backups/latest.dump\n' },
      ],
      expect: {},
    },
  ],
  'ci-performance-baseline': [
    { name: 'present: k6 results kept', files: [{ path: '.github/workflows/perf.yml', text: 'on: [push]\njobs:\n  load:\n    steps:\n      - run: k6 run --summary-export=summary.json load/api.js\n' }], expect: { 'performance/performance-baselines': 5 } },
    { name: 'absent', files: [{ path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  a:\n    steps:\n      - run: npm ci\n' }], expect: {} },
    { name: 'look-alike: a load test whose results are thrown away', files: [{ path: '.github/workflows/perf.yml', text: 'on: [push]\njobs:\n  load:\n    steps:\n      - run: k6 run load/api.js\n' }], expect: {} },
  ],
  'change-management': [
    {
      name: 'present: CODEOWNERS and a pull request template',
      files: [
        { path: '.github/CODEOWNERS', text: '# owners\n* @acme/team\n' },
        { path: '.github/pull_request_template.md', text: '## Checklist\n\n- [ ] Tests cover the change\n- [ ] Docs updated\n' },
      ],
      expect: { 'documentation/change-management': 1 },
    },
    { name: 'absent', files: [{ path: 'README.md', text: '# App\n' }], expect: {} },
    {
      name: 'look-alike: a CODEOWNERS with only comments, a template with only placeholders',
      files: [
        { path: '.github/CODEOWNERS', text: '# TODO: add code owners\n' },
        { path: '.github/pull_request_template.md', text: '## Description\n\nTODO\n\n- [ ]\n' },
      ],
      expect: {},
    },
  ],
  'doc-data-classification': [
    { name: 'present: levels with handling', files: [{ path: 'docs/data-classification.md', text: '# Data classification\n\n- Public: the catalogue\n- Internal: dashboards\n- Confidential: customer addresses\n- Restricted: payment tokens\n' }], expect: { 'security/data-classification': 1 } },
    { name: 'absent', files: [{ path: 'docs/intro.md', text: '# Intro\n\nHello.\n' }], expect: {} },
    { name: 'look-alike: a classification page with placeholders', files: [{ path: 'docs/data-classification.md', text: '# Data classification\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n- Public: TBD\n- Confidential: TODO\n- Restricted: fill in later\n' }], expect: {} },
  ],
};
