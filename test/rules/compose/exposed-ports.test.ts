import rule from '../../../rules/compose/exposed-ports';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;
const NGINX = 'events {}\nhttp {\n  server {\n    listen 443 ssl;\n  }\n  server {\n    listen 80;\n  }\n}\n';

runRuleTests(rule, {
  valid: [
    { name: 'the seed nginx: public web ports', code: compose('  nginx:\n    image: nginx:1.27\n    ports:\n      - "443:443"\n      - "80:80"\n'), inspected: ['service'] },
    { name: 'bound to loopback', code: compose('  db:\n    image: postgres:16.4\n    ports:\n      - "127.0.0.1:5432:5432"\n') },
    { name: 'long syntax on loopback', code: compose('  db:\n    image: postgres:16.4\n    ports:\n      - target: 5432\n        host_ip: 127.0.0.1\n        published: "5432"\n') },
    { name: 'an app on 3000 is not Grafana', code: compose('  web:\n    image: acme/web:1.0.0\n    ports:\n      - "3000:3000"\n') },
    { name: "Traefik's web ports are meant to be public", code: compose('  traefik:\n    image: traefik:v3.1\n    ports:\n      - "443:443"\n') },
    { name: 'a host address a variable sets is unknown', code: compose('  db:\n    image: postgres:16.4\n    ports:\n      - "${DB_BIND:-127.0.0.1}:5432:5432"\n') },
    { name: 'no ports: nothing to inspect', code: compose('  db:\n    image: postgres:16.4\n'), inspected: [] },
    {
      name: 'the mounted nginx config listens on both published ports',
      code: compose('  nginx:\n    image: nginx:1.27\n    ports:\n      - "443:443"\n      - "80:80"\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n'),
      files: { 'nginx.conf': NGINX },
    },
    {
      name: 'an EXPOSE with a variable makes the ports unknown',
      code: compose('  api:\n    build: .\n    ports:\n      - "8080:8080"\n'),
      files: { Dockerfile: 'FROM node:20-alpine\nARG PORT=3000\nEXPOSE $PORT\n' },
    },
    { name: 'a published port a variable sets changes nothing: known', code: compose('  app:\n    image: acme/api:1.0.0\n    ports:\n      - "${APP_PORT:-8080}:8080"\n'), inspected: ['service'] },
    { name: 'a container port a variable sets: unknown', code: compose('  db:\n    image: postgres:16.4\n    ports:\n      - "5432:${DB_PORT}"\n'), inspected: ['service?'] },
    { name: 'a host address a variable sets: unknown', code: compose('  db:\n    image: postgres:16.4\n    ports:\n      - "${DB_BIND}:5432:5432"\n'), inspected: ['service?'] },
    { name: 'long form with a variable host_ip: unknown', code: compose('  db:\n    image: postgres:16.4\n    ports:\n      - target: 5432\n        published: 5432\n        host_ip: ${DB_BIND}\n'), inspected: ['service?'] },
  ],
  invalid: [
    {
      name: 'the seed prometheus on all interfaces',
      code: compose('  prometheus:\n    image: prom/prometheus:v2.54.1\n    ports:\n      - "9090:9090"\n'),
      errors: [{ messageId: 'allInterfaces', line: 5, column: 15, endLine: 5, endColumn: 19, message: 'Service "prometheus" publishes Prometheus port 9090 on every interface of the host, past its firewall; bind it to 127.0.0.1 or remove the mapping and use the Compose network.' }],
      output: 'services:\n  prometheus:\n    image: prom/prometheus:v2.54.1\n    ports:\n      - "127.0.0.1:9090:9090"\n',
      inspected: ['service'],
    },
    {
      name: 'the seed grafana: its UI port behind another host port',
      code: compose('  grafana:\n    image: grafana/grafana:11.2.0\n    ports:\n      - 3001:3000\n'),
      errors: [{ messageId: 'allInterfaces', line: 5, column: 14, endLine: 5, endColumn: 18 }],
      output: compose('  grafana:\n    image: grafana/grafana:11.2.0\n    ports:\n      - 127.0.0.1:3001:3000\n'),
    },
    {
      name: 'a bare container port is published on a random host port of every interface',
      code: compose('  cache:\n    image: redis:7.4\n    ports:\n      - 6379\n'),
      errors: [{ messageId: 'allInterfaces', line: 5, column: 9, endLine: 5, endColumn: 13 }],
      output: compose('  cache:\n    image: redis:7.4\n    ports:\n      - "127.0.0.1::6379"\n'),
    },
    {
      name: 'a debug tool behind a profile still runs on the host when started',
      code: compose('  adminer:\n    image: adminer:4.8.1\n    profiles: [debug]\n    ports:\n      - 8081:8080\n'),
      errors: [{ messageId: 'allInterfaces', line: 6, column: 14, endLine: 6, endColumn: 18, message: 'Service "adminer" publishes Adminer port 8080 on every interface of the host, past its firewall; bind it to 127.0.0.1 or remove the mapping and use the Compose network.' }],
      output: compose('  adminer:\n    image: adminer:4.8.1\n    profiles: [debug]\n    ports:\n      - 127.0.0.1:8081:8080\n'),
    },
    {
      name: 'long syntax gets host_ip',
      code: compose('  db:\n    image: mysql:8.4\n    ports:\n      - target: 3306\n        published: "3306"\n'),
      errors: [{ messageId: 'allInterfaces', line: 5, column: 17, endLine: 5, endColumn: 21 }],
      output: compose('  db:\n    image: mysql:8.4\n    ports:\n      - target: 3306\n        published: "3306"\n        host_ip: 127.0.0.1\n'),
    },
    {
      name: '0.0.0.0 is every interface',
      code: compose('  db:\n    image: postgres:16.4\n    ports: ["0.0.0.0:5432:5432"]\n'),
      errors: [{ messageId: 'allInterfaces', line: 4, column: 27, endLine: 4, endColumn: 31 }],
      output: compose('  db:\n    image: postgres:16.4\n    ports: ["127.0.0.1:5432:5432"]\n'),
    },
    {
      name: 'a port the Dockerfile does not EXPOSE',
      code: compose('  api:\n    build: ./api\n    ports:\n      - "8080:8080"\n'),
      files: { 'api/Dockerfile': 'FROM node:20-alpine\nEXPOSE 3000\nCMD ["node", "server.js"]\n' },
      errors: [{ messageId: 'notExposed', line: 5, column: 15, endLine: 5, endColumn: 19, message: 'Service "api" publishes container port 8080, but its Dockerfile (api/Dockerfile) only EXPOSEs 3000; map the port the application listens on.' }],
      output: null,
    },
    {
      name: 'a port the mounted nginx config does not listen on',
      code: compose('  nginx:\n    image: nginx:1.27\n    ports:\n      - "8443:8443"\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf\n'),
      files: { 'nginx/nginx.conf': NGINX },
      errors: [{ messageId: 'notListening', line: 5, column: 15, endLine: 5, endColumn: 19, message: 'Service "nginx" publishes container port 8443, but its mounted nginx config (nginx/nginx.conf) only listens on 80, 443; map one of those ports.' }],
      output: null,
    },
  ],
});
