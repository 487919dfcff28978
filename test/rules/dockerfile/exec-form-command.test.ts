import rule from '../../../rules/dockerfile/exec-form-command';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]\n',
    'FROM python:3.12\nENTRYPOINT ["gunicorn", "app:app"]\nCMD []\n',
    { name: 'exec form over continuation lines', code: 'FROM node:20\nCMD ["node", \\\n     "server.js"]\n' },
    { name: 'HEALTHCHECK CMD in the shell form is normal where there is a shell', code: 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["node"]\n', inspected: ['instruction', 'instruction'] },
    { name: 'HEALTHCHECK CMD in the exec form on distroless', code: 'FROM gcr.io/distroless/static:nonroot\nHEALTHCHECK CMD ["/app", "health"]\nENTRYPOINT ["/app"]\n' },
    { name: 'the shell form on a distroless :debug image has BusyBox sh', code: 'FROM gcr.io/distroless/base:debug\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\n' },
    { name: '`exec` hands PID 1 to the program, which gets the signals', code: 'FROM node:20\nENTRYPOINT exec node server.js > /var/log/app.log\nCMD exec sh -c "trap : TERM INT; sleep infinity"\n' },
    { name: 'HEALTHCHECK NONE has no command', code: 'FROM node:20\nHEALTHCHECK NONE\n', inspected: [] },
    { code: 'FROM node:20\nRUN npm ci\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'simple shell form',
      code: 'FROM node:20\nCMD npm start\n',
      errors: [{ messageId: 'shell', line: 2, column: 5, endLine: 2, endColumn: 14, message: 'CMD uses the shell form, so the process runs under /bin/sh and may never receive SIGTERM; write it as a JSON array (exec form).' }],
      output: 'FROM node:20\nCMD ["npm", "start"]\n',
    },
    {
      name: 'quotes are honoured, trailing blanks kept',
      code: "FROM python:3.12\nENTRYPOINT gunicorn --bind '0.0.0.0:8000' \"app:create_app()\"  \n",
      errors: [{ messageId: 'shell', line: 2, column: 12, endLine: 2, endColumn: 61 }],
      output: 'FROM python:3.12\nENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:8000", "app:create_app()"]  \n',
    },
    {
      name: 'continuation lines',
      code: 'FROM node:20\nCMD node \\\n    dist/main.js\n',
      errors: [{ messageId: 'shell', line: 2, column: 5, endLine: 3, endColumn: 17 }],
      output: 'FROM node:20\nCMD ["node", "dist/main.js"]\n',
    },
    {
      name: 'shell features: no fix',
      code: 'FROM node:20\nCMD npm run migrate && node server.js --port $PORT\nENTRYPOINT node server.js > /var/log/app.log\n',
      errors: [
        { messageId: 'shell', line: 2, column: 5, endLine: 2, endColumn: 51 },
        { messageId: 'shell', line: 3, column: 12, endLine: 3, endColumn: 45, message: 'ENTRYPOINT uses the shell form, so the process runs under /bin/sh and may never receive SIGTERM; write it as a JSON array (exec form).' },
      ],
      output: null,
      inspected: ['instruction', 'instruction'],
    },
    {
      name: 'every CMD of the shipped stages is read, also one a later CMD overrides; a build stage\'s is not (KICS)',
      code: 'FROM node:20 AS build\nCMD npm test\nFROM node:20\nCMD npm start\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'shell', line: 4, column: 5, endLine: 4, endColumn: 14 }],
      output: 'FROM node:20 AS build\nCMD npm test\nFROM node:20\nCMD ["npm", "start"]\nCMD ["node", "server.js"]\n',
      inspected: ['instruction', 'instruction'],
    },
    {
      name: 'a stage the final stage builds on is shipped',
      code: 'FROM node:20 AS base\nCMD npm start\nFROM base\nRUN npm ci\n',
      errors: [{ messageId: 'shell', line: 2, column: 5, endLine: 2, endColumn: 14 }],
      output: 'FROM node:20 AS base\nCMD ["npm", "start"]\nFROM base\nRUN npm ci\n',
    },
    {
      name: 'HEALTHCHECK CMD with a single-quoted array is not JSON',
      code: "FROM node:20\nHEALTHCHECK --interval=10s CMD ['curl', '-f', 'http://localhost/']\n",
      errors: [{ messageId: 'malformed', line: 2, column: 32, endLine: 2, endColumn: 67, message: 'HEALTHCHECK CMD looks like the exec form but is not valid JSON, so Docker runs the text through /bin/sh; write a JSON array with double-quoted strings.' }],
      output: null,
      inspected: ['instruction'],
    },
    {
      name: 'HEALTHCHECK CMD in the shell form on an image without /bin/sh',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\nHEALTHCHECK CMD /app health\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'noShell', line: 5, column: 17, endLine: 5, endColumn: 28 }],
      output: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\nHEALTHCHECK CMD ["/app", "health"]\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'HEALTHCHECK CMD with shell operators on scratch: no fix',
      code: 'FROM scratch\nCOPY app /app\nHEALTHCHECK CMD /app health || exit 1\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'noShell', line: 3, column: 17, endLine: 3, endColumn: 38 }],
      output: null,
    },
    {
      name: 'a variable inside double quotes needs the shell',
      code: 'FROM node:20\nCMD node "$APP_HOME/server.js"\n',
      errors: [{ messageId: 'shell', line: 2, column: 5, endLine: 2, endColumn: 31 }],
      output: null,
    },
    {
      name: 'single-quoted exec form is not JSON',
      code: "FROM node:20\nCMD ['node', 'server.js']\n",
      errors: [{ messageId: 'malformed', line: 2, column: 5, endLine: 2, endColumn: 26 }],
      output: null,
    },
  ],
});
