import rule from '../../../rules/k8s/image-tag';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: ${image}\n`;

runRuleTests(rule, {
  valid: [pod('nginx:1.27.0'), pod('registry.local:5000/team/app@sha256:0123abcd'), pod('"ghcr.io/org/app:v2.1.0"')],
  invalid: [
    {
      code: pod('nginx:latest'),
      errors: [{ messageId: 'latest', line: 8, column: 18, endLine: 8, endColumn: 24, message: 'Image "nginx:latest" uses the latest tag, which changes under the same manifest; pin a version or a digest.' }],
      output: null,
    },
    { name: 'quoted latest', code: pod('"app:latest"'), errors: [{ messageId: 'latest', line: 8, column: 17, endLine: 8, endColumn: 23 }], output: null },
    { name: 'registry port is not a tag', code: pod('registry.local:5000/app'), errors: [{ messageId: 'untagged', line: 8, column: 12, endLine: 8, endColumn: 35 }], output: null },
  ],
});
