import rule from '../../../rules/dockerfile/exec-form-command';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]\n',
    'FROM python:3.12\nENTRYPOINT ["gunicorn", "app:app"]\nCMD []\n',
    { name: 'exec form over continuation lines', code: 'FROM node:20\nCMD ["node", \\\n     "server.js"]\n' },
    { name: 'HEALTHCHECK CMD is not a CMD instruction', code: 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["node"]\n' },
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
      code: 'FROM node:20\nCMD npm run migrate && node server.js --port $PORT\nENTRYPOINT exec node server.js > /var/log/app.log\n',
      errors: [
        { messageId: 'shell', line: 2, column: 5, endLine: 2, endColumn: 51 },
        { messageId: 'shell', line: 3, column: 12, endLine: 3, endColumn: 50, message: 'ENTRYPOINT uses the shell form, so the process runs under /bin/sh and may never receive SIGTERM; write it as a JSON array (exec form).' },
      ],
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
