import rule from '../../../rules/compose/image-tag';
import { runRuleTests } from '../../helpers/rule-tester';

const compose = (services: string) => `services:\n${services}`;

runRuleTests(rule, {
  valid: [
    { code: compose('  app:\n    image: datametria/api:v2.1.0\n'), inspected: ['service'] },
    { code: compose('  nginx:\n    image: nginx:1.27-alpine\n') },
    { name: 'a digest', code: compose('  nginx:\n    image: nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a\n') },
    { name: 'a registry with a port', code: compose('  app:\n    image: registry.local:5000/team/api:3.4.1\n') },
    { name: 'a tag a variable sets is unknown', code: compose('  app:\n    image: acme/api:${TAG:-latest}\n'), inspected: ['service?'] },
    { name: 'with build, image names the built image', code: compose('  app:\n    build: .\n    image: acme/api:latest\n'), inspected: [] },
  ],
  invalid: [
    {
      name: 'the seed prometheus: untagged',
      code: compose('  prometheus:\n    image: prom/prometheus\n'),
      errors: [{ messageId: 'untagged', line: 3, column: 12, endLine: 3, endColumn: 27 }],
      output: null,
      inspected: ['service'],
    },
    {
      name: 'latest, quoted',
      code: compose('  app:\n    image: "acme/api:latest"\n'),
      errors: [{ messageId: 'latest', line: 3, column: 22, endLine: 3, endColumn: 28 }],
      output: null,
    },
    {
      name: 'the seed nginx: a floating tag',
      code: compose('  nginx:\n    image: nginx:alpine\n'),
      errors: [{ messageId: 'floating', line: 3, column: 18, endLine: 3, endColumn: 24, message: 'Image "nginx:alpine" uses the tag "alpine", which moves to every new release; pin a version such as 1.27-alpine or a digest.' }],
      output: null,
    },
  ],
});
