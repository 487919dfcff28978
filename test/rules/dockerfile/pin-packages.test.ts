import rule from '../../../rules/dockerfile/pin-packages';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 python3/bookworm ./local.deb\n', inspected: ['instruction'] },
    { name: 'apk versions, virtual packages, repositories and files (hadolint DL3018)', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flex=2.6.4-r1 git~2.45 mypackage-1.1.1.apk\n' },
    { name: 'pip versions, requirements, constraints, local and VCS sources (hadolint DL3013)', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt && pip install flask==3.0.3 "requests>=2.31" ./pkg . git+https://github.com/org/repo@v1.2 dist/app.whl && pip install -c constraints.txt flask\n' },
    { name: 'packages named by a variable are unknown', code: 'FROM debian:12-slim\nRUN apt-get install -y $PACKAGES && apk add ${APK_DEPS}\n' },
    { code: 'FROM debian:12-slim\nRUN echo hi\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'one unpinned apt package',
      code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n',
      errors: [{ messageId: 'one', line: 2, column: 48, endLine: 2, endColumn: 52, message: 'apt-get install installs curl without a version, so a rebuild may ship a different one; pin it (name=version) if builds must be reproducible.' }],
      output: null,
      inspected: ['instruction'],
    },
    {
      name: 'several apk packages, one pinned among them',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1 \\\n    libffi \\\n    python3 \\\n    git \\\n    bash\n',
      errors: [{ messageId: 'many', line: 3, column: 5, endLine: 6, endColumn: 9, message: 'apk add installs 4 packages without a version (libffi, python3, git, …), so a rebuild may ship different ones; pin them (name=version) if builds must be reproducible.' }],
      output: null,
    },
    {
      name: 'pip in every stage',
      code: 'FROM python:3.12 AS build\nRUN pip install --no-cache-dir flask gunicorn==22.0.0\nFROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip\n',
      errors: [
        { messageId: 'one', line: 2, column: 32, endLine: 2, endColumn: 37, message: 'pip install installs flask without a version, so a rebuild may ship a different one; pin it (name==version) if builds must be reproducible.' },
        { messageId: 'one', line: 4, column: 53, endLine: 4, endColumn: 56 },
      ],
      output: null,
      inspected: ['instruction', 'instruction'],
    },
    {
      name: 'a VCS source without a ref follows a branch (hadolint DL3013)',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir git+https://github.com/rtfd/read-ext.git#egg=read-ext\n',
      errors: [{ messageId: 'one', line: 2, column: 32, endLine: 2, endColumn: 85 }],
      output: null,
    },
  ],
});
