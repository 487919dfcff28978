import rule from '../../../rules/dockerfile/no-sudo';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nRUN apt-get update\n', inspected: ['instruction'] },
    { name: 'installing sudo is not using it', code: 'FROM debian:12-slim\nRUN apt-get install -y sudo\n' },
    { name: 'a word mentioning sudo', code: 'FROM debian:12-slim\nRUN echo sudo && grep sudo /etc/group\n' },
    { code: 'FROM debian:12-slim\nCOPY . /app\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'sudo while still root: the fix removes it',
      code: 'FROM debian:12-slim\nRUN sudo apt-get update\n',
      errors: [{ messageId: 'sudo', line: 2, column: 5, endLine: 2, endColumn: 9, message: 'This RUN uses sudo, which only works if the image grants it and lets the container regain root; run the step as root before switching USER, without sudo.' }],
      output: 'FROM debian:12-slim\nRUN apt-get update\n',
      inspected: ['instruction'],
    },
    {
      name: 'sudo in a chain, with options',
      code: 'FROM debian:12-slim\nRUN apt-get update && sudo -E -u root apt-get install -y curl\n',
      errors: [{ messageId: 'sudo', line: 2, column: 23, endLine: 2, endColumn: 27 }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'after USER switched to a non-root user: removing sudo would break the step, so no fix',
      code: 'FROM debian:12-slim\nUSER app\nRUN sudo make install\n',
      errors: [{ messageId: 'sudo', line: 3, column: 5, endLine: 3, endColumn: 9 }],
      output: null,
    },
    {
      name: 'on an image that runs as non-root by default: no fix',
      code: 'FROM cgr.dev/chainguard/python:latest-dev AS dev\nFROM gcr.io/distroless/python3:nonroot\nRUN sudo pip install flask\n',
      errors: [{ messageId: 'sudo', line: 3, column: 5, endLine: 3, endColumn: 9 }],
      output: null,
    },
    {
      name: 'sudo after a pipe and inside then',
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/key | sudo apt-key add - && if true; then sudo ls; fi\n',
      errors: [
        { messageId: 'sudo', line: 2, column: 42, endLine: 2, endColumn: 46 },
        { messageId: 'sudo', line: 2, column: 78, endLine: 2, endColumn: 82 },
      ],
      output: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/key | apt-key add - && if true; then ls; fi\n',
    },
  ],
});
