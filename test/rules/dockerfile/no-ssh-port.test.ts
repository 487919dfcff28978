import rule from '../../../rules/dockerfile/no-ssh-port';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:20\nEXPOSE 8080 2222\n', inspected: ['instruction'] },
    { name: 'UDP 22 is not SSH, a variable is unknown', code: 'FROM debian:12-slim\nEXPOSE 22/udp $PORT 220\n' },
    { code: 'FROM node:20\nCMD ["node"]\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'EXPOSE 22 (checkov CKV_DOCKER_1)',
      code: 'FROM debian:12-slim\nEXPOSE 22\n',
      errors: [{ messageId: 'ssh', line: 2, column: 8, endLine: 2, endColumn: 10, message: 'EXPOSE 22 announces an SSH server in the container, a remote login to secure and keep patched; remove sshd and use docker exec or kubectl exec instead.' }],
      output: null,
      inspected: ['instruction'],
    },
    {
      name: '22/tcp among other ports, a range that holds 22, in any stage',
      code: 'FROM debian:12-slim AS debug\nEXPOSE 80 22/tcp\nFROM debian:12-slim\nEXPOSE 20-30\n',
      errors: [
        { messageId: 'ssh', line: 2, column: 11, endLine: 2, endColumn: 17 },
        { messageId: 'ssh', line: 4, column: 8, endLine: 4, endColumn: 13 },
      ],
      output: null,
      inspected: ['instruction', 'instruction'],
    },
  ],
});
