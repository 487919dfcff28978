/**
 * A decision written in the files (a finding its rule capped at information: the service account
 * token mounted on purpose) is listed on its item and never counted against it: the item is judged
 * by the rest of the proof.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { finding, inspection, item, run } from './score-helpers';

const RBAC = 'deployment/rbac';

describe('decisions in the files', () => {
  const decision = { ...finding('k8s/service-account-token', 'k8s/app.yaml', 12, 'information'), atMost: 'information' as const };
  const subject = inspection('k8s/service-account-token', 'workload', 'k8s/app.yaml');

  test('are listed, not counted: the inspection still proves the item', () => {
    const result = item(run({ findings: [decision], inspected: [subject] }), RBAC);
    assert.equal(result.status, 'satisfied');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.decisions?.map((entry) => [entry.file, entry.range.start.line]), [['k8s/app.yaml', 12]]);
    assert.equal(result.proof.decisions, 1);
    assert.match(result.proof.summary, /1 decision written in the files is noted, not counted against the item\.$/);
    const pt = item(run({ locale: 'pt-BR', findings: [decision], inspected: [subject] }), RBAC);
    assert.match(pt.proof.summary, /1 decisão escrita nos arquivos é registrada, sem contar contra o item\.$/);
  });

  test('the same finding without the cap fails the item', () => {
    const defect = finding('k8s/service-account-token', 'k8s/app.yaml', 12, 'information');
    const result = item(run({ findings: [defect], inspected: [subject] }), RBAC);
    assert.equal(result.status, 'failing');
    assert.equal(result.decisions, undefined);
  });
});
