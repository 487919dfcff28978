import rule from '../../../rules/dockerfile/update-alone';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n', inspected: ['instruction'] },
    { name: 'apk update with an add, upgrade after update', code: 'FROM alpine:3.20\nRUN apk update && apk add curl\nRUN apt-get update && apt-get upgrade -y\n' },
    { name: 'a script the file does not show may install', code: 'FROM debian:12-slim\nRUN apt-get update && ./install-deps.sh\nRUN apt-get update && bash setup.sh\n' },
    { name: 'installs inside if/then count', code: 'FROM debian:12-slim\nRUN apt-get update; if [ -n "$X" ]; then apt-get install -y curl; fi\n' },
    { code: 'FROM debian:12-slim\nRUN echo hi\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'apt-get update on its own, next RUN installs: merged',
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 19, message: 'apt-get update runs in a RUN that installs nothing, so its cached layer goes stale and later installs use an old index; update in the same RUN that installs.' }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      inspected: ['instruction'],
    },
    {
      name: 'an update whose quote is left open: merging would put the install inside the quote (fuzz seed 11)',
      code: 'FROM debian:12-slim\nRUN apt-get update "\nRUN apt-get install -y curl\n',
      errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 21 }],
      output: null,
    },
    {
      name: 'apk update followed by something else in the same RUN',
      code: 'FROM alpine:3.20\nRUN apk update && echo "index updated"\nRUN apk add --no-cache curl\n',
      errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 15, message: 'apk update runs in a RUN that installs nothing, so its cached layer goes stale and later installs use an old index; update in the same RUN that installs.' }],
      output: null,
    },
    {
      name: 'a heredoc script, and an update followed by a comment: no merge',
      code: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\nEOF\nRUN apt-get update\n# tools\nRUN apt-get install -y jq\n',
      errors: [
        { messageId: 'alone', line: 3, column: 1, endLine: 3, endColumn: 15 },
        { messageId: 'alone', line: 5, column: 5, endLine: 5, endColumn: 19 },
      ],
      output: null,
    },
    {
      name: 'the next instruction is not a RUN: no merge',
      code: 'FROM debian:12-slim\nRUN apt-get update\nCOPY . /app\n',
      errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: null,
    },
  ],
});
