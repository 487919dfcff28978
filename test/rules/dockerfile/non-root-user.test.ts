import rule from '../../../rules/dockerfile/non-root-user';
import { runRuleTests } from '../../helpers/rule-tester';

const ADD_DEBIAN_USER = 'RUN groupadd --system app && useradd --system --gid app --uid 10001 --no-create-home app\nUSER app\n';

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:20-alpine\nUSER node\nCMD ["node", "server.js"]\n', inspected: ['image'] },
    'FROM golang:1.22 AS build\nRUN go build ./...\nFROM gcr.io/distroless/static:nonroot\nUSER 65532:65532\n',
    { name: 'root in a build stage only', code: 'FROM node:20 AS build\nUSER root\nRUN npm ci\nFROM node:20-slim\nUSER 1000\n' },
    { name: 'scratch without a USER is looked at, not judged', code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n', inspected: ['image?'] },
    { name: 'the user is inherited from the stage it builds on', code: 'FROM node:20-alpine AS base\nUSER node\nFROM base\nCMD ["node", "server.js"]\n', inspected: ['image'] },
    { name: 'switching back to a non-root user clears USER root', code: 'FROM node:20\nUSER root\nRUN apt-get update\nUSER node\nCMD ["node", "server.js"]\n' },
    { name: 'distroless :nonroot sets a non-root user', code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', inspected: ['image'] },
    { name: 'Chainguard and nginx-unprivileged images run as non-root', code: 'FROM cgr.dev/chainguard/node:latest\nCOPY . /app\nCMD ["server.js"]\n' },
    'FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY site /usr/share/nginx/html\n',
    {
      name: 'a base image: an interpreter on a bare OS image (the python image)',
      code: 'FROM debian:bookworm-slim\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends python3; rm -rf /var/lib/apt/lists/*\nCMD ["python3"]\n',
      inspected: ['image?'],
    },
    {
      name: 'a base image: a packaged server with a docker-entrypoint wrapper (the nginx image)',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*\nCOPY docker-entrypoint.sh /\nCOPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d\nENTRYPOINT ["/docker-entrypoint.sh"]\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
      inspected: ['image?'],
    },
    { name: 'a base image: ONBUILD triggers', code: 'FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm ci\nCMD ["node", "/app/server.js"]\n', inspected: ['image?'] },
    { name: 'a base image: packages added to another image', code: 'FROM nginx:1.27-alpine\nRUN apk add --no-cache nginx-mod-http-perl\n', inspected: ['image?'] },
    { name: 'USER from a variable the file gives no value', code: 'FROM node:20\nARG APP_USER\nUSER $APP_USER\nCMD ["node", "server.js"]\n', inspected: ['image?'] },
    { name: 'USER from an ENV the file sets', code: 'FROM node:20\nENV APP_USER=node\nUSER ${APP_USER}\nCMD ["node", "server.js"]\n', inspected: ['image'] },
    { name: 'an image an ARG leaves open', code: 'ARG BASE\nFROM $BASE\nCOPY app /app\nCMD ["/app/run"]\n', inspected: ['image?'] },
    { name: 'a fragment without FROM may still switch user', code: 'RUN apt-get update\nCMD ["node"]\n', inspected: [] },
    { code: '', inspected: [] },
  ],
  invalid: [
    {
      name: 'no USER, alpine family, CMD present',
      code: 'FROM node:20-alpine\nWORKDIR /app\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 20 }],
      output: 'FROM node:20-alpine\nWORKDIR /app\nRUN addgroup -S app && adduser -S -G app -u 10001 app\nUSER app\nCMD ["node", "server.js"]\n',
      inspected: ['image'],
    },
    {
      name: 'no USER, debian family, ENTRYPOINT before CMD',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["python"]\nCMD ["app.py"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 22 }],
      output: `FROM python:3.12-slim\n${ADD_DEBIAN_USER}ENTRYPOINT ["python"]\nCMD ["app.py"]\n`,
    },
    {
      name: 'no CMD: appended at the end',
      code: 'FROM alpine:3.20\nRUN echo hi',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: 'FROM alpine:3.20\nRUN echo hi\nRUN addgroup -S app && adduser -S -G app -u 10001 app\nUSER app\n',
    },
    {
      name: 'an app that creates a user but never switches to it',
      code: 'FROM debian:12-slim\nRUN useradd app\nCOPY server /usr/local/bin/server\nCMD ["server"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 20 }],
      output: `FROM debian:12-slim\nRUN useradd app\nCOPY server /usr/local/bin/server\n${ADD_DEBIAN_USER}CMD ["server"]\n`,
    },
    {
      name: 'last USER is root',
      code: 'FROM node:20\nUSER node\nUSER root\nCMD ["node"]\n',
      errors: [{ messageId: 'root', line: 3, column: 6, endLine: 3, endColumn: 10, message: 'The last USER of the final stage is root, so the container runs as root; switch to a non-root user.' }],
      output: null,
      inspected: ['image'],
    },
    {
      name: 'USER root:root',
      code: 'FROM node:20\nUSER root:root\nCMD ["node"]\n',
      errors: [{ messageId: 'root', line: 2, column: 6, endLine: 2, endColumn: 15 }],
      output: null,
    },
    {
      name: 'USER root on scratch',
      code: 'FROM scratch\nCOPY app /app\nUSER root\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'root', line: 3, column: 6, endLine: 3, endColumn: 10 }],
      output: null,
    },
    {
      name: 'USER root even where the entrypoint could drop privileges',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache su-exec\nUSER root\nENTRYPOINT ["su-exec", "app", "/app"]\n',
      errors: [{ messageId: 'root', line: 3, column: 6, endLine: 3, endColumn: 10 }],
      output: null,
    },
    {
      name: 'USER root in a fragment without FROM',
      code: 'RUN apt-get update\nUSER root\n',
      errors: [{ messageId: 'root', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
      inspected: ['image'],
    },
    {
      name: 'root inherited from the stage it builds on',
      code: 'FROM node:20 AS base\nUSER root\nRUN npm ci\nFROM base\nCMD ["node"]\n',
      errors: [{ messageId: 'inheritedRoot', line: 4, column: 6, endLine: 4, endColumn: 10, message: 'The final stage inherits USER root from stage base, so the container runs as root; add a non-root USER.' }],
      output: `FROM node:20 AS base\nUSER root\nRUN npm ci\nFROM base\n${ADD_DEBIAN_USER}CMD ["node"]\n`,
    },
    {
      name: 'uid 0 with group',
      code: 'FROM node:20\nUSER 0:0\n',
      errors: [{ messageId: 'root', line: 2, column: 6, endLine: 2, endColumn: 9 }],
      output: null,
    },
    {
      name: 'an entrypoint that drops privileges with gosu (the postgres image): information, no fix',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nCOPY app /srv/app\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["/srv/app/run"]\n',
      errors: [{ messageId: 'dropsPrivileges', line: 5, column: 1, endLine: 5, endColumn: 36, message: 'The container starts as root and drops to another user with gosu, so everything before the switch runs as root and Kubernetes runAsNonRoot rejects the image; prefer a USER where the image allows it.' }],
      output: null,
      inspected: ['image'],
    },
    {
      name: 'setpriv behind tini',
      code: 'FROM debian:12-slim\nCOPY app /app\nENTRYPOINT ["tini", "--", "setpriv", "--reuid=1000", "--regid=1000", "--init-groups", "/app/server"]\n',
      errors: [{ messageId: 'dropsPrivileges', line: 3, column: 1, endLine: 3, endColumn: 101 }],
      output: null,
    },
    {
      name: 'a command that runs su-exec',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache su-exec\nCOPY app /app\nCMD ["su-exec", "app", "/app/server"]\n',
      errors: [{ messageId: 'dropsPrivileges', line: 4, column: 1, endLine: 4, endColumn: 38 }],
      output: null,
    },
    {
      name: 'gosu without a user and a command drops nothing (checkov CKV_DOCKER_3)',
      code: 'FROM debian:12-slim\nCOPY app /app\nENTRYPOINT ["gosu"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 20 }],
      output: `FROM debian:12-slim\nCOPY app /app\n${ADD_DEBIAN_USER}ENTRYPOINT ["gosu"]\n`,
    },
    {
      name: 'uid 0 in other spellings Docker accepts (KICS)',
      code: 'FROM alpine:3.20\nUSER +0:wheel\n',
      errors: [{ messageId: 'root', line: 2, column: 6, endLine: 2, endColumn: 14 }],
      output: null,
    },
    {
      name: 'USER from a variable whose default is root',
      code: 'FROM node:20\nARG RUN_AS=root\nUSER ${RUN_AS}\nCMD ["node"]\n',
      errors: [{ messageId: 'root', line: 3, column: 6, endLine: 3, endColumn: 15 }],
      output: null,
    },
    {
      name: 'distroless without :nonroot runs as root',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 39 }],
      output: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
  ],
});
