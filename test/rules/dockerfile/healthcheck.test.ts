import rule from '../../../rules/dockerfile/healthcheck';
import { runRuleTests } from '../../helpers/rule-tester';

const OPTIONS = 'HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \\\n';
const NODE_PROBE = (port: number) =>
  JSON.stringify(['node', '-e', `require('http').get('http://localhost:${port}/health', (res) => process.exit(res.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))`]);

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:20-slim\nEXPOSE 3000\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n', inspected: ['image'] },
    'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot\nEXPOSE 8080\nHEALTHCHECK CMD ["/app", "healthcheck"]\n',
    { name: 'inherited from the stage the final stage builds on', code: 'FROM node:20 AS base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM base AS final\nEXPOSE 80\nCMD ["node"]\n', inspected: ['image'] },
    { name: 'HEALTHCHECK NONE is an explicit decision', code: 'FROM node:20\nEXPOSE 3000\nHEALTHCHECK NONE\nCMD ["node", "server.js"]\n', inspected: ['image'] },
    { name: 'HEALTHCHECK NONE inherited from a parent stage', code: 'FROM node:20 AS base\nHEALTHCHECK NONE\nFROM base\nEXPOSE 3000\n' },
    { name: 'a CLI tool: no port, no server', code: 'FROM alpine:3.20\nRUN apk add --no-cache jq\nCOPY script.jq /\nENTRYPOINT ["jq", "-f", "/script.jq"]\n', inspected: ['image?'] },
    { name: 'a job that runs a script', code: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n', inspected: ['image?'] },
    { name: 'a name that only contains the word', code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/observer.py"]\n', inspected: ['image?'] },
    {
      name: 'a base image: a packaged server with a docker-entrypoint wrapper (the postgres image)',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache postgresql\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nEXPOSE 5432\nCMD ["postgres"]\n',
      inspected: ['image?'],
    },
    {
      name: 'a base image: php-fpm with helper scripts in /usr/local/bin',
      code: 'FROM debian:bookworm-slim\nCOPY docker-php-source /usr/local/bin/\nCOPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/\nENTRYPOINT ["docker-php-entrypoint"]\nSTOPSIGNAL SIGQUIT\nEXPOSE 9000\nCMD ["php-fpm"]\n',
      inspected: ['image?'],
    },
    { name: 'a base image: modules added to the nginx image', code: 'FROM nginx:1.27.4-alpine\nENV NJS_VERSION 0.8.9\nRUN apk add --no-cache nginx-module-njs\n', inspected: ['image?'] },
    { name: 'a base image: ONBUILD triggers', code: 'FROM node:20\nONBUILD COPY . /app\nEXPOSE 3000\nCMD ["node", "/app/server.js"]\n', inspected: ['image?'] },
    {
      name: 'a Compose service that builds the image checks its health itself',
      code: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      files: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n    healthcheck:\n      test: ["CMD", "python3", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/\')"]\n' },
      inspected: ['image'],
    },
    {
      name: 'a Compose health check covers an image that EXPOSEs a port too',
      code: 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      files: { 'deploy/compose.yaml': 'services:\n  api:\n    build:\n      context: ..\n    healthcheck:\n      test: wget -qO- http://localhost:3000/health || exit 1\n' },
    },
    {
      name: 'a Compose service that switches the health check off has decided',
      code: 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    healthcheck:\n      disable: true\n' },
    },
    {
      name: 'a Compose service that publishes no port says nothing',
      code: 'FROM python:3.12-slim\nCOPY worker.py /app/\nCMD ["python", "/app/worker.py"]\n',
      files: { 'docker-compose.yml': 'services:\n  worker:\n    build: .\n' },
      inspected: ['image?'],
    },
    {
      name: 'a Compose service that builds another stage runs another image',
      code: 'FROM python:3.12-slim AS dev\nCOPY . /app\nFROM python:3.12-slim\nCOPY worker.py /app/\nCMD ["python", "/app/worker.py"]\n',
      files: { 'docker-compose.yml': 'services:\n  dev:\n    build:\n      context: .\n      target: dev\n    ports:\n      - "8000:8000"\n' },
    },
    {
      name: 'a Compose service whose build context a variable chooses is not followed',
      code: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      files: { 'docker-compose.yml': 'services:\n  web:\n    build: ${APP_DIR}\n    ports:\n      - "8000:8000"\n' },
    },
    { name: 'a fragment without FROM is still being written', code: 'EXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n', inspected: [] },
    { code: '', inspected: [] },
  ],
  invalid: [
    {
      name: 'EXPOSE on a slim image: the probe uses the node runtime, not curl',
      code: 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 18, message: 'The image exposes port 3000 but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes the service.' }],
      output: `FROM node:20-slim\nEXPOSE 3000\n${OPTIONS}  CMD ${NODE_PROBE(3000)}\nCMD ["node", "server.js"]\n`,
      inspected: ['image'],
    },
    {
      name: 'alpine has BusyBox wget; inserted before ENTRYPOINT',
      code: 'FROM python:3.12-alpine\nEXPOSE 8000\nENTRYPOINT ["gunicorn"]\nCMD ["app:app"]\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 24 }],
      output: `FROM python:3.12-alpine\nEXPOSE 8000\n${OPTIONS}  CMD wget -qO- http://localhost:8000/health || exit 1\nENTRYPOINT ["gunicorn"]\nCMD ["app:app"]\n`,
    },
    {
      name: 'a full Debian-based image has curl',
      code: 'FROM node:20\nCOPY . /app\nEXPOSE 3000\nCMD ["node", "/app/server.js"]\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 13 }],
      output: `FROM node:20\nCOPY . /app\nEXPOSE 3000\n${OPTIONS}  CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "/app/server.js"]\n`,
    },
    {
      name: 'curl installed by the Dockerfile is used',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY server /srv/server\nEXPOSE 8080\nCMD ["/srv/server"]\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 20 }],
      output: `FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY server /srv/server\nEXPOSE 8080\n${OPTIONS}  CMD curl -f http://localhost:8080/health || exit 1\nCMD ["/srv/server"]\n`,
    },
    {
      name: 'python on a slim image: the probe uses python',
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
      errors: [{ messageId: 'server', line: 1, column: 1, endLine: 1, endColumn: 22, message: 'The image runs gunicorn, a server, but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes it.' }],
      output: `FROM python:3.12-slim\nCOPY . /app\n${OPTIONS}  CMD ${JSON.stringify(['python3', '-c', "import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=3)"])}\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n`,
    },
    {
      name: 'a bare Debian image has neither curl nor wget: no fix',
      code: 'FROM debian:12-slim\nCOPY server /srv/server\nEXPOSE 8080\nCMD ["/srv/server"]\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 20 }],
      output: null,
    },
    {
      name: 'only a build stage has one; appended at the end with CRLF',
      code: 'FROM node:20 AS build\r\nHEALTHCHECK CMD true\r\nFROM nginx:1.27\r\nCOPY --from=build /app/dist /usr/share/nginx/html\r\nEXPOSE 80/tcp',
      errors: [{ messageId: 'exposed', line: 3, column: 1, endLine: 3, endColumn: 16 }],
      output:
        'FROM node:20 AS build\r\nHEALTHCHECK CMD true\r\nFROM nginx:1.27\r\nCOPY --from=build /app/dist /usr/share/nginx/html\r\nEXPOSE 80/tcp\r\nHEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \\\r\n  CMD curl -f http://localhost:80/health || exit 1\r\n',
    },
    {
      name: 'content served by the nginx image it builds on',
      code: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n',
      errors: [{ messageId: 'serverImage', line: 1, column: 1, endLine: 1, endColumn: 23, message: 'The image builds on nginx, which runs a server, but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes it.' }],
      output: `FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n${OPTIONS}  CMD curl -f http://localhost:80/health || exit 1\n`,
    },
    {
      name: 'a database server: no HTTP probe is guessed',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache redis\nCOPY redis.conf /etc/redis.conf\nCMD ["redis-server", "/etc/redis.conf"]\n',
      errors: [{ messageId: 'server', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: null,
    },
    {
      name: 'a server command without EXPOSE: its default HTTP port',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\nCMD ["nginx", "-g", "daemon off;"]\n',
      errors: [{ messageId: 'server', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: `FROM alpine:3.20\nRUN apk add --no-cache nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\n${OPTIONS}  CMD wget -qO- http://localhost:80/health || exit 1\nCMD ["nginx", "-g", "daemon off;"]\n`,
    },
    {
      name: 'a script named server',
      code: 'FROM node:20-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ messageId: 'server', line: 1, column: 1, endLine: 1, endColumn: 20, message: 'The image runs server.js, a server, but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes it.' }],
      output: `FROM node:20-alpine\nCOPY . /app\n${OPTIONS}  CMD wget -qO- http://localhost:8080/health || exit 1\nCMD ["node", "/app/server.js"]\n`,
    },
    {
      name: 'a server started through an init process',
      code: 'FROM python:3.12-alpine\nCOPY . /app\nENTRYPOINT ["/sbin/tini", "-s", "--", "uvicorn", "app:app", "--port", "8080"]\n',
      errors: [{ messageId: 'server', line: 1, column: 1, endLine: 1, endColumn: 24, message: 'The image runs uvicorn, a server, but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes it.' }],
      output: `FROM python:3.12-alpine\nCOPY . /app\n${OPTIONS}  CMD wget -qO- http://localhost:8080/health || exit 1\nENTRYPOINT ["/sbin/tini", "-s", "--", "uvicorn", "app:app", "--port", "8080"]\n`,
    },
    {
      name: 'a database port: an HTTP probe would be wrong, so no fix',
      code: 'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\nEXPOSE 5432\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: null,
    },
    {
      name: 'init scripts of its own for the postgres image',
      code: 'FROM postgres:16\nCOPY schema.sql /docker-entrypoint-initdb.d/\n',
      errors: [{ messageId: 'serverImage', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: null,
    },
    {
      name: 'a Compose service builds the image and publishes a port (the workspace runs it as a service)',
      code: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      files: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports:\n      - "127.0.0.1:8000:8000"\n' },
      errors: [{ messageId: 'compose', line: 1, column: 1, endLine: 1, endColumn: 22, message: 'Compose service web in docker-compose.yml runs this image and publishes port 8000, but neither declares a health check, so a hung container still looks healthy; add a HEALTHCHECK that probes it.' }],
      output: `FROM python:3.12-slim\nCOPY app.py /app/\n${OPTIONS}  CMD ${JSON.stringify(['python3', '-c', "import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=3)"])}\nCMD ["python", "/app/app.py"]\n`,
      inspected: ['image'],
    },
    {
      name: 'packages added to the postgres image are a base image, unless Compose deploys it as it is; no HTTP probe for a database',
      code: 'FROM postgres:16\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql-16-postgis-3 && rm -rf /var/lib/apt/lists/*\n',
      files: { 'ops/docker-compose.prod.yml': 'services:\n  db:\n    build:\n      context: ..\n      dockerfile: Dockerfile\n    ports:\n      - target: 5432\n        published: 5432\n' },
      errors: [{ messageId: 'serverImage', line: 1, column: 1, endLine: 1, endColumn: 17, message: 'The image builds on postgres, which runs a server, but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes it.' }],
      output: null,
    },
    {
      name: 'one Compose service checks its health, another that publishes a port does not',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /out/api ./cmd/api\nFROM alpine:3.20\nCOPY --from=build /out/api /usr/local/bin/api\nCMD ["api"]\n',
      files: {
        'compose.yaml': 'services:\n  api:\n    build: .\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/healthz"]\n  api-public:\n    build: .\n    ports:\n      - "80:8080"\n',
      },
      errors: [{ messageId: 'compose', line: 3, column: 1, endLine: 3, endColumn: 17 }],
      output: `FROM golang:1.22 AS build\nRUN go build -o /out/api ./cmd/api\nFROM alpine:3.20\nCOPY --from=build /out/api /usr/local/bin/api\n${OPTIONS}  CMD wget -qO- http://localhost:8080/health || exit 1\nCMD ["api"]\n`,
    },
    {
      name: 'a Delve debug server speaks no HTTP: no probe is guessed (corpus: argo-cd Dockerfile.tilt)',
      code: 'FROM golang:1.24\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCOPY dist/app /app\nENTRYPOINT ["/usr/bin/tini", "-s", "--", "dlv", "exec", "--continue", "--headless", "--listen=:2345", "/app"]\n',
      errors: [{ messageId: 'server', line: 1, column: 1, endLine: 1, endColumn: 17, message: 'The image runs dlv, a server, but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes it.' }],
      output: null,
    },
    {
      name: 'SOCKS and gRPC ports get no HTTP probe (corpus: tor-proxy, microservices-demo)',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache tor\nCOPY torrc /etc/tor/torrc\nEXPOSE 9050\nCMD ["tor", "-f", "/etc/tor/torrc"]\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: null,
    },
    {
      name: 'the conventional gRPC port',
      code: 'FROM node:20-alpine\nCOPY . /app\nEXPOSE 50051\nCMD ["node", "/app/index.js"]\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 20 }],
      output: null,
    },
    {
      name: 'distroless: reported without a guessed fix',
      code: 'FROM gcr.io/distroless/nodejs20-debian12\nCOPY . /app\nEXPOSE 3000\nCMD ["server.js"]\n',
      errors: [{ messageId: 'exposed', line: 1, column: 1, endLine: 1, endColumn: 41 }],
      output: null,
    },
  ],
});
