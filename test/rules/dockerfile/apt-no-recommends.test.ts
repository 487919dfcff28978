import rule from '../../../rules/dockerfile/apt-no-recommends';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n', inspected: ['instruction'] },
    'FROM ubuntu:24.04\nRUN apt-get --no-install-recommends -y install ca-certificates\n',
    { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y && apt-get purge -y curl\n' },
    { name: 'apt configured earlier, in a parent stage', code: "FROM debian:12 AS base\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norecommends\nFROM base\nRUN apt-get install -y curl\n" },
    { name: 'a discarded build stage', code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM gcr.io/distroless/base-debian12\n' },
    { name: '-o option', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
    { name: 'a word mentioning apt-get is not a command', code: 'FROM debian:12\nRUN echo apt-get install curl\n', inspected: [] },
    { name: '--install-recommends=false and aptitude --without-recommends', code: 'FROM debian:12\nRUN apt-get install -y --install-recommends=false curl && aptitude install -y --without-recommends git && aptitude -yR install jq\n' },
    { name: 'a simulated install installs nothing', code: 'FROM debian:12\nRUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo yes; fi\n', inspected: [] },
    { name: 'an install inside if/then is still read', code: 'FROM debian:12\nRUN if [ -n "$X" ]; then apt-get install -y --no-install-recommends curl; fi\n', inspected: ['instruction'] },
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'apt-get install after update',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'recommends', line: 2, column: 23, endLine: 2, endColumn: 46, message: 'apt-get install also installs every recommended package, bloating the image; add --no-install-recommends.' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt install with sudo over continuation lines',
      code: 'FROM ubuntu:24.04\nRUN sudo apt install -y \\\n      git \\\n      make\n',
      errors: [{ messageId: 'recommends', line: 2, column: 5, endLine: 4, endColumn: 11, message: 'apt install also installs every recommended package, bloating the image; add --no-install-recommends.' }],
      output: 'FROM ubuntu:24.04\nRUN sudo apt install --no-install-recommends -y \\\n      git \\\n      make\n',
    },
    {
      name: 'options before install, two installs in one RUN, a heredoc RUN',
      code: 'FROM debian:12\nRUN apt-get -qq -o Dpkg::Use-Pty=0 install curl; apt-get install -y jq\nRUN <<EOF\napt-get install -y git\nEOF\n',
      errors: [
        { messageId: 'recommends', line: 2, column: 5, endLine: 2, endColumn: 48 },
        { messageId: 'recommends', line: 2, column: 50, endLine: 2, endColumn: 71 },
        { messageId: 'recommends', line: 4, column: 1, endLine: 4, endColumn: 23 },
      ],
      output:
        'FROM debian:12\nRUN apt-get -qq -o Dpkg::Use-Pty=0 install --no-install-recommends curl; apt-get install --no-install-recommends -y jq\nRUN <<EOF\napt-get install --no-install-recommends -y git\nEOF\n',
      inspected: ['instruction', 'instruction'],
    },
    {
      name: '-o APT::Install-Recommends=true asks for them',
      code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=true install -y curl\n',
      errors: [{ messageId: 'recommends', line: 2, column: 5, endLine: 2, endColumn: 60 }],
      output: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=true install --no-install-recommends -y curl\n',
    },
    {
      name: 'aptitude gets its own option',
      code: 'FROM debian:12\nRUN aptitude install -y curl\n',
      errors: [{ messageId: 'recommends', line: 2, column: 5, endLine: 2, endColumn: 29, message: 'aptitude install also installs every recommended package, bloating the image; add --without-recommends.' }],
      output: 'FROM debian:12\nRUN aptitude install --without-recommends -y curl\n',
    },
    {
      name: 'the exec form gets a JSON string',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ messageId: 'recommends', line: 2, column: 6, endLine: 2, endColumn: 40 }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
    },
    {
      name: 'a fragment without FROM',
      code: 'RUN apt-get install -y curl\n',
      errors: [{ messageId: 'recommends', line: 1, column: 5, endLine: 1, endColumn: 28 }],
      output: 'RUN apt-get install --no-install-recommends -y curl\n',
      inspected: ['instruction'],
    },
  ],
});
