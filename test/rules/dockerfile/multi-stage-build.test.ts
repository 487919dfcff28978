import rule from '../../../rules/dockerfile/multi-stage-build';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build /app/dist ./dist\n', inspected: ['image'] },
    { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n', inspected: [] },
    {
      name: 'apk del .build-deps in the RUN that builds (the postgres image)',
      code: 'FROM alpine:3.20\nRUN set -eux; apk add --no-cache --virtual .build-deps gcc make; ./configure; make -j "$(nproc)"; make install; apk del --no-network .build-deps; rm -rf /usr/src/postgresql\n',
      inspected: ['image'],
    },
    {
      name: 'apt-get purge and rm -rf /usr/src (the python image)',
      code: 'FROM debian:bookworm-slim\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends gcc make; cd /usr/src/python; ./configure; make -j "$(nproc)"; make install; cd /; rm -rf /usr/src/python; apt-get purge -y --auto-remove; rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'docker-php-source delete (the php image)',
      code: 'FROM debian:bookworm-slim\nRUN docker-php-source extract; cd /usr/src/php; ./configure; make -j "$(nproc)"; make install; docker-php-source delete\n',
    },
    { name: 'a build inside a sub-shell, cleaned up after it', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps g++ make && ( cd curl && ./configure && make && make install ) && rm -r curl && apk del .build-deps\n' },
    { name: 'make install with no configure step compiles nothing', code: 'FROM debian:12-slim\nRUN git clone https://example.com/tests.git /src && cd /src && make install\n', inspected: [] },
    { name: 'a fragment without FROM may still grow a runtime stage', code: 'RUN go build -o /app\n', inspected: [] },
    { name: 'other npm scripts', code: 'FROM node:20\nRUN npm ci && npm run lint && npm test\n' },
    { name: 'words that only look like builds', code: 'FROM alpine:3.20\nRUN echo go build && mkdir build\n' },
    '',
  ],
  invalid: [
    {
      name: 'npm run build',
      code: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n',
      errors: [{ messageId: 'singleStage', line: 3, column: 15, endLine: 3, endColumn: 28, message: 'This single-stage Dockerfile builds the application here, so the toolchain and sources ship in the image; build in a separate stage and COPY --from it only the output.' }],
      output: null,
    },
    {
      name: 'go build over continuation lines, first build only',
      code: 'FROM golang:1.22\nRUN CGO_ENABLED=0 go build \\\n    -o /app ./cmd/server\nRUN go build ./cmd/worker\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 5, endLine: 3, endColumn: 25 }],
      output: null,
    },
    {
      name: 'maven wrapper with options',
      code: 'FROM eclipse-temurin:21\nRUN ./mvnw -B -DskipTests clean package\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 5, endLine: 2, endColumn: 40 }],
      output: null,
    },
    {
      name: 'yarn build:prod',
      code: 'FROM ubuntu:24.04\nRUN yarn build:prod\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 5, endLine: 2, endColumn: 20 }],
      output: null,
    },
    {
      name: 'make in a heredoc',
      code: 'FROM debian:12\nRUN <<EOF\n./configure\nmake -j4\nEOF\n',
      errors: [{ messageId: 'singleStage', line: 4, column: 1, endLine: 4, endColumn: 9 }],
      output: null,
    },
    {
      name: 'dotnet publish',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet restore && dotnet publish -c Release -o /out\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 23, endLine: 2, endColumn: 56 }],
      output: null,
    },
    {
      name: 'npx tsc',
      code: 'FROM node:20\nRUN npx tsc -p .\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 5, endLine: 2, endColumn: 17 }],
      output: null,
      inspected: ['image'],
    },
    {
      name: 'clean-up in a later RUN leaves the toolchain in an earlier layer',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y gcc make\nRUN ./configure && make && make install\nRUN apt-get purge -y gcc make\n',
      errors: [{ messageId: 'singleStage', line: 3, column: 20, endLine: 3, endColumn: 24 }],
      output: null,
    },
    {
      name: 'make install after configure compiles',
      code: 'FROM debian:12-slim\nRUN ./configure --prefix=/usr && make install\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 34, endLine: 2, endColumn: 46 }],
      output: null,
    },
  ],
});
