/**
 * Unknown is not proof (engine contract, item 5): where what a Dockerfile rule checks depends on a
 * value the files cannot show, the rule inspects the subject with `unknown: true` and reports
 * nothing; the same subject with the value shown is judged. And a decision is reported at most as
 * information (item 6): an entrypoint that drops privileges.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { dockerfileRules } from '../../../rules/dockerfile';
import { initKinds } from '../../../server/src/kinds';
import { analyzeFile } from '../../../server/src/engine/analyze';
import type { SeveritySetting } from '../../../server/src/engine/types';
import { parseDockerfile } from '../../../server/src/kinds/dockerfile/model';
import { analyzeCase } from '../../helpers/rule-tester';

interface Case {
  rule: string;
  name: string;
  code: string;
  files?: Record<string, string>;
  /** `unknown`: looked at, not judged, nothing reported; `known`: judged (clean or not). */
  expect: 'unknown' | 'known';
}

const CASES: Case[] = [
  { rule: 'dockerfile/non-root-user', expect: 'unknown', name: 'USER from an ARG without a default', code: 'FROM node:20\nARG APP_USER\nUSER $APP_USER\nCMD ["node", "server.js"]\n' },
  { rule: 'dockerfile/non-root-user', expect: 'known', name: 'USER from an ENV the file sets', code: 'FROM node:20\nENV APP_USER=node\nUSER $APP_USER\nCMD ["node", "server.js"]\n' },
  { rule: 'dockerfile/non-root-user', expect: 'unknown', name: 'USER from a variable a parent stage leaves open', code: 'FROM node:20 AS base\nARG RUN_AS\nUSER ${RUN_AS}\nFROM base\nCMD ["node"]\n' },
  { rule: 'dockerfile/non-root-user', expect: 'unknown', name: 'FROM an ARG without a default', code: 'ARG IMAGE\nFROM $IMAGE\nCOPY app /app\nCMD ["/app/run"]\n' },
  { rule: 'dockerfile/non-root-user', expect: 'known', name: 'FROM an ARG with a default', code: 'ARG IMAGE=node:20\nFROM $IMAGE\nCOPY app /app\nCMD ["/app/run"]\n' },
  { rule: 'dockerfile/non-root-user', expect: 'unknown', name: 'an image that only adds packages to another', code: 'FROM mycompany/base:1.4\nRUN apk add --no-cache curl\n' },
  { rule: 'dockerfile/non-root-user', expect: 'unknown', name: 'scratch without a USER', code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n' },
  { rule: 'dockerfile/non-root-user', expect: 'known', name: 'scratch with a USER', code: 'FROM scratch\nCOPY app /app\nUSER 65532\nENTRYPOINT ["/app"]\n' },
  { rule: 'dockerfile/healthcheck', expect: 'unknown', name: 'a binary of unknown purpose', code: 'FROM alpine:3.20\nCOPY app /app\nCMD ["/app"]\n' },
  { rule: 'dockerfile/healthcheck', expect: 'unknown', name: 'a base image', code: 'FROM node:20\nONBUILD COPY . /app\nCMD ["node", "/app/server.js"]\n' },
  { rule: 'dockerfile/healthcheck', expect: 'known', name: 'the same binary run by a Compose service that publishes a port', code: 'FROM alpine:3.20\nCOPY app /app\nCMD ["/app"]\n', files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    ports:\n      - "8080:8080"\n' } },
  { rule: 'dockerfile/healthcheck', expect: 'unknown', name: 'a Compose service whose build context is a variable', code: 'FROM alpine:3.20\nCOPY app /app\nCMD ["/app"]\n', files: { 'compose.yaml': 'services:\n  app:\n    build: ${CONTEXT}\n    ports:\n      - "8080:8080"\n' } },
  { rule: 'dockerfile/pinned-base-image', expect: 'unknown', name: 'FROM an ARG without a default', code: 'ARG BASE\nFROM ${BASE}\n' },
  { rule: 'dockerfile/pinned-base-image', expect: 'known', name: 'FROM an ARG with a default', code: 'ARG BASE=debian:12-slim\nFROM ${BASE}\n' },
  { rule: 'dockerfile/absolute-workdir', expect: 'unknown', name: 'WORKDIR under a variable an image sets', code: 'FROM node:20\nWORKDIR $HOME/app\n' },
  { rule: 'dockerfile/absolute-workdir', expect: 'known', name: 'WORKDIR under a variable the file sets', code: 'FROM node:20\nENV APP_HOME=/srv\nWORKDIR $APP_HOME/app\n' },
  { rule: 'dockerfile/copy-not-add', expect: 'unknown', name: 'ADD of a build argument without a default', code: 'FROM openjdk:21\nARG JAR_FILE\nADD ${JAR_FILE} app.jar\n' },
  { rule: 'dockerfile/copy-not-add', expect: 'known', name: 'ADD of a build argument with a local default', code: 'FROM openjdk:21\nARG JAR_FILE=target/app.jar\nADD ${JAR_FILE} app.jar\n' },
  { rule: 'dockerfile/no-ssh-port', expect: 'unknown', name: 'EXPOSE of a variable without a value', code: 'FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n' },
  { rule: 'dockerfile/no-ssh-port', expect: 'known', name: 'EXPOSE of a variable with a value', code: 'FROM alpine:3.20\nENV PORT=8080\nEXPOSE $PORT\n' },
  { rule: 'dockerfile/no-secrets-in-env', expect: 'unknown', name: 'a secret-named ENV set from a variable', code: 'FROM node:20\nENV DB_PASSWORD=$DB_PASSWORD\n' },
  { rule: 'dockerfile/no-secrets-in-env', expect: 'known', name: 'a plain ENV set from a variable', code: 'FROM node:20\nENV NODE_ENV=$MODE\n' },
  { rule: 'dockerfile/pin-packages', expect: 'unknown', name: 'packages named by a variable', code: 'FROM debian:12-slim\nARG PACKAGES\nRUN apt-get install -y $PACKAGES\n' },
  { rule: 'dockerfile/pin-packages', expect: 'known', name: 'pinned packages beside a variable', code: 'FROM debian:12-slim\nARG EXTRA\nRUN apt-get install -y curl=8.5.0-2 $EXTRA\n' },
  { rule: 'dockerfile/apt-get-yes', expect: 'unknown', name: 'an install after apt configuration is copied in', code: 'FROM debian:12-slim\nCOPY 90assume-yes /etc/apt/apt.conf.d/\nRUN apt-get install curl\n' },
  { rule: 'dockerfile/apt-get-yes', expect: 'known', name: 'an install before apt configuration is copied in', code: 'FROM debian:12-slim\nRUN apt-get install -y curl\nCOPY 90assume-yes /etc/apt/apt.conf.d/\n' },
  { rule: 'dockerfile/apt-no-recommends', expect: 'unknown', name: 'an install after a parent stage copied apt configuration', code: 'FROM debian:12-slim AS base\nCOPY 99norecommends /etc/apt/apt.conf.d/\nFROM base\nRUN apt-get install -y curl\n' },
  { rule: 'dockerfile/update-alone', expect: 'unknown', name: 'an update next to a script the file does not show', code: 'FROM debian:12-slim\nRUN apt-get update && ./install-deps.sh\n' },
  { rule: 'dockerfile/update-alone', expect: 'known', name: 'an update next to an install', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n' },
];

describe('Dockerfile rules: unknown values are looked at, not judged', () => {
  before(() => initKinds());
  for (const testCase of CASES) {
    it(`${testCase.rule}: ${testCase.name} is ${testCase.expect}`, () => {
      const rule = dockerfileRules.find((candidate) => candidate.meta.id === testCase.rule)!;
      const { findings, inspected } = analyzeCase([rule], 'dockerfile', testCase, rule.meta.id);
      const own = inspected.filter((inspection) => inspection.ruleId === rule.meta.id);
      assert.ok(own.length > 0, 'the subject is inspected');
      if (testCase.expect === 'unknown') {
        assert.ok(own.every((inspection) => inspection.unknown), 'every inspection is unknown');
        assert.deepEqual(findings.filter((finding) => finding.ruleId === rule.meta.id).map((finding) => finding.messageId), []);
      } else {
        assert.ok(own.every((inspection) => !inspection.unknown), 'no inspection is unknown');
      }
    });
  }
});

describe('dockerfile/non-root-user: a privilege drop is a decision, reported at most as information', () => {
  before(() => initKinds());
  const rule = dockerfileRules.find((candidate) => candidate.meta.id === 'dockerfile/non-root-user')!;
  const model = parseDockerfile('FROM alpine:3.20\nRUN apk add --no-cache su-exec\nCOPY app /app\nCMD ["su-exec", "app", "/app/server"]\n', '/work/Dockerfile');
  const severityWith = (severity?: SeveritySetting) =>
    analyzeFile({ model, rules: [rule], settings: severity ? { rules: { [rule.meta.id]: { severity } } } : undefined }).findings.map((finding) => [finding.messageId, finding.severity]);

  it('caps the finding at information whatever severity is configured, and lowers it with a lower one', () => {
    assert.deepEqual(severityWith(), [['dropsPrivileges', 'information']]);
    assert.deepEqual(severityWith('error'), [['dropsPrivileges', 'information']]);
    assert.deepEqual(severityWith('warning'), [['dropsPrivileges', 'information']]);
    assert.deepEqual(severityWith('hint'), [['dropsPrivileges', 'hint']]);
    assert.deepEqual(severityWith('off'), []);
  });

  it('inspects the image as judged: the decision is known', () => {
    const { inspected } = analyzeFile({ model, rules: [rule] });
    assert.deepEqual(inspected.map((inspection) => [inspection.subject, inspection.unknown ?? false]), [['image', false]]);
  });
});
