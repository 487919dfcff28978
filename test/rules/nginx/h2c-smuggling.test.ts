import rule from '../../../rules/nginx/h2c-smuggling';
import { runRuleTests } from '../../helpers/rule-tester';
import { inHttp } from './in-http';
import { PROXY_SITE } from './out-of-sight';

const WS = (upgrade: string, connection: string) =>
  `location /ws/ {\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade ${upgrade};\n    proxy_set_header Connection ${connection};\n    proxy_pass http://app;\n}\n`;

runRuleTests(rule, {
  valid: [
    { code: WS('$websocket_upgrade', '"upgrade"'), inspected: ['location'] },
    { name: 'Connection close never upgrades', code: WS('$http_upgrade', 'close') },
    { name: 'HTTP/1.0 to the upstream cannot upgrade', code: 'location / {\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection "upgrade";\n    proxy_pass http://app;\n}\n' },
    { name: 'no proxying', code: 'location / {\n    root /srv;\n}\n', inspected: [] },
    { name: 'Upgrade may be forwarded by an include the workspace lacks: unknown', code: PROXY_SITE, inspected: ['location?'] },
    inHttp({ name: 'plain proxying in a complete config: known', code: 'server {\n    location / {\n        proxy_pass http://app;\n    }\n}\n', inspected: ['location'] }),
  ],
  invalid: [
    {
      name: 'the client\'s Upgrade with Connection: upgrade',
      code: WS('$http_upgrade', '"upgrade"'),
      errors: [
        {
          messageId: 'smuggling',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 43,
          message: "This passes the client's Upgrade header to the backend as is, so a client can upgrade to h2c and tunnel requests past this proxy's rules; forward only websocket (map $http_upgrade to websocket or an empty value).",
        },
      ],
      output: null,
      inspected: ['location'],
    },
    {
      name: 'inherited from the server, with a Connection map',
      code: 'server {\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection $connection_upgrade;\n    location / {\n        proxy_pass http://app;\n    }\n}\n',
      errors: [{ messageId: 'smuggling', line: 3, column: 30, endLine: 3, endColumn: 43 }],
      output: null,
    },
  ],
});
