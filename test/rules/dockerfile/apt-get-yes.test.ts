import rule from '../../../rules/dockerfile/apt-get-yes';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nRUN apt-get install -y python3\n', inspected: ['instruction'] },
    { name: 'short option clusters and long options (hadolint DL3014)', code: 'FROM debian:12-slim\nRUN apt-get install -yq python3 && apt-get -y install a && apt-get --yes install b && apt-get --assume-yes install c\n' },
    { name: 'quiet level 2 implies -y', code: 'FROM debian:12-slim\nRUN apt-get install -qq python3 && apt-get -q=2 install jq\n' },
    { name: 'Assume-Yes configured', code: 'FROM debian:12-slim\nRUN apt-get -o APT::Get::Assume-Yes=true install python3\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes && apt-get install jq\n' },
    { name: 'answered through a pipe', code: 'FROM debian:12-slim\nRUN yes | apt-get install python3\n' },
    { name: 'a simulated install asks nothing', code: 'FROM debian:12-slim\nRUN apt-get install -s python3\n', inspected: [] },
    { name: 'not an install', code: 'FROM debian:12-slim\nRUN apt-get update\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'apt-get install without -y',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends python3\n',
      errors: [{ messageId: 'noYes', line: 2, column: 23, endLine: 2, endColumn: 70, message: 'apt-get install without -y aborts at its confirmation prompt as soon as it needs an extra package, failing the build; add -y.' }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3\n',
      inspected: ['instruction'],
    },
    {
      name: 'apt and aptitude, a single -q is not enough, in a build stage too',
      code: 'FROM debian:12-slim AS build\nRUN apt install -q gcc\nFROM debian:12-slim\nRUN aptitude install git\n',
      errors: [
        { messageId: 'noYes', line: 2, column: 5, endLine: 2, endColumn: 23 },
        { messageId: 'noYes', line: 4, column: 5, endLine: 4, endColumn: 25, message: 'aptitude install without -y aborts at its confirmation prompt as soon as it needs an extra package, failing the build; add -y.' },
      ],
      output: 'FROM debian:12-slim AS build\nRUN apt install -y -q gcc\nFROM debian:12-slim\nRUN aptitude install -y git\n',
    },
    {
      name: 'the exec form',
      code: 'FROM debian:12-slim\nRUN ["apt-get", "install", "python3"]\n',
      errors: [{ messageId: 'noYes', line: 2, column: 6, endLine: 2, endColumn: 37 }],
      output: 'FROM debian:12-slim\nRUN ["apt-get", "install", "-y", "python3"]\n',
    },
  ],
});
