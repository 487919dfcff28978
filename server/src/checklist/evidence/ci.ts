/**
 * CI pipelines (GitHub Actions workflows, GitLab CI): a small job model and the detectors that read
 * it. Only commands that really run count: `echo "npm test"` tests nothing, a job named "test"
 * proves nothing by its name.
 */
import { isMap, isSeq } from 'yaml';
import { commands, firstHitPerItem, get, getStr, items, loc, pairs, short, str, type Command, type Detector, type DetectorHit, type SourceFile } from './source';
import type { Localized } from '../catalog';

export interface CiStep {
  name: string;
  /** `continue-on-error: true`: its failure does not fail the job. */
  canFail: boolean;
  /** `if: false`: never runs. */
  disabled: boolean;
  uses?: string;
  usesLine?: number;
  /** Inputs of a `uses:` step (`with:`), lower-cased values. */
  with: Record<string, string>;
  commands: Command[];
  line?: number;
}

export interface CiJob {
  id: string;
  name: string;
  line?: number;
  environment?: string;
  /** Runs only when a person starts it (GitLab `when: manual`). */
  manual: boolean;
  /** `continue-on-error: true` (GitHub) or `allow_failure: true` (GitLab). */
  canFail: boolean;
  /** `if: false`: never runs. */
  disabled: boolean;
  /** Runs on a schedule (GitHub `on: schedule`, GitLab rules on `$CI_PIPELINE_SOURCE == "schedule"`). */
  scheduled: boolean;
  needs: string[];
  stage?: string;
  steps: CiStep[];
}

export interface CiPipeline {
  system: 'github' | 'gitlab';
  /** The workflow runs only by hand (`on: workflow_dispatch` and nothing else). */
  manualOnly: boolean;
  jobs: CiJob[];
  /** GitLab `include: template:` names (security templates count as scanners). */
  templates: { name: string; line?: number }[];
  stages: string[];
}

export function isGithubWorkflow(file: SourceFile): boolean {
  return file.isYaml && file.folders.slice(-2).join('/') === '.github/workflows';
}

export function isGitlabCi(file: SourceFile): boolean {
  return file.name === '.gitlab-ci.yml' || file.name === '.gitlab-ci.yaml' || (file.isYaml && file.folders.includes('.gitlab') && file.folders.includes('ci'));
}

export function isCiFile(file: SourceFile): boolean {
  return isGithubWorkflow(file) || isGitlabCi(file);
}

const pipelines = new WeakMap<SourceFile, CiPipeline | undefined>();

export function ciPipeline(file: SourceFile): CiPipeline | undefined {
  if (!pipelines.has(file)) pipelines.set(file, isGithubWorkflow(file) ? readGithub(file) : isGitlabCi(file) ? readGitlab(file) : undefined);
  return pipelines.get(file);
}

function scriptCommands(node: unknown, file: SourceFile): Command[] {
  const from = (node as { range?: number[] } | undefined)?.range?.[0] ?? 0;
  if (isSeq(node)) return node.items.flatMap((item) => scriptCommands(item, file));
  const text = str(node);
  return text === undefined ? [] : commands(text, file, from);
}

/** `if: false` or `if: ${{ false }}`. */
function neverRuns(node: unknown): boolean {
  const condition = get(node, 'if');
  return (str(condition) ?? '').replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim() === 'false';
}

const canFail = (node: unknown, key: string) => str(get(node, key)) === 'true';

function githubEvents(root: unknown): string[] {
  const on = get(root, 'on') ?? get(root, 'true');
  if (str(on)) return [str(on)!];
  if (isSeq(on)) return on.items.map(str).filter((event): event is string => !!event);
  return pairs(on).map((pair) => str(pair.key)).filter((event): event is string => !!event);
}

