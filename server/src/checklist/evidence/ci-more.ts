/**
 * More pipeline and repository evidence: Terraform applied by CI, manifests validated before they
 * ship, dependency updates and SBOMs, scheduled restore drills, load-test baselines, and the
 * CODEOWNERS file and pull request template of change management.
 */
import { allCommands, allUses, ciPipeline, isCiFile } from './ci';
import { isRestore } from './backup';
import { contentLines, get, getStr, items, loc, short, type Detector, type SourceFile } from './source';

/** Files outside the usual evidence folders that still carry evidence. */
export function isRepositoryMetaFile(file: SourceFile): boolean {
  if (file.name === 'codeowners') return file.folders.length === 0 || ['.github', 'docs', '.gitlab'].includes(file.folders[file.folders.length - 1]);
  if (/^(?:renovate\.json5?|\.renovaterc(?:\.json)?)$/.test(file.name)) return true;
  return false;
}

// ---- Terraform applied by the pipeline (a fact for the environment-provisioned join) ------------------------

const TERRAFORM_RUN = /^(?:terraform|tofu|terragrunt)\b(?:\s+-chdir=\S+)?\s+(?:run-all\s+)?(?:plan|apply)\b/;

export const ciTerraformDetector: Detector = {
  id: 'ci-terraform',
  title: 'Terraform in the pipeline',
  heuristic: 'A pipeline step runs terraform (or tofu, terragrunt) plan or apply, or an Atlantis configuration lists projects.',
  proves: {},
  appliesTo: (file) => isCiFile(file) || /^atlantis\.ya?ml$/.test(file.name),
  textHint: /terraform|tofu|terragrunt|projects\s*:/,
  detect(file) {
    if (/^atlantis\.ya?ml$/.test(file.name)) {
      const root = file.yamlRoots()[0];
      return items(get(root, 'projects')).length > 0 ? [{ item: 'fact:terraform-ci', what: loc('Atlantis projects', 'Projetos do Atlantis'), line: 0, fact: { command: 'atlantis' } }] : [];
    }
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const run = allCommands(pipeline, false).find(({ command }) => TERRAFORM_RUN.test(command.text));
    return run ? [{ item: 'fact:terraform-ci', what: loc(`"${short(run.command.text)}" in job "${run.job.name}"`, `"${short(run.command.text)}" no job "${run.job.name}"`), line: run.command.line, fact: { command: short(run.command.text) } }] : [];
  },
};

// ---- Manifests validated --------------------------------------------------------------------------------

const MANIFEST_VALIDATION = /^(?:kubeconform|kubeval|helm\s+lint|helm\s+template\b.*\|\s*kubeconform|kubectl\s+(?:apply|create)\b.*--dry-run(?:=(?:server|client))?|kubectl\s+diff|conftest\s+test|kube-score\s+score|datree\s+test|polaris\s+audit|kube-linter\s+lint|pluto\s+detect)/;

export const ciManifestValidationDetector: Detector = {
  id: 'ci-manifest-validation',
  title: 'Manifests validated in CI',
  hint: loc('Validate the manifests in CI: kubeconform, helm lint or kubectl apply --dry-run=server.', 'Valide os manifests no CI: kubeconform, helm lint ou kubectl apply --dry-run=server.'),
  heuristic: 'A pipeline step validates Kubernetes manifests against their schemas or the API server before they ship: kubeconform, kubeval, helm lint, kubectl apply --dry-run, kubectl diff, conftest, kube-score, Polaris. Steps allowed to fail do not count.',
  proves: {
    'deployment/deployment-manifests': loc('The pipeline validates the manifests before they ship.', 'O pipeline valida os manifests antes de publicá-los.'),
  },
  appliesTo: isCiFile,
  textHint: /kubeconform|kubeval|helm\s+lint|dry-run|kubectl\s+diff|conftest|kube-score|datree|polaris|kube-linter|pluto/,
  detect(file) {
    const pipeline = ciPipeline(file);
    const found = pipeline && allCommands(pipeline).find(({ command }) => MANIFEST_VALIDATION.test(command.text));
    return found ? [{ item: 'deployment/deployment-manifests', what: loc(`"${short(found.command.text)}" in job "${found.job.name}"`, `"${short(found.command.text)}" no job "${found.job.name}"`), line: found.command.line }] : [];
  },
};

// ---- Dependency updates and SBOMs ---------------------------------------------------------------------------

