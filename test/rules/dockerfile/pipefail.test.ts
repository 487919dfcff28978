import rule from '../../../rules/dockerfile/pipefail';
import { runRuleTests } from '../../helpers/rule-tester';

const BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n';

runRuleTests(rule, {
  valid: [
    { name: 'no pipe', code: 'FROM debian:12-slim\nRUN wget -O - https://some.site && wc -l file > /number\n', inspected: [] },
    { name: 'SHELL with -o pipefail', code: `FROM debian:12-slim\n${BASH}RUN wget -O - https://some.site | wc -l > /number\n`, inspected: ['instruction'] },
    { name: 'options in a cluster and separate', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN wget -O - https://a | wc -l\nSHELL ["/usr/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN wget -O - https://b | wc -l\n' },
    { name: 'zsh and ash by any path', code: 'FROM alpine:3.20\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\nRUN wget -O - https://a | wc -l\nSHELL ["/bin/ash", "-euo", "pipefail", "-c"]\nRUN wget -O - https://b | wc -l\n' },
    { name: 'PowerShell and cmd are not POSIX shells', code: 'FROM mcr.microsoft.com/powershell:ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\nSHELL ["cmd.exe", "/c"]\nRUN dir | more\n', inspected: [] },
    { name: 'set -o pipefail inside the RUN', code: 'FROM debian:12-slim\nRUN set -euxo pipefail; wget -O - https://some.site | wc -l > /number\n', inspected: ['instruction'] },
    { name: 'SHELL inherited from the stage it builds on', code: `FROM debian:12-slim AS base\n${BASH}FROM base\nRUN curl -fsSL https://example.com/list | sort > /list\n` },
    { name: 'producers that cannot fail', code: 'FROM debian:12-slim\nRUN echo "$SHA  file.tgz" | sha256sum -c - && printf "a\\nb" | sort > /x && { echo one; echo two; } | tee /etc/app.conf\n' },
    { name: 'consumers that fail on empty input anyway', code: 'FROM debian:12-slim\nRUN locale -a | grep en_US.utf8 && curl -fsSL https://example.com/key | gpg --import && curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n' },
    { name: 'a case pattern is not a pipe', code: 'FROM debian:12-slim\nRUN case "$(dpkg --print-architecture)" in amd64|arm64) echo ok ;; *) exit 1 ;; esac\n', inspected: [] },
    { name: 'a pipe inside a command substitution belongs to a sub-shell', code: 'FROM debian:12-slim\nRUN arch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')" && echo "$arch"\n', inspected: [] },
    { name: 'the exec form does not use the SHELL', code: 'FROM debian:12-slim\nRUN ["/bin/sh", "-c", "wget -O - https://a | wc -l"]\n', inspected: [] },
    { name: 'Windows escape character', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN type a.txt | findstr b\n' },
    { code: '', inspected: [] },
  ],
  invalid: [
    {
      name: 'wget piped into wc (hadolint DL4006)',
      code: 'FROM debian:12-slim\nRUN wget -O - https://some.site | wc -l > /number\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 50, message: 'This RUN pipes wget into another command without pipefail, so a failure of wget goes unnoticed and the build carries on; set SHELL with -o pipefail before it.' }],
      output: `FROM debian:12-slim\n${BASH}RUN wget -O - https://some.site | wc -l > /number\n`,
      inspected: ['instruction'],
    },
    {
      name: 'Alpine gets ash',
      code: 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/list | sort -u > /list\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 58 }],
      output: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/list | sort -u > /list\n',
    },
    {
      name: 'plain sh may not support pipefail',
      code: 'FROM debian:12-slim\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l > /number\n',
      errors: [{ messageId: 'pipe', line: 3, column: 5, endLine: 3, endColumn: 50 }],
      output: `FROM debian:12-slim\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${BASH}RUN wget -O - https://some.site | wc -l > /number\n`,
    },
    {
      name: 'the next stage starts over; a later SHELL without pipefail too',
      code: `FROM debian:12-slim AS build\n${BASH}RUN wget -O - https://a | wc -l\nSHELL ["/bin/sh", "-c"]\nRUN wget -O - https://b | wc -l\nFROM debian:12-slim\nRUN wget -O - https://c | wc -l\n`,
      errors: [
        { messageId: 'pipe', line: 5, column: 5, endLine: 5, endColumn: 32 },
        { messageId: 'pipe', line: 7, column: 5, endLine: 7, endColumn: 32 },
      ],
      output: `FROM debian:12-slim AS build\n${BASH}RUN wget -O - https://a | wc -l\nSHELL ["/bin/sh", "-c"]\n${BASH}RUN wget -O - https://b | wc -l\nFROM debian:12-slim\n${BASH}RUN wget -O - https://c | wc -l\n`,
    },
    {
      name: 'one SHELL line for the stage, offered on its first finding',
      code: 'FROM node:20\nRUN curl -fsSL https://example.com/a.gz | gunzip > /a\nRUN cat /etc/os-release | tee /os\n',
      errors: [
        { messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 54 },
        { messageId: 'pipe', line: 3, column: 5, endLine: 3, endColumn: 34 },
      ],
      output: `FROM node:20\n${BASH}RUN curl -fsSL https://example.com/a.gz | gunzip > /a\nRUN cat /etc/os-release | tee /os\n`,
    },
    {
      name: 'no fix where pipefail could break the build: find exits 1 on unreadable directories',
      code: 'FROM node:20\nRUN find / -name "*.log" | xargs -r rm\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 39 }],
      output: null,
    },
    {
      name: 'no fix where a later RUN of the stage relies on a producer failing (python\'s dpkg-query --search)',
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x.gz | gunzip > /x\nRUN ldd /usr/local/bin/python3 | awk \'/=>/ { print $(NF-1) }\' | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual\n',
      errors: [
        { messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 54 },
        { messageId: 'pipe', line: 3, column: 5, endLine: 3, endColumn: 154 },
      ],
      output: null,
    },
    {
      name: 'no fix where a stage built on this one relies on it: `yes` dies of SIGPIPE, which pipefail turns into a failure',
      code: 'FROM debian:12-slim AS base\nRUN curl -fsSL https://example.com/x.gz | gunzip > /x\nFROM base\nRUN yes | apt-get install locales\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 54 }],
      output: null,
    },
    {
      name: 'no fix where the consumer may stop reading early (SIGPIPE kills curl under pipefail)',
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/versions | head -n 1 > /version\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 67 }],
      output: null,
    },
    {
      name: 'no fix where bash would replace dash under an echo with escapes',
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/k | tee /k\nRUN echo "a\\nb" > /etc/app.conf\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 46 }],
      output: null,
    },
    {
      name: 'an image of unknown family: no guessed shell',
      code: 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 50 }],
      output: null,
    },
  ],
});
