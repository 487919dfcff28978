import rule from '../../../rules/dockerfile/package-cache';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk --no-cache add git\n', inspected: ['instruction', 'instruction'] },
    'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt && python -m pip install --no-cache-dir uv\n',
    { name: 'PIP_NO_CACHE_DIR set in a parent stage', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n' },
    { name: 'cache mounts', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nRUN --mount=type=cache,target=/var/cache/apk apk add git\n' },
    { name: 'npm install without a copied lockfile', code: 'FROM node:20\nCOPY package.json ./\nRUN npm install\n' },
    { name: 'npm install of named packages or globally', code: 'FROM node:20\nCOPY package*.json ./\nRUN npm install express && npm install -g pm2\n' },
    { name: 'lockfile copied after the install', code: 'FROM node:20\nRUN npm install\nCOPY package-lock.json ./\n' },
    { name: 'apt-get dist-clean', code: 'FROM debian:trixie\nRUN apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean\n' },
    { name: 'caches in a discarded build stage', code: 'FROM python:3.12 AS build\nRUN apt-get update && apt-get install -y gcc && pip install --prefix=/install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\n' },
    { name: 'apk cache removed by hand', code: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n' },
    { name: 'a cache mount on the apt lists themselves (hadolint DL3009)', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    { name: 'a tmpfs on the apk cache', code: 'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk/ apk add git\n' },
    { name: 'aptitude is apt too, cleaned up', code: 'FROM debian:12\nRUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*\n', inspected: ['instruction'] },
    { name: 'nothing installed', code: 'FROM debian:12\nRUN echo hi\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'a backquoted command left open at the end of the RUN: no fix, it would land inside it (fuzz seed 11)',
      code: 'FROM debian:12\nRUN apt-get install -y `\n',
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 25 }],
      output: null,
    },
    {
      name: 'a comment line inside a continued RUN is dropped by Docker: its quote does not close the one above (fuzz seed 12)',
      code: "FROM debian:12\nRUN apt-get install -y curl && echo 'installed \\\n# jq's gone\n    curl'\n",
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 28 }],
      output: "FROM debian:12\nRUN apt-get install -y curl && echo 'installed \\\n# jq's gone\n    curl' && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: 'a lone CR ends no line for Docker: the "#" after an escaped CR starts no comment line and its quote stays open: no fix (fuzz seed 18)',
      code: 'FROM debian:12\nRUN apt-get install -y curl \\\r# "\n',
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 4, endColumn: 1 }],
      output: null,
    },
    {
      name: 'a $( substitution left open at the end of the RUN: no fix (fuzz seed 13)',
      code: 'FROM debian:12\nRUN apt-get install -y $(\n',
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 26 }],
      output: null,
    },
    {
      name: 'a $( with a nested ( left open: no fix (fuzz seed 14)',
      code: 'FROM debian:12\nRUN apt-get install -y $(""(\n',
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 29 }],
      output: null,
    },
    {
      name: 'a closed $( substitution with parentheses inside quotes: the fix goes at the end',
      code: 'FROM debian:12\nRUN apt-get install -y $(grep -v "(dev)" packages.txt)\n',
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 55 }],
      output: 'FROM debian:12\nRUN apt-get install -y $(grep -v "(dev)" packages.txt) && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a closed backquoted command: the fix goes after it',
      code: 'FROM debian:12\nRUN apt-get install -y `cat packages.txt`\n',
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 42 }],
      output: 'FROM debian:12\nRUN apt-get install -y `cat packages.txt` && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apk add',
      code: 'FROM alpine:3.20\nRUN apk update && apk add --virtual .deps curl\n',
      errors: [{ messageId: 'apk', line: 2, column: 19, endLine: 2, endColumn: 47, message: 'apk add keeps its package index in the layer; add --no-cache.' }],
      output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache --virtual .deps curl\n',
    },
    {
      name: 'apt without clean-up: two installs, one fix at the end of the RUN',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && \\\n    apt-get install -y jq   # tools\n',
      errors: [
        { messageId: 'apt', line: 2, column: 23, endLine: 2, endColumn: 46, message: 'apt-get install leaves the apt package lists in the layer; remove /var/lib/apt/lists/* at the end of the same RUN.' },
        { messageId: 'apt', line: 3, column: 5, endLine: 3, endColumn: 26 },
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && \\\n    apt-get install -y jq && rm -rf /var/lib/apt/lists/*   # tools\n',
    },
    {
      name: 'clean-up in another RUN does not count',
      code: 'FROM ubuntu:24.04\nRUN apt install -y git\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 23, message: 'apt install leaves the apt package lists in the layer; remove /var/lib/apt/lists/* at the end of the same RUN.' }],
      output: 'FROM ubuntu:24.04\nRUN apt install -y git && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'pip and python -m pip',
      code: 'FROM python:3.12-slim\nRUN pip3 install -r requirements.txt\nRUN python3 -m pip install --upgrade pip\n',
      errors: [
        { messageId: 'pip', line: 2, column: 5, endLine: 2, endColumn: 37 },
        { messageId: 'pip', line: 3, column: 5, endLine: 3, endColumn: 41 },
      ],
      output: 'FROM python:3.12-slim\nRUN pip3 install --no-cache-dir -r requirements.txt\nRUN python3 -m pip install --no-cache-dir --upgrade pip\n',
    },
    {
      name: 'npm install with a copied lockfile',
      code: 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev\n',
      errors: [{ messageId: 'npm', line: 4, column: 5, endLine: 4, endColumn: 27 }],
      output: 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
    },
    {
      name: 'npm install is checked in build stages too',
      code: 'FROM node:20 AS build\nCOPY package-lock.json package.json ./\nRUN npm install && npm run build\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html\n',
      errors: [{ messageId: 'npm', line: 3, column: 5, endLine: 3, endColumn: 16, message: 'npm install may rewrite the copied lockfile and install other versions than it pins; use npm ci.' }],
      output: 'FROM node:20 AS build\nCOPY package-lock.json package.json ./\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html\n',
    },
    {
      name: 'npm i after COPY package*.json in a parent stage',
      code: 'FROM node:20 AS deps\nCOPY package*.json ./\nFROM deps\nRUN npm i\n',
      errors: [{ messageId: 'npm', line: 4, column: 5, endLine: 4, endColumn: 10 }],
      output: 'FROM node:20 AS deps\nCOPY package*.json ./\nFROM deps\nRUN npm ci\n',
    },
    {
      name: 'a cache mount on the wrong directory does not count',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add git\n',
      errors: [{ messageId: 'apk', line: 2, column: 46, endLine: 2, endColumn: 57 }],
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache git\n',
      inspected: ['instruction'],
    },
    {
      name: 'apt needs mounts on both /var/cache/apt and /var/lib/apt',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y jq\n',
      errors: [
        { messageId: 'apt', line: 2, column: 64, endLine: 2, endColumn: 87 },
        { messageId: 'apt', line: 3, column: 62, endLine: 3, endColumn: 83 },
      ],
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'aptitude is apt too',
      code: 'FROM debian:12\nRUN aptitude update && aptitude install -y curl\n',
      errors: [{ messageId: 'apt', line: 2, column: 24, endLine: 2, endColumn: 48, message: 'aptitude install leaves the apt package lists in the layer; remove /var/lib/apt/lists/* at the end of the same RUN.' }],
      output: 'FROM debian:12\nRUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'exec form: the option is added as a JSON string',
      code: 'FROM python:3.12-slim\nRUN ["pip", "install", "flask"]\n',
      errors: [{ messageId: 'pip', line: 2, column: 6, endLine: 2, endColumn: 31 }],
      output: 'FROM python:3.12-slim\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n',
    },
  ],
});