function readGithub(file: SourceFile): CiPipeline | undefined {
  const root = file.yamlRoots()[0];
  const jobs = get(root, 'jobs');
  if (!isMap(jobs)) return undefined;
  const events = githubEvents(root);
  const result: CiPipeline = { system: 'github', manualOnly: events.length > 0 && events.every((event) => event === 'workflow_dispatch'), jobs: [], templates: [], stages: [] };
  const scheduled = events.includes('schedule');
  for (const pair of pairs(jobs)) {
    const id = str(pair.key);
    const job = pair.value;
    if (!id || !isMap(job)) continue;
    const environmentNode = get(job, 'environment');
    const environment = str(environmentNode) ?? getStr(environmentNode, 'name');
    const needsNode = get(job, 'needs');
    const needs = isSeq(needsNode) ? needsNode.items.map(str).filter((x): x is string => !!x) : str(needsNode) ? [str(needsNode)!] : [];
    const steps: CiStep[] = items(get(job, 'steps')).map((step) => {
      const withInputs: Record<string, string> = {};
      for (const input of pairs(get(step, 'with'))) {
        const key = str(input.key);
        const value = str(input.value);
        if (key && value !== undefined) withInputs[key.toLowerCase()] = value.toLowerCase();
      }
      const usesNode = get(step, 'uses');
      return {
        name: getStr(step, 'name') ?? '',
        canFail: canFail(step, 'continue-on-error'),
        disabled: neverRuns(step),
        uses: str(usesNode)?.toLowerCase(),
        usesLine: file.lineOfNode(usesNode),
        with: withInputs,
        commands: scriptCommands(get(step, 'run'), file),
        line: file.lineOfNode(step),
      };
    });
    result.jobs.push({ id, name: getStr(job, 'name') ?? id, line: file.lineOfNode(pair.key), environment, manual: false, canFail: canFail(job, 'continue-on-error'), disabled: neverRuns(job), scheduled, needs, steps });
  }
  return result;
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'include', 'default', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache', 'pages']);

function readGitlab(file: SourceFile): CiPipeline | undefined {
  const root = file.yamlRoots()[0];
  if (!root) return undefined;
  const result: CiPipeline = { system: 'gitlab', manualOnly: false, jobs: [], templates: [], stages: items(get(root, 'stages')).map(str).filter((x): x is string => !!x) };
  const include = get(root, 'include');
  for (const entry of isSeq(include) ? include.items : include ? [include] : []) {
    const template = getStr(entry, 'template') ?? getStr(entry, 'component') ?? str(entry);
    if (template) result.templates.push({ name: template, line: file.lineOfNode(entry) });
  }
  for (const pair of pairs(root)) {
    const id = str(pair.key);
    const job = pair.value;
    if (!id || id.startsWith('.') || GITLAB_RESERVED.has(id) || !isMap(job)) continue;
    const jobCommands = ['before_script', 'script', 'after_script'].flatMap((key) => scriptCommands(get(job, key), file));
    if (jobCommands.length === 0 && !get(job, 'trigger') && !get(job, 'extends')) continue;
    const environmentNode = get(job, 'environment');
    const environment = str(environmentNode) ?? getStr(environmentNode, 'name');
    const whenManual = getStr(job, 'when') === 'manual' || items(get(job, 'rules')).some((rule) => getStr(rule, 'when') === 'manual');
    const needsNode = get(job, 'needs');
    const needs = items(needsNode).map((need) => str(need) ?? getStr(need, 'job')).filter((x): x is string => !!x);
    const rules = items(get(job, 'rules'));
    result.jobs.push({
      id,
      name: id,
      line: file.lineOfNode(pair.key),
      environment,
      manual: whenManual,
      canFail: canFail(job, 'allow_failure'),
      disabled: getStr(job, 'when') === 'never',
      scheduled: rules.some((rule) => /CI_PIPELINE_SOURCE\s*==\s*["']schedule["']/.test(getStr(rule, 'if') ?? '') && getStr(rule, 'when') !== 'never'),
      needs,
      stage: getStr(job, 'stage'),
      steps: [{ name: id, canFail: false, disabled: false, with: {}, commands: jobCommands, line: file.lineOfNode(pair.key) }],
    });
  }
  return result;
}

/**
 * Steps whose outcome counts: not disabled, allowed to fail or masked (`|| true`). With
 * `automatic` (the default), also only jobs that run without a person starting them: a test suite
 * in a workflow that only runs by hand does not run on every change.
 */
function effectiveSteps(pipeline: CiPipeline, automatic: boolean): { job: CiJob; step: CiStep }[] {
  if (automatic && pipeline.manualOnly) return [];
  return pipeline.jobs
    .filter((job) => !job.disabled && !job.canFail && !(automatic && job.manual))
    .flatMap((job) => job.steps.filter((step) => !step.disabled && !step.canFail).map((step) => ({ job, step })));
}

export function allCommands(pipeline: CiPipeline, automatic = true): { job: CiJob; step: CiStep; command: Command }[] {
  return effectiveSteps(pipeline, automatic).flatMap(({ job, step }) => step.commands.filter((command) => !command.masked).map((command) => ({ job, step, command })));
}

export function allUses(pipeline: CiPipeline, automatic = true): { job: CiJob; step: CiStep; uses: string }[] {
  return effectiveSteps(pipeline, automatic).flatMap(({ job, step }) => (step.uses ? [{ job, step, uses: step.uses }] : []));
}

// ---- Tests ----------------------------------------------------------------------------------------

const TEST_RUNNER =
  /^(?:(?:npm|pnpm|bun)\s+(?:run\s+)?test\b|yarn\s+(?:run\s+)?test\b|(?:npm|pnpm|yarn|bun)\s+run\s+(?:test|e2e|cypress|playwright)[\w:-]*|npx\s+(?:jest|vitest|mocha|ava|playwright\s+test|cypress\s+run)\b|(?:jest|vitest|mocha|ava)\b|node\s+(?:--test|scripts\/run-tests)|deno\s+test\b|(?:python\d?\s+-m\s+)?pytest\b|tox\b|nox\b|go\s+test\b|gotestsum\b|cargo\s+(?:test|nextest)\b|dotnet\s+test\b|(?:\.\/)?mvnw?\s+.*\b(?:test|verify|integration-test)\b|(?:\.\/)?gradlew?\s+.*\b(?:test|check|integrationTest)\b|(?:vendor\/bin\/)?phpunit\b|(?:bundle\s+exec\s+)?(?:rspec|rake\s+test)\b|make\s+(?:test|check|e2e|integration)[\w-]*|mix\s+test\b|bazel\s+test\b|ctest\b|playwright\s+test\b|cypress\s+run\b|newman\s+run\b)/i;

const COVERAGE_THRESHOLD = /(?:--cov-fail-under[= ]|--fail-under[= ]|--check-coverage\b.*?--(?:lines|statements)[= ]|--coverage-threshold[= ]|--min-coverage[= ]|coverageThreshold.*?(?:lines|statements)\D+)(\d{1,3})/i;

export const ciTestsDetector: Detector = {
  id: 'ci-tests',
  title: 'CI test jobs',
  hint: loc('Run the test suites in CI on every change (npm test, pytest, go test ...), with a coverage threshold.', 'Rode as suítes de teste no CI a cada mudança (npm test, pytest, go test ...), com limite de cobertura.'),
  hints: {
    'tests/integration-tests': loc('Run the integration tests in CI on every change (a job or command that says integration: npm run test:integration, go test -tags=integration ...).', 'Rode os testes de integração no CI a cada mudança (um job ou comando que diga integration: npm run test:integration, go test -tags=integration ...).'),
    'tests/end-to-end-tests': loc('Run the end-to-end tests in CI on every change (npx playwright test, cypress run, the Cypress or Playwright actions).', 'Rode os testes end-to-end no CI a cada mudança (npx playwright test, cypress run, as actions do Cypress ou do Playwright).'),
    'tests/smoke-tests': loc('Run a smoke check in CI after deploying (a smoke step that calls the service with curl --fail, or a smoke test suite).', 'Rode uma verificação de smoke no CI após o deploy (um passo smoke que chama o serviço com curl --fail, ou uma suíte de smoke).'),
    'tests/contract-tests': loc('Verify the API contracts in CI (pact-provider-verifier, pact-broker can-i-deploy, the Pact actions).', 'Verifique os contratos de API no CI (pact-provider-verifier, pact-broker can-i-deploy, as actions do Pact).'),
    'tests/unit-tests': loc('Fail the unit tests in CI below the coverage target (80% by default): pytest --cov-fail-under=80, jest --coverageThreshold.', 'Reprove os testes unitários no CI abaixo da meta de cobertura (80% por padrão): pytest --cov-fail-under=80, jest --coverageThreshold.'),
  },
  heuristic:
    'A GitHub Actions or GitLab CI step runs a real test runner (npm test, pytest, go test, mvn verify, gradle test, jest, cypress run, ...). ' +
    'Job and step names prove nothing and echo/printf lines and comments are ignored. The kind of suite comes from the command or the job name ' +
    '(integration, e2e/cypress/playwright, smoke, pact); a coverage threshold flag declares the unit-test coverage, judged against the coverage target (80% by default). ' +
    'Steps that cannot fail (`|| true`, continue-on-error, allow_failure), disabled steps and workflows that only run by hand (workflow_dispatch) do not count.',
  proves: {
    'deployment/automated-testing': loc('The pipeline runs a test suite on every change.', 'O pipeline executa uma suíte de testes a cada mudança.'),
    'tests/integration-tests': loc('The pipeline runs an integration test suite.', 'O pipeline executa uma suíte de testes de integração.'),
    'tests/end-to-end-tests': loc('The pipeline runs end-to-end tests.', 'O pipeline executa testes end-to-end.'),
    'tests/smoke-tests': loc('The pipeline runs smoke checks after deploying.', 'O pipeline executa verificações de smoke após o deploy.'),
    'tests/contract-tests': loc('The pipeline verifies API contracts (Pact).', 'O pipeline verifica contratos de API (Pact).'),
    'tests/unit-tests': loc('The pipeline fails when coverage drops below the target.', 'O pipeline falha quando a cobertura cai abaixo da meta.'),
  },
  appliesTo: isCiFile,
  detect(file) {
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const { add, hits } = firstHitPerItem();
    const declared = new Set<number>();
    for (const { job, step, command } of allCommands(pipeline)) {
      const label = `${job.name} ${step.name}`.toLowerCase();
      const text = command.text;
      const isTest = TEST_RUNNER.test(text);
      if (isTest) add('deployment/automated-testing', loc(`Test command "${short(text)}" in job "${job.name}"`, `Comando de teste "${short(text)}" no job "${job.name}"`), command.line);
      if (isTest && /integration|\bit\b|integ\b/i.test(`${text} ${label}`))
        add('tests/integration-tests', loc(`Integration tests "${short(text)}" in job "${job.name}"`, `Testes de integração "${short(text)}" no job "${job.name}"`), command.line);
      if ((isTest && /e2e|end-to-end|cypress|playwright/i.test(`${text} ${label}`)) || /^(?:npx\s+)?(?:cypress\s+run|playwright\s+test)\b/.test(text))
        add('tests/end-to-end-tests', loc(`End-to-end tests "${short(text)}" in job "${job.name}"`, `Testes end-to-end "${short(text)}" no job "${job.name}"`), command.line);
      if (/smoke/i.test(label) || /smoke/i.test(text)) {
        if (isTest || /^(?:curl|wget|http|newman|k6|hurl)\b/.test(text))
          add('tests/smoke-tests', loc(`Smoke check "${short(text)}" in job "${job.name}"`, `Verificação de smoke "${short(text)}" no job "${job.name}"`), command.line);
      }
      if (/\bpact\b|pact-broker|pact-provider-verifier|can-i-deploy/i.test(text) && !/^(?:npm|yarn|pnpm)\s+(?:ci|install)\b/.test(text))
        add('tests/contract-tests', loc(`Contract verification "${short(text)}" in job "${job.name}"`, `Verificação de contrato "${short(text)}" no job "${job.name}"`), command.line);
      const coverage = COVERAGE_THRESHOLD.exec(text);
      const span = coverage ? file.find(coverage[0], command.line) : undefined;
      if (coverage && span && !declared.has(span.start)) {
        declared.add(span.start);
        const digits = { start: span.end - coverage[1].length, end: span.end };
        hits.push({
          item: 'tests/unit-tests',
          what: loc(`Coverage threshold ${coverage[1]}% in job "${job.name}"`, `Limite de cobertura de ${coverage[1]}% no job "${job.name}"`),
          line: command.line,
          declares: { target: 'coverage', text: `${coverage[1]}%`, value: Number(coverage[1]), span: digits, source: `job "${job.name}"` },
        });
      }
    }
    for (const { job, step, uses } of allUses(pipeline)) {
      if (/^cypress-io\/github-action/.test(uses) || /playwright/.test(uses))
        add('tests/end-to-end-tests', loc(`End-to-end action ${uses} in job "${job.name}"`, `Action de testes end-to-end ${uses} no job "${job.name}"`), step.usesLine);
      if (/^pactflow\/|pact-foundation\//.test(uses))
        add('tests/contract-tests', loc(`Contract action ${uses} in job "${job.name}"`, `Action de contrato ${uses} no job "${job.name}"`), step.usesLine);
    }
    return hits;
  },
};

// ---- Load tests in CI -----------------------------------------------------------------------------

const LOAD_RUNNER = /^(?:k6\s+(?:run|cloud)\b|docker\s+run\b.*\bgrafana\/k6\b|jmeter\b.*\s-n\b|locust\b.*--headless|artillery\s+run\b|gatling\b|(?:\.\/)?mvnw?\s+.*gatling:test|npx\s+artillery\s+run\b)/i;

export const ciLoadTestsDetector: Detector = {
  id: 'ci-load-tests',
  title: 'Load tests run by CI',
  hint: loc('Run the load tests in CI (k6 run, the grafana/k6 action).', 'Rode os testes de carga no CI (k6 run, a action grafana/k6).'),
  heuristic: 'A pipeline step runs a load-test tool non-interactively: k6 run, jmeter -n, locust --headless, artillery run, Gatling, or the grafana/k6 actions.',
  proves: {
    'tests/performance-tests': loc('Performance tests run automatically in the pipeline.', 'Testes de performance rodam automaticamente no pipeline.'),
    'performance/load-testing': loc('The pipeline runs the load tests, so they are executed, not only written.', 'O pipeline executa os testes de carga, então eles são realizados, e não só escritos.'),
  },
  appliesTo: isCiFile,
  detect(file) {
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const found: { what: Localized; line?: number }[] = [];
    for (const { job, command } of allCommands(pipeline)) {
      if (LOAD_RUNNER.test(command.text)) found.push({ what: loc(`Load test "${short(command.text)}" in job "${job.name}"`, `Teste de carga "${short(command.text)}" no job "${job.name}"`), line: command.line });
    }
    for (const { job, step, uses } of allUses(pipeline)) {
      if (/^grafana\/(?:k6-action|run-k6-action)/.test(uses)) found.push({ what: loc(`Load test action ${uses} in job "${job.name}"`, `Action de teste de carga ${uses} no job "${job.name}"`), line: step.usesLine });
    }
    const first = found[0];
    return first ? Object.keys(this.proves).map((item) => ({ item, ...first })) : [];
  },
};

// ---- Security scanners ------------------------------------------------------------------------------

interface Scanner {
  pattern: RegExp;
  name: string;
  /** SAST or DAST (tests/security-tests), besides SCA and misconfiguration scanning. */
  sastOrDast: boolean;
  image?: boolean;
}

const SCANNER_ACTIONS: Scanner[] = [
  { pattern: /^github\/codeql-action\/(?:analyze|init)/, name: 'CodeQL', sastOrDast: true },
  { pattern: /^sonarsource\//, name: 'SonarQube/SonarCloud', sastOrDast: true },
  { pattern: /^snyk\/actions\/docker/, name: 'Snyk Container', sastOrDast: false, image: true },
  { pattern: /^snyk\/actions/, name: 'Snyk', sastOrDast: false },
  { pattern: /^(?:returntocorp|semgrep)\/semgrep-action/, name: 'Semgrep', sastOrDast: true },
  { pattern: /^zaproxy\/action-/, name: 'OWASP ZAP', sastOrDast: true },
  { pattern: /^anchore\/scan-action/, name: 'Anchore Grype', sastOrDast: false, image: true },
  { pattern: /^docker\/scout-action/, name: 'Docker Scout', sastOrDast: false, image: true },
  { pattern: /^gitleaks\/gitleaks-action/, name: 'Gitleaks', sastOrDast: false },
  { pattern: /^bridgecrewio\/checkov-action/, name: 'Checkov', sastOrDast: false },
  { pattern: /^aquasecurity\/tfsec/, name: 'tfsec', sastOrDast: false },
  { pattern: /^dependency-check\/dependency-check_action/, name: 'OWASP Dependency-Check', sastOrDast: false },
  { pattern: /^securego\/gosec/, name: 'gosec', sastOrDast: true },
  { pattern: /^pypa\/gh-action-pip-audit/, name: 'pip-audit', sastOrDast: false },
];

const SCANNER_COMMANDS: Scanner[] = [
  { pattern: /^trivy\s+(?:image|i)\b/, name: 'Trivy image scan', sastOrDast: false, image: true },
  { pattern: /^trivy\s+(?:fs|filesystem|repo|config|k8s|sbom|rootfs)\b/, name: 'Trivy', sastOrDast: false },
  { pattern: /^grype\s+/, name: 'Grype', sastOrDast: false, image: true },
  { pattern: /^snyk\s+container\b/, name: 'Snyk Container', sastOrDast: false, image: true },
  { pattern: /^snyk\s+code\b/, name: 'Snyk Code', sastOrDast: true },
  { pattern: /^snyk\s+(?:test|monitor|iac)\b/, name: 'Snyk', sastOrDast: false },
  { pattern: /^docker\s+scout\s+(?:cves|quickview)\b/, name: 'Docker Scout', sastOrDast: false, image: true },
  { pattern: /^sonar-scanner\b|sonar:sonar\b|\bsonarqube\b/, name: 'SonarQube', sastOrDast: true },
  { pattern: /^semgrep\b/, name: 'Semgrep', sastOrDast: true },
  { pattern: /^(?:zap-(?:baseline|full-scan|api-scan)\.py|zap\.sh)\b/, name: 'OWASP ZAP', sastOrDast: true },
  { pattern: /^bandit\b/, name: 'Bandit', sastOrDast: true },
  { pattern: /^gosec\b/, name: 'gosec', sastOrDast: true },
  { pattern: /^(?:gitleaks|trufflehog)\b/, name: 'secret scanner', sastOrDast: false },
  { pattern: /^(?:checkov|tfsec|kics|kubesec|kube-linter|kubescape)\b/, name: 'misconfiguration scanner', sastOrDast: false },
  { pattern: /^(?:npm|pnpm)\s+audit\b|^yarn\s+(?:npm\s+)?audit\b/, name: 'npm audit', sastOrDast: false },
  { pattern: /^(?:pip-audit|safety\s+check|osv-scanner|govulncheck|bundle[- ]audit|cargo\s+audit|dependency-check(?:\.sh)?)\b/, name: 'dependency audit', sastOrDast: false },
];

const GITLAB_SECURITY_TEMPLATE = /(?:Security|Jobs)\/(SAST|DAST|Dependency-Scanning|Container-Scanning|Secret-Detection|SAST-IaC|API-Security|DAST-API)/i;

export const ciSecurityScanDetector: Detector = {
  id: 'ci-security-scan',
  title: 'Security scanners in CI',
  hint: loc('Run security scanners in CI (CodeQL, Trivy, Semgrep, ZAP, npm audit).', 'Rode scanners de segurança no CI (CodeQL, Trivy, Semgrep, ZAP, npm audit).'),
  hints: {
    'tests/security-tests': loc('Run SAST or DAST in CI (CodeQL, Semgrep, ZAP).', 'Rode SAST ou DAST no CI (CodeQL, Semgrep, ZAP).'),
    'deployment/docker-image-scanning': loc('Scan the container images in CI (trivy image, grype, docker scout cves, the Trivy or Anchore actions).', 'Escaneie as imagens de container no CI (trivy image, grype, docker scout cves, as actions do Trivy ou da Anchore).'),
  },
  heuristic:
    'A pipeline step uses a known scanner action (CodeQL, Sonar, Snyk, Trivy/Anchore/Docker Scout image scans, Semgrep, ZAP, Gitleaks, Checkov) ' +
    'or runs a scanner command (trivy, grype, snyk, semgrep, zap-baseline.py, npm audit, pip-audit, govulncheck, ...), or GitLab includes a Security/* template. ' +
    'A step merely named "security scan" proves nothing. Image scanners (trivy image, grype, snyk container, Docker Scout, a Trivy action with image-ref) also prove image scanning; SAST/DAST tools prove security tests.',
  proves: {
    'deployment/security-scanning': loc('The pipeline runs a security scanner automatically.', 'O pipeline executa um scanner de segurança automaticamente.'),
    'tests/security-tests': loc('The pipeline runs SAST or DAST.', 'O pipeline executa SAST ou DAST.'),
    'deployment/docker-image-scanning': loc('The pipeline scans container images for vulnerabilities.', 'O pipeline escaneia as imagens de container em busca de vulnerabilidades.'),
  },
  appliesTo: isCiFile,
  detect(file) {
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const { add, hits } = firstHitPerItem();
    const record = (scanner: Scanner, what: Localized, line: number | undefined) => {
      add('deployment/security-scanning', what, line);
      if (scanner.sastOrDast) add('tests/security-tests', what, line);
      if (scanner.image) add('deployment/docker-image-scanning', what, line);
    };
    for (const { job, step, uses } of allUses(pipeline)) {
      if (/^aquasecurity\/trivy-action/.test(uses)) {
        const image = step.with['image-ref'] !== undefined || step.with['scan-type'] === 'image';
        record({ pattern: /./, name: 'Trivy', sastOrDast: false, image }, loc(`Trivy action (${image ? 'image' : step.with['scan-type'] ?? 'fs'} scan) in job "${job.name}"`, `Action do Trivy (scan ${image ? 'de imagem' : step.with['scan-type'] ?? 'fs'}) no job "${job.name}"`), step.usesLine);
        continue;
      }
      const scanner = SCANNER_ACTIONS.find((candidate) => candidate.pattern.test(uses));
      if (scanner) record(scanner, loc(`${scanner.name} action ${uses} in job "${job.name}"`, `Action ${scanner.name} ${uses} no job "${job.name}"`), step.usesLine);
    }
    for (const { job, command } of allCommands(pipeline)) {
      const scanner = SCANNER_COMMANDS.find((candidate) => candidate.pattern.test(command.text));
      if (scanner) record(scanner, loc(`${scanner.name} "${short(command.text)}" in job "${job.name}"`, `${scanner.name} "${short(command.text)}" no job "${job.name}"`), command.line);
    }
    for (const template of pipeline.templates) {
      const match = GITLAB_SECURITY_TEMPLATE.exec(template.name);
      if (!match) continue;
      const kind = match[1].toUpperCase();
      record(
        { pattern: /./, name: match[1], sastOrDast: kind.startsWith('SAST') || kind.startsWith('DAST') || kind === 'API-SECURITY', image: kind === 'CONTAINER-SCANNING' },
        loc(`GitLab template ${template.name}`, `Template do GitLab ${template.name}`),
        template.line,
      );
    }
    return hits;
  },
};

// ---- Quality gates --------------------------------------------------------------------------------

export const ciQualityGateDetector: Detector = {
  id: 'ci-quality-gate',
  title: 'Quality gates',
  hint: loc('Fail the pipeline on quality: a SonarQube quality gate or a coverage threshold.', 'Reprove o pipeline por qualidade: um quality gate do SonarQube ou um limite de cobertura.'),
  hints: {
    'tests/unit-tests': loc('Set the coverage target in codecov.yml (coverage.status.project.default.target, 80% by default).', 'Defina a meta de cobertura no codecov.yml (coverage.status.project.default.target, 80% por padrão).'),
  },
  heuristic:
    'A SonarQube/SonarCloud scan or quality-gate action in a pipeline (Sonar fails the change when its quality gate fails), a coverage threshold flag ' +
    '(--cov-fail-under, --check-coverage, --coverage-threshold), or a codecov.yml with a project or patch status target.',
  proves: {
    'deployment/quality-gates': loc('The pipeline fails when quality or coverage drops below a threshold.', 'O pipeline falha quando a qualidade ou a cobertura fica abaixo de um limite.'),
    'tests/unit-tests': loc('Codecov fails the change when coverage drops below the target.', 'O Codecov reprova a mudança quando a cobertura cai abaixo da meta.'),
  },
  appliesTo: (file) => isCiFile(file) || /^\.?codecov\.ya?ml$/.test(file.name),
  detect(file) {
    const item = 'deployment/quality-gates';
    if (/codecov\.ya?ml$/.test(file.name)) {
      for (const root of file.yamlRoots()) {
        const status = get(root, 'coverage', 'status');
        const targetNode = [['project', 'default', 'target'], ['patch', 'default', 'target'], ['project', 'target']].map((path) => get(status, ...path)).find((node) => str(node) !== undefined);
        const target = str(targetNode);
        if (!target || target === 'auto') continue;
        const line = file.lineOfNode(targetNode);
        const what = loc(`Codecov status target ${target}`, `Meta de status do Codecov ${target}`);
        const percent = /^(\d{1,3}(?:\.\d+)?)%?$/.exec(target);
        const range = (targetNode as { range?: number[] }).range;
        return [
          { item, what, line },
          ...(percent && range ? [{ item: 'tests/unit-tests', what, line, declares: { target: 'coverage' as const, text: target, value: Number(percent[1]), span: { start: range[0], end: range[1] }, source: 'codecov.yml' } }] : []),
        ];
      }
      return [];
    }
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    for (const { job, step, uses } of allUses(pipeline)) {
      if (/^sonarsource\//.test(uses)) return [{ item, what: loc(`Sonar quality gate (${uses}) in job "${job.name}"`, `Quality gate do Sonar (${uses}) no job "${job.name}"`), line: step.usesLine }];
    }
    for (const { job, command } of allCommands(pipeline)) {
      if (/^sonar-scanner\b|sonar:sonar\b|sonar\.qualitygate\.wait/.test(command.text))
        return [{ item, what: loc(`Sonar scan "${short(command.text)}" in job "${job.name}"`, `Scan do Sonar "${short(command.text)}" no job "${job.name}"`), line: command.line }];
      const coverage = COVERAGE_THRESHOLD.exec(command.text);
      if (coverage) return [{ item, what: loc(`Coverage threshold ${coverage[1]}% in job "${job.name}"`, `Limite de cobertura de ${coverage[1]}% no job "${job.name}"`), line: command.line }];
    }
    return [];
  },
};

// ---- Environments: approval and promotion --------------------------------------------------------

const PRODUCTION = /^(?:prod|production|produção|producao|prd|live)(?:[-_/].*)?$/i;
const PRE_PRODUCTION = /^(?:stag|staging|stage|preprod|pre-prod|homolog|hml|uat|qa|test|dev|development)(?:[-_/].*)?$/i;

export const ciApprovalDetector: Detector = {
  id: 'ci-approval',
  title: 'Approval before production',
  hint: loc('Deploy to a protected production environment (environment: production) that requires reviewers.', 'Faça deploy em um ambiente de produção protegido (environment: production) que exige revisores.'),
  heuristic:
    'A GitHub Actions job deploys to a production environment (environment: production), which is where GitHub enforces required reviewers, ' +
    'or uses a manual-approval action; a GitLab job targets a production environment and runs only when started by hand (when: manual). ' +
    'A GitLab production job without when: manual deploys on its own and does not count.',
  proves: {
    'deployment/approval-gates': loc('Deploying to production waits for a person to approve.', 'O deploy em produção espera a aprovação de uma pessoa.'),
  },
  appliesTo: isCiFile,
  detect(file) {
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const item = 'deployment/approval-gates';
    for (const job of pipeline.jobs) {
      if (job.environment && PRODUCTION.test(job.environment) && (pipeline.system === 'github' || job.manual)) {
        const how = pipeline.system === 'github' ? loc('protected environment', 'ambiente protegido') : loc('manual job', 'job manual');
        return [{ item, what: loc(`Job "${job.name}" deploys to "${job.environment}" (${how.en})`, `O job "${job.name}" faz deploy em "${job.environment}" (${how.pt})`), line: job.line }];
      }
    }
    for (const { job, step, uses } of allUses(pipeline, false)) {
      if (/manual-approval/.test(uses)) return [{ item, what: loc(`Manual approval step ${uses} in job "${job.name}"`, `Passo de aprovação manual ${uses} no job "${job.name}"`), line: step.usesLine }];
    }
    return [];
  },
};

export const ciPromotionDetector: Detector = {
  id: 'ci-promotion',
  title: 'Promotion between environments',
  hint: loc('Deploy to staging first and promote to production in the same pipeline (needs: staging).', 'Faça deploy primeiro em staging e promova para produção no mesmo pipeline (needs: staging).'),
  heuristic:
    'One pipeline deploys to a pre-production environment (staging, homolog, uat) and to production, and the production job runs after it ' +
    '(needs: on GitHub or GitLab, or a later GitLab stage). Two unrelated deploy jobs do not count.',
  proves: {
    'deployment/environment-promotion': loc('The pipeline promotes the build from pre-production to production.', 'O pipeline promove o build de pré-produção para produção.'),
  },
  appliesTo: isCiFile,
  detect(file) {
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const before = pipeline.jobs.filter((job) => job.environment && PRE_PRODUCTION.test(job.environment));
    const production = pipeline.jobs.filter((job) => job.environment && PRODUCTION.test(job.environment));
    for (const prod of production) {
      const upstream = before.find((job) => dependsOn(pipeline, prod, job) || laterStage(pipeline, prod, job));
      if (upstream)
        return [
          {
            item: 'deployment/environment-promotion',
            what: loc(`"${upstream.environment}" (job ${upstream.name}) then "${prod.environment}" (job ${prod.name})`, `"${upstream.environment}" (job ${upstream.name}) e depois "${prod.environment}" (job ${prod.name})`),
            line: prod.line,
          },
        ];
    }
    return [];
  },
};

function dependsOn(pipeline: CiPipeline, job: CiJob, upstream: CiJob, seen = new Set<string>()): boolean {
  if (seen.has(job.id)) return false;
  seen.add(job.id);
  return job.needs.some((need) => need === upstream.id || dependsOn(pipeline, pipeline.jobs.find((candidate) => candidate.id === need) ?? job, upstream, seen));
}

function laterStage(pipeline: CiPipeline, job: CiJob, upstream: CiJob): boolean {
  if (pipeline.system !== 'gitlab' || !job.stage || !upstream.stage) return false;
  return pipeline.stages.indexOf(job.stage) > pipeline.stages.indexOf(upstream.stage) && pipeline.stages.indexOf(upstream.stage) >= 0;
}

// ---- Rollback ----------------------------------------------------------------------------------------

const ROLLBACK = /^(?:kubectl\s+(?:-n\s+\S+\s+)?rollout\s+undo\b|kubectl\s+argo\s+rollouts\s+(?:undo|abort)\b|helm\s+rollback\b|helm\s+(?:upgrade|install)\b.*--(?:atomic|rollback-on-failure)\b|argocd\s+app\s+rollback\b|aws\s+deploy\s+stop-deployment\b.*--auto-rollback-enabled|flux\s+suspend\b)/;

export const ciRollbackDetector: Detector = {
  id: 'ci-rollback',
  title: 'Automatic rollback in CI',
  hint: loc('Roll back failed releases automatically (helm upgrade --atomic, kubectl rollout undo).', 'Reverta automaticamente versões com falha (helm upgrade --atomic, kubectl rollout undo).'),
  heuristic:
    'A pipeline step rolls back a failed release: kubectl rollout undo, helm rollback, helm upgrade --atomic (rolls back on failure), ' +
    'argo rollouts undo/abort, argocd app rollback. A rollback command only echoed or written in a comment does not count.',
  proves: {
    'deployment/rollback-capability': loc('The pipeline rolls a failed release back automatically.', 'O pipeline reverte automaticamente uma versão com falha.'),
  },
  appliesTo: isCiFile,
  detect(file) {
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    for (const { job, command } of allCommands(pipeline, false)) {
      if (ROLLBACK.test(command.text))
        return [{ item: 'deployment/rollback-capability', what: loc(`Rollback "${short(command.text)}" in job "${job.name}"`, `Rollback "${short(command.text)}" no job "${job.name}"`), line: command.line }];
    }
    return [];
  },
};

