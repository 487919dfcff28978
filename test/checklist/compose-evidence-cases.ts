/** Cases of the Compose evidence detector, for the evidence detectors' table (test/checklist/evidence.test.ts). */
const SEED = [
  'services:',
  '  app:',
  '    image: datametria/api:v2.1.0',
  '  nginx:',
  '    image: nginx:alpine',
  '    ports:',
  '      - "443:443"',
  '    volumes:',
  '      - ./nginx.conf:/etc/nginx/nginx.conf',
  '    depends_on:',
  '      - app',
  '  prometheus:',
  '    image: prom/prometheus',
  '    volumes:',
  '      - ./prometheus.yml:/etc/prometheus/prometheus.yml',
  '',
].join('\n');

/** Same shape as the table's cases: files, and the items proven with the 1-based line of the first hit. */
type Case = { name: string; files: { path: string; text: string }[]; expect: Record<string, number | true> };

export const COMPOSE_EVIDENCE_CASES: Record<string, Case[]> = {
  'compose-mounted-config': [
    { name: "present: the seed's production file", files: [{ path: 'docker-compose.production.yml', text: SEED }], expect: { 'monitoring/metrics-collection': 15, 'deployment/load-balancer': 9 } },
    {
      name: 'present: long volume syntax, a conf.d folder, the long depends_on form',
      files: [
        {
          path: 'deploy/compose.yaml',
          text: 'services:\n  proxy:\n    image: nginxinc/nginx-unprivileged:1.27\n    volumes:\n      - type: bind\n        source: ./conf.d\n        target: /etc/nginx/conf.d\n    depends_on:\n      web:\n        condition: service_healthy\n  web:\n    image: acme/web:1.0.0\n',
        },
      ],
      expect: { 'deployment/load-balancer': 5 },
    },
    { name: 'absent: Prometheus without its configuration', files: [{ path: 'compose.yaml', text: 'services:\n  prometheus:\n    image: prom/prometheus:v2.54.1\n' }], expect: {} },
    {
      name: 'look-alike: an nginx that fronts nothing, a development file',
      files: [
        { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site.conf:/etc/nginx/conf.d/default.conf\n' },
        { path: 'docker-compose.dev.yml', text: SEED },
      ],
      expect: {},
    },
  ],
};
