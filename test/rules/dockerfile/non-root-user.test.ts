import rule from '../../../rules/dockerfile/non-root-user';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'FROM node:20-alpine\nUSER node\nCMD ["node", "server.js"]\n',
    'FROM golang:1.22 AS build\nRUN go build ./...\nFROM gcr.io/distroless/static:nonroot\nUSER 65532:65532\n',
    { name: 'root in a build stage only', code: 'FROM node:20 AS build\nUSER root\nRUN npm ci\nFROM node:20-slim\nUSER 1000\n' },
    { name: 'scratch images have no users', code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'the user is inherited from the stage it builds on', code: 'FROM node:20-alpine AS base\nUSER node\nFROM base\nCMD ["node", "server.js"]\n' },
    '',
  ],
  invalid: [
    {
      name: 'no USER, alpine family, CMD present',
      code: 'FROM node:20-alpine\nWORKDIR /app\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 20 }],
      output: 'FROM node:20-alpine\nWORKDIR /app\nRUN addgroup -S app && adduser -S -G app -u 10001 app\nUSER app\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'no USER, debian family, ENTRYPOINT before CMD',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["python"]\nCMD ["app.py"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 22 }],
      output:
        'FROM python:3.12-slim\nRUN groupadd --system app && useradd --system --gid app --uid 10001 --no-create-home app\nUSER app\nENTRYPOINT ["python"]\nCMD ["app.py"]\n',
    },
    {
      name: 'no CMD: appended at the end',
      code: 'FROM alpine:3.20\nRUN echo hi',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: 'FROM alpine:3.20\nRUN echo hi\nRUN addgroup -S app && adduser -S -G app -u 10001 app\nUSER app\n',
    },
    {
      name: 'last USER is root',
      code: 'FROM node:20\nUSER node\nUSER root\nCMD ["node"]\n',
      errors: [{ messageId: 'root', line: 3, column: 6, endLine: 3, endColumn: 10, message: 'The last USER of the final stage is root, so the container runs as root; switch to a non-root user.' }],
      output: null,
    },
    {
      name: 'root inherited from the stage it builds on',
      code: 'FROM node:20 AS base\nUSER root\nRUN npm ci\nFROM base\nCMD ["node"]\n',
      errors: [{ messageId: 'inheritedRoot', line: 4, column: 6, endLine: 4, endColumn: 10, message: 'The final stage inherits USER root from stage base, so the container runs as root; add a non-root USER.' }],
      output: 'FROM node:20 AS base\nUSER root\nRUN npm ci\nFROM base\nRUN groupadd --system app && useradd --system --gid app --uid 10001 --no-create-home app\nUSER app\nCMD ["node"]\n',
    },
    {
      name: 'uid 0 with group',
      code: 'FROM node:20\nUSER 0:0\n',
      errors: [{ messageId: 'root', line: 2, column: 6, endLine: 2, endColumn: 9 }],
      output: null,
    },
  ],
});