const SBOM = /^(?:syft\b|cyclonedx(?:-\w+)?\b|cdxgen\b|trivy\b.*--format\s+(?:cyclonedx|spdx(?:-json)?)\b|docker\s+(?:buildx\s+build\b.*--sbom(?:=true)?\b|sbom\b))/;

export const dependencyUpdatesDetector: Detector = {
  id: 'dependency-updates',
  title: 'Dependency updates and SBOMs',
  hint: loc('Add .github/dependabot.yml (or Renovate) and generate an SBOM in CI (syft, anchore/sbom-action).', 'Adicione o .github/dependabot.yml (ou Renovate) e gere um SBOM no CI (syft, anchore/sbom-action).'),
  heuristic:
    'Software composition analysis: a Dependabot configuration with at least one update entry (package-ecosystem and schedule), a Renovate configuration that is not disabled, ' +
    'or a pipeline step that produces an SBOM (syft, CycloneDX, trivy --format cyclonedx/spdx, docker buildx --sbom, anchore/sbom-action).',
  proves: {
    'deployment/security-scanning': loc('Dependencies are tracked and updated automatically (SCA).', 'As dependências são rastreadas e atualizadas automaticamente (SCA).'),
  },
  appliesTo: (file) => isCiFile(file) || /^dependabot\.ya?ml$/.test(file.name) || /^(?:renovate\.json5?|\.renovaterc(?:\.json)?)$/.test(file.name),
  detect(file) {
    const item = 'deployment/security-scanning';
    if (/^dependabot\.ya?ml$/.test(file.name)) {
      const update = items(get(file.yamlRoots()[0], 'updates')).find((entry) => getStr(entry, 'package-ecosystem') && getStr(entry, 'schedule', 'interval'));
      return update ? [{ item, what: loc(`Dependabot updates for ${getStr(update, 'package-ecosystem')} (${getStr(update, 'schedule', 'interval')})`, `Atualizações do Dependabot para ${getStr(update, 'package-ecosystem')} (${getStr(update, 'schedule', 'interval')})`), line: file.lineOfNode(update) }] : [];
    }
    if (/renovate/.test(file.name)) {
      try {
        const config = JSON.parse(file.text.replace(/^\s*\/\/.*$/gm, '')) as { enabled?: unknown; extends?: unknown; packageRules?: unknown };
        if (config.enabled === false || !(Array.isArray(config.extends) || Array.isArray(config.packageRules))) return [];
        return [{ item, what: loc(`Renovate configuration ${file.name}`, `Configuração do Renovate ${file.name}`), line: 0 }];
      } catch {
        // JSON5 with trailing commas or comments Renovate accepts: not read here.
        return [];
      }
    }
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const sbom = allCommands(pipeline).find(({ command }) => SBOM.test(command.text));
    if (sbom) return [{ item, what: loc(`SBOM "${short(sbom.command.text)}" in job "${sbom.job.name}"`, `SBOM "${short(sbom.command.text)}" no job "${sbom.job.name}"`), line: sbom.command.line }];
    const action = allUses(pipeline).find(({ uses }) => /^anchore\/sbom-action|cyclonedx\//.test(uses));
    return action ? [{ item, what: loc(`SBOM action ${action.uses} in job "${action.job.name}"`, `Action de SBOM ${action.uses} no job "${action.job.name}"`), line: action.step.usesLine }] : [];
  },
};

// ---- Scheduled restore drills ---------------------------------------------------------------------------

const RESTORE_SCRIPT = /^(?:\.\/|bash\s+|sh\s+)?\S*(?:restore|dr[-_]drill|disaster)\S*\.sh\b|^make\s+(?:restore|dr)[\w-]*/;

export const ciRestoreDrillDetector: Detector = {
  id: 'ci-restore-drill',
  title: 'Scheduled restore drills in CI',
  hint: loc('Schedule a workflow (on: schedule) that restores the latest backup into a scratch environment.', 'Agende um workflow (on: schedule) que restaure o último backup em um ambiente de teste.'),
  heuristic:
    'A scheduled pipeline job (GitHub on: schedule, GitLab rules on the schedule source) that restores a backup into a target (pg_restore -d, psql < dump, velero restore create, ' +
    'mongorestore, an RDS restore) or runs a restore/DR-drill script. A restore that only lists a backup, or a job that runs only by hand, does not count.',
  proves: {
    'backup/backup-testing': loc('A scheduled job restores a backup, so restores are exercised.', 'Um job agendado restaura um backup, então os restores são exercitados.'),
    'backup/dr-testing': loc('A scheduled drill restores the environment, so disaster recovery is rehearsed.', 'Um exercício agendado restaura o ambiente, então o disaster recovery é ensaiado.'),
  },
  appliesTo: isCiFile,
  textHint: /restore|dr[-_]drill|disaster/i,
  detect(file) {
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const drill = allCommands(pipeline).find(({ job, command }) => job.scheduled && (isRestore(command) || RESTORE_SCRIPT.test(command.text)));
    if (!drill) return [];
    const what = loc(`Scheduled job "${drill.job.name}" runs "${short(drill.command.text)}"`, `O job agendado "${drill.job.name}" executa "${short(drill.command.text)}"`);
    return [
      { item: 'backup/backup-testing', what, line: drill.command.line },
      { item: 'backup/dr-testing', what, line: drill.command.line },
    ];
  },
};

// ---- Performance baselines ----------------------------------------------------------------------------------

export const ciPerformanceBaselineDetector: Detector = {
  id: 'ci-performance-baseline',
  title: 'Performance baselines recorded by CI',
  hint: loc('Keep load-test results as a baseline: k6 run --summary-export, or benchmark-action/github-action-benchmark.', 'Guarde os resultados dos testes de carga como baseline: k6 run --summary-export, ou benchmark-action/github-action-benchmark.'),
  heuristic: 'An automatic pipeline records load-test or benchmark results to compare runs: benchmark-action/github-action-benchmark, or k6 run with --summary-export or an --out results sink. Running a load test without keeping its results sets no baseline.',
  proves: {
    'performance/performance-baselines': loc('Each run\'s results are recorded, so regressions show against a baseline.', 'Os resultados de cada execução ficam registrados, então regressões aparecem em relação a um baseline.'),
  },
  appliesTo: isCiFile,
  textHint: /github-action-benchmark|summary-export|k6[^\n]*--out/,
  detect(file) {
    const pipeline = ciPipeline(file);
    if (!pipeline) return [];
    const action = allUses(pipeline).find(({ uses }) => /^benchmark-action\/github-action-benchmark/.test(uses));
    if (action) return [{ item: 'performance/performance-baselines', what: loc(`${action.uses} in job "${action.job.name}"`, `${action.uses} no job "${action.job.name}"`), line: action.step.usesLine }];
    const k6 = allCommands(pipeline).find(({ command }) => /^k6\s+run\b.*(?:--summary-export[= ]\S|--out[= ]\S|-o\s+\S)/.test(command.text));
    return k6 ? [{ item: 'performance/performance-baselines', what: loc(`"${short(k6.command.text)}" in job "${k6.job.name}"`, `"${short(k6.command.text)}" no job "${k6.job.name}"`), line: k6.command.line }] : [];
  },
};

// ---- Change management facts --------------------------------------------------------------------------------

export const changeManagementFactsDetector: Detector = {
  id: 'change-management-files',
  title: 'CODEOWNERS and pull request templates',
  heuristic: 'Records a CODEOWNERS file with at least one "<path> @owner" rule, and a pull request template with at least two lines of real content, for the change-management join.',
  proves: {},
  appliesTo: (file) => file.name === 'codeowners' || (file.isMarkdown && /pull_request_template/.test([...file.folders, file.name].join('/'))),
  detect(file) {
    if (file.name === 'codeowners') {
      const rules = file.text.split(/\r?\n/).filter((line) => /^\s*[^#\s]\S*\s+(?:@[\w./-]+|[\w.+-]+@[\w-]+\.[\w.]+)/.test(line));
      return rules.length > 0 ? [{ item: 'fact:codeowners', what: loc('CODEOWNERS', 'CODEOWNERS'), line: 0, fact: { rules: String(rules.length) } }] : [];
    }
    return contentLines(file.text.split(/\r?\n/)).length >= 2 ? [{ item: 'fact:pr-template', what: loc('Pull request template', 'Template de pull request'), line: 0, fact: {} }] : [];
  },
};

export const CI_MORE_DETECTORS: Detector[] = [ciTerraformDetector, ciManifestValidationDetector, dependencyUpdatesDetector, ciRestoreDrillDetector, ciPerformanceBaselineDetector, changeManagementFactsDetector];
