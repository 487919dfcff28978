import rule from '../../../rules/dockerfile/healthcheck';
import { runRuleTests } from '../../helpers/rule-tester';

const OPTIONS = 'HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \\\n';

runRuleTests(rule, {
  valid: [
    'FROM node:20-slim\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n',
    'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot\nHEALTHCHECK CMD ["/app", "healthcheck"]\n',
    { name: 'inherited from a parent stage', code: 'FROM node:20 AS base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM base AS final\nCMD ["node"]\n' },
    { name: 'NONE overridden later', code: 'FROM node:20\nHEALTHCHECK NONE\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    '',
  ],
  invalid: [
    {
      name: 'missing, debian family, EXPOSE gives the port',
      code: 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 18 }],
      output: `FROM node:20-slim\nEXPOSE 3000\n${OPTIONS}  CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n`,
    },
    {
      name: 'missing, alpine uses wget, default port, inserted before ENTRYPOINT',
      code: 'FROM python:3.12-alpine\nENTRYPOINT ["python"]\nCMD ["app.py"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 24 }],
      output: `FROM python:3.12-alpine\n${OPTIONS}  CMD wget -qO- http://localhost:8080/health || exit 1\nENTRYPOINT ["python"]\nCMD ["app.py"]\n`,
    },
    {
      name: 'only a build stage has one; appended at the end with CRLF',
      code: 'FROM node:20 AS build\r\nHEALTHCHECK CMD true\r\nFROM nginx:1.27\r\nEXPOSE 80/tcp',
      errors: [{ messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 16 }],
      output:
        'FROM node:20 AS build\r\nHEALTHCHECK CMD true\r\nFROM nginx:1.27\r\nEXPOSE 80/tcp\r\nHEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \\\r\n  CMD curl -f http://localhost:80/health || exit 1\r\n',
    },
    {
      name: 'HEALTHCHECK NONE is replaced',
      code: 'FROM node:20\nHEALTHCHECK NONE\nCMD ["node"]\n',
      errors: [{ messageId: 'disabled', line: 2, column: 13, endLine: 2, endColumn: 17 }],
      output: `FROM node:20\n${OPTIONS}  CMD curl -f http://localhost:8080/health || exit 1\nCMD ["node"]\n`,
    },
    {
      name: 'distroless: reported without a guessed fix',
      code: 'FROM gcr.io/distroless/nodejs20-debian12\nCMD ["server.js"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 41 }],
      output: null,
    },
  ],
});
