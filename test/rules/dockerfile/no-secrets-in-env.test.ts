import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../rules/dockerfile/no-secrets-in-env';
import { isSecretLikeName } from '../../../server/src/engine/secrets';
import { runRuleTests } from '../../helpers/rule-tester';

describe('isSecretLikeName', () => {
  const secret = ['DB_PASSWORD', 'PASSWORD', 'dbPassword', 'MYSQL_ROOT_PASSWD', 'JWT_SECRET', 'SECRET_KEY_BASE', 'NPM_TOKEN', 'github-token', 'STRIPE_API_KEY', 'apiKey', 'APIKEY', 'SSH_PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY', 'GOOGLE_APPLICATION_CREDENTIALS_JSON', 'DB_PWD', 'client.secret', 'LDAP_BIND_PASS', 'LDAP_ROOTPASS', 'DB_PASSWD', 'ADMINPASSWORD', 'AUTHTOKEN', 'OAUTH_CLIENTSECRET'];
  const plain = ['TOKEN_URL', 'PASSWORD_FILE', 'POSTGRES_PASSWORD_FILE', 'SECRETS_PATH', 'SECRET_NAME', 'TOKEN_EXPIRES_IN', 'PASSWORD_MIN_LENGTH', 'PWD', 'GPG_KEY', 'SORT_KEY', 'NODE_ENV', 'TOKENIZER_MODEL', 'PASSTHROUGH', 'AWS_ACCESS_KEY_ID', 'BYPASS_CACHE', 'COMPASS_VERSION', 'ROOTPASS_FILE', ''];
  for (const name of secret) it(`${name} is secret-like`, () => assert.equal(isSecretLikeName(name), true));
  for (const name of plain) it(`${name || '(empty)'} is not secret-like`, () => assert.equal(isSecretLikeName(name), false));
});

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:20\nENV NODE_ENV=production PORT=3000\n', inspected: ['instruction'] },
    { code: 'FROM node:20\nRUN npm ci\n', inspected: [] },
    { name: 'a secret-named ARG in a build stage the image is not built from', code: 'FROM node:20 AS deps\nARG NPM_TOKEN\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /node_modules /app/node_modules\n', inspected: ['instruction'] },
    { name: 'a secret-named ENV set from a variable holds whatever the build passes', code: 'FROM node:20\nENV DB_PASSWORD=${DB_PASSWORD}\n', inspected: ['instruction?'] },
    { name: 'a global ARG is only seen by FROM lines', code: 'ARG REGISTRY_TOKEN\nFROM node:20\n' },
    { name: 'describing names', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/pg TOKEN_URL=https://auth.example.com/token\n' },
    { name: 'empty values and switches', code: 'FROM bitnami/mysql:8.4\nENV MYSQL_PASSWORD="" ALLOW_EMPTY_PASSWORD=yes\n' },
    { name: 'a GPG fingerprint is not a secret', code: 'FROM python:3.12\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D8BCF4BF\n' },
  ],
  invalid: [
    {
      name: 'ENV with an equals sign',
      code: 'FROM node:20\nENV NODE_ENV=production DB_PASSWORD=s3cr3t\n',
      errors: [{ messageId: 'env', line: 2, column: 37, endLine: 2, endColumn: 43, message: 'ENV DB_PASSWORD bakes a literal secret into the image, where anyone who can pull it can read it; inject it at run time from a secret manager instead.' }],
      output: null,
    },
    {
      name: 'legacy ENV form and a quoted value',
      code: 'FROM node:20\nENV JWT_SECRET change me\nENV stripeApiKey="sk_live_123"\n',
      errors: [
        { messageId: 'env', line: 2, column: 16, endLine: 2, endColumn: 25 },
        { messageId: 'env', line: 3, column: 18, endLine: 3, endColumn: 31 },
      ],
      output: null,
    },
    {
      name: 'global ARG and stage ARG defaults',
      code: 'ARG NPM_TOKEN=npm_abc123\nFROM node:20\nARG GITHUB_TOKEN=ghp_x\n',
      errors: [
        { messageId: 'arg', line: 1, column: 15, endLine: 1, endColumn: 25, message: 'ARG NPM_TOKEN has a literal secret default that stays in the image history; pass it with RUN --mount=type=secret instead.' },
        { messageId: 'arg', line: 3, column: 18, endLine: 3, endColumn: 23 },
      ],
      output: null,
    },
    {
      name: 'secret words inside compound names, in ENV and ARG',
      code: 'FROM osixia/openldap:1.5.0\nENV LDAP_ROOTPASS fsociety\nARG DB_PASSWD=hunter2\nARG APIKEY=abc123\nENV PASSWORD_MIN_LENGTH=12 LDAP_ROOTPASS_FILE=/run/secrets/ldap\n',
      errors: [
        { messageId: 'env', line: 2, column: 19, endLine: 2, endColumn: 27, message: 'ENV LDAP_ROOTPASS bakes a literal secret into the image, where anyone who can pull it can read it; inject it at run time from a secret manager instead.' },
        { messageId: 'arg', line: 3, column: 15, endLine: 3, endColumn: 22 },
        { messageId: 'arg', line: 4, column: 12, endLine: 4, endColumn: 18 },
      ],
      output: null,
      inspected: ['instruction', 'instruction', 'instruction', 'instruction'],
    },
    {
      name: 'a secret-named ARG without a value, or with an empty one, in the final stage (semgrep secret-in-build-arg)',
      code: 'FROM node:20\nARG NPM_TOKEN\nARG API_KEY=\nRUN npm ci\n',
      errors: [
        { messageId: 'buildArg', line: 2, column: 5, endLine: 2, endColumn: 14, message: 'ARG NPM_TOKEN takes a secret at build time, and docker history records it for every RUN after it; pass it with RUN --mount=type=secret instead.' },
        { messageId: 'buildArg', line: 3, column: 5, endLine: 3, endColumn: 12 },
      ],
      output: null,
      inspected: ['instruction', 'instruction'],
    },
    {
      name: 'a variable with a literal fallback still bakes the fallback',
      code: 'FROM node:20\nENV DB_PASSWORD=${DB_PASSWORD:-postgres}\n',
      errors: [{ messageId: 'env', line: 2, column: 17, endLine: 2, endColumn: 41 }],
      output: null,
    },
  ],
});
