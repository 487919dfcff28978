import rule from '../../../rules/dockerfile/no-pipe-to-shell';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh && sh /tmp/install.sh\n', inspected: ['instruction'] },
    { code: 'FROM debian:12\nRUN echo hi | sh\n', inspected: [] },
    'FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n',
    { name: 'wget to a file, then a pipe unrelated to it', code: 'FROM alpine:3.20\nRUN wget https://example.com/x.tgz | sh\n' },
    { name: 'shell on its own after a separator', code: 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/x -o x; sh x\n' },
  ],
  invalid: [
    {
      name: 'curl | sh',
      code: 'FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n',
      inspected: ['instruction'],
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 62, message: 'This RUN pipes a download from curl straight into bash, running unverified code at build time; download the file, verify its checksum, then run it.' }],
      output: null,
    },
    {
      name: 'wget -qO- through tee into sudo -E bash, after another command',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && wget -qO- https://get.example.sh | tee /tmp/log | sudo -E bash\n',
      errors: [{ messageId: 'pipe', line: 2, column: 23, endLine: 2, endColumn: 85 }],
      output: null,
    },
    {
      name: 'wget -O - over continuation lines, into sh -s',
      code: 'FROM alpine:3.20\nRUN wget -O - \\\n      https://example.com/install.sh \\\n    | sh -s -- --yes\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 4, endColumn: 21, message: 'This RUN pipes a download from wget straight into sh, running unverified code at build time; download the file, verify its checksum, then run it.' }],
      output: null,
    },
  ],
});
