/**
 * What the catalog says each item is about, against what the rules really inspect: every subject
 * belongs to the file kind whose rules inspect it (SUBJECT_KINDS), and every item its rules can
 * prove names subjects those rules can inspect.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { ALL_RULES } from '../../rules/index';
import { checklistCatalog } from '../../server/src/checklist/catalog';
import { kindsOfSubjects, SUBJECT_KINDS } from '../../server/src/checklist/subjects';
import { SUBJECTS } from '../../server/src/engine/types';
import { scanProject } from '../../server/src/service';

const RULE_KINDS = new Map(ALL_RULES.map((rule) => [rule.meta.id, rule.meta.kind]));
const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** One file of every kind, each with the subjects its rules inspect: stages, services, workloads, servers, resources. */
const FILES: Record<string, string> = {
  Dockerfile: 'FROM node:20.11.1-slim AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:20.11.1-slim\nCOPY --from=build /app/dist /app\nUSER node\nHEALTHCHECK CMD ["node", "/app/health.js"]\nCMD ["node", "/app/server.js"]\n',
  'compose.yaml': 'services:\n  api:\n    image: registry.example.com/api:1.4.2\n    ports:\n      - "127.0.0.1:8080:8080"\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n',
  'k8s/app.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:1.4.2\n' +
    '---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: api.example.com\n' +
    '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get]\n',
  'nginx/nginx.conf': 'events {}\nhttp {\n    server_tokens off;\n    server {\n        listen 80;\n        return 301 https://$host$request_uri;\n    }\n    server {\n        listen 443 ssl;\n        ssl_certificate /etc/ssl/site.crt;\n        ssl_certificate_key /etc/ssl/site.key;\n        location / {\n            proxy_pass http://api:8080;\n        }\n    }\n}\n',
  'main.tf':
    'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n\nresource "aws_s3_bucket" "assets" {\n  bucket = "assets"\n}\n\nresource "aws_security_group" "web" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\n' +
    'resource "aws_lb" "web" {\n  load_balancer_type = "application"\n}\n\nresource "aws_lb_listener" "web" {\n  load_balancer_arn = aws_lb.web.arn\n  protocol          = "HTTP"\n}\n\nresource "aws_lb_target_group" "web" {\n  protocol = "HTTP"\n}\n\n' +
    'resource "aws_kms_key" "data" {}\n\nresource "aws_cloudwatch_log_group" "app" {\n  name = "app"\n}\n\nresource "aws_ebs_volume" "data" {\n  size = 10\n}\n\nresource "aws_elasticache_replication_group" "cache" {\n  description = "cache"\n}\n',
};

test('every subject a rule inspects belongs to the file kind SUBJECT_KINDS gives it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-subjects-'));
  made.push(dir);
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const { scan } = await scanProject([dir]);
  const seen = new Map<string, Set<string>>();
  for (const inspection of scan.inspected) {
    const kind = RULE_KINDS.get(inspection.ruleId)!;
    assert.equal(SUBJECT_KINDS[inspection.subject], kind, `${inspection.ruleId} inspected a ${inspection.subject}`);
    seen.set(kind, (seen.get(kind) ?? new Set()).add(inspection.subject));
  }
  // The files above give every kind that reports inspections something to inspect.
  for (const kind of ['kubernetes', 'nginx', 'terraform', 'compose']) assert.ok(seen.has(kind), `${kind} rules inspected nothing`);
});

test('SUBJECT_KINDS covers every subject', () => {
  assert.deepEqual(Object.keys(SUBJECT_KINDS).sort(), [...SUBJECTS].sort());
});

test('every item its rules can prove says what it is about, with subjects its rules can inspect', () => {
  for (const item of checklistCatalog()) {
    const provable = item.rules.length > 0 && !item.manual;
    if (!provable) {
      assert.deepEqual(item.subjects, [], `${item.id}: rules cannot prove it, so it names no subjects`);
      continue;
    }
    assert.ok(item.subjects.length > 0, `${item.id}: say which subjects prove it`);
    const ruleKinds = new Set(item.rules.map((id) => RULE_KINDS.get(id)));
    for (const kind of kindsOfSubjects(item.subjects)) assert.ok(ruleKinds.has(kind), `${item.id}: no rule of the ${kind} kind inspects its subjects`);
  }
});

test("the README's table of what proves each item is the catalog's", () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const rows = readme.slice(readme.indexOf('| Item | Proven by its rules on |')).split('\n').slice(2);
  const documented = rows.slice(0, rows.findIndex((row) => !row.trim().startsWith('|'))).map((row) => {
    const [item, subjects] = row.trim().split('|').slice(1, 3);
    return `${item.trim().replace(/`/g, '')}: ${subjects.trim().replace(/`/g, '')}`;
  });
  const catalog = checklistCatalog().filter((item) => item.subjects.length > 0).map((item) => `${item.id}: ${item.subjects.join(', ')}`);
  assert.deepEqual(documented, catalog);
});
