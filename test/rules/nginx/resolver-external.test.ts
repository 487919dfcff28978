import rule from '../../../rules/nginx/resolver-external';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'http {\n    resolver 127.0.0.53 valid=30s;\n}\n', inspected: ['http'] },
    { name: 'private networks and names', code: 'resolver 10.0.0.2 172.20.0.10 192.168.1.1 [fd00::53] kube-dns.kube-system.svc.cluster.local ipv6=off;\n' },
    { name: 'no resolver', code: 'http {\n}\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'public resolvers, IPv4 and IPv6 with a port',
      code: 'http {\n    resolver 8.8.8.8 [2606:4700:4700::1111]:53 10.0.0.2 valid=300s;\n}\n',
      errors: [
        { messageId: 'external', line: 2, column: 14, endLine: 2, endColumn: 21, message: 'The resolver 8.8.8.8 is a public DNS server, whose plain UDP answers can be spoofed to send proxied requests elsewhere; use a resolver on this machine or in the private network.' },
        { messageId: 'external', line: 2, column: 22, endLine: 2, endColumn: 47 },
      ],
      output: null,
      inspected: ['http'],
    },
  ],
});
