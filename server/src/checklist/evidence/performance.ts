/**
 * Performance and delivery evidence: load-test scripts (k6, JMeter, Locust) and progressive
 * delivery resources (Argo Rollouts, Flagger).
 */
import { get, getStr, loc, walkMaps, type Detector, type DetectorHit, type SourceFile } from './source';

const LOAD_FOLDERS = /^(?:load|loadtests?|load-tests?|load_tests?|perf|performance|performance-tests?|k6|stress|stress-tests?|benchmarks?|soak)$/;

export function isLoadScriptPath(file: SourceFile): boolean {
  if (file.name.endsWith('.jmx')) return true;
  if (/^locustfile.*\.py$|locust.*\.py$/.test(file.name)) return true;
  if (!/\.(?:js|mjs|ts)$/.test(file.name)) return false;
  return file.folders.some((folder) => LOAD_FOLDERS.test(folder)) || /(?:^k6[-_.]|[-_.]k6\.|load[-_]?test|stress[-_]?test|soak[-_]?test)/.test(file.name);
}

type LoadTool = 'k6' | 'JMeter' | 'Locust';

function loadTool(file: SourceFile): { tool: LoadTool; line: number } | undefined {
  if (file.name.endsWith('.jmx')) {
    const at = file.text.search(/<jmeterTestPlan\b/);
    return at >= 0 && /<ThreadGroup\b|<kg\.apc\.jmeter\.threads|ThreadGroup/.test(file.text) ? { tool: 'JMeter', line: file.lineOf(at) } : undefined;
  }
  if (file.name.endsWith('.py')) {
    const importAt = file.text.search(/^\s*(?:from\s+locust\s+import|import\s+locust)\b/m);
    return importAt >= 0 && /class\s+\w+\s*\(\s*(?:Fast)?HttpUser\s*\)|class\s+\w+\s*\(\s*User\s*\)/.test(file.text) ? { tool: 'Locust', line: file.lineOf(importAt) } : undefined;
  }
  const importAt = file.text.search(/^\s*import\b[^;\n]*\bfrom\s+['"]k6(?:\/[\w/-]+)?['"]|require\(\s*['"]k6(?:\/[\w/-]+)?['"]\s*\)/m);
  return importAt >= 0 && /export\s+default\s+(?:async\s+)?function|export\s+(?:const|let)\s+options\b|export\s*\{[^}]*\bdefault\b/.test(file.text) ? { tool: 'k6', line: file.lineOf(importAt) } : undefined;
}

export const loadTestScriptDetector: Detector = {
  id: 'load-test-script',
  title: 'Load-test scripts',
  heuristic:
    'A k6 script (imports k6 and exports a default function or options), a JMeter test plan (.jmx with a thread group) or a Locust file (imports locust and defines an HttpUser) ' +
    'under a load/perf/k6 folder or with a load-test name. A .js file in such a folder that does not use k6 does not count. k6 thresholds on http_req_duration ' +
    'prove performance budgets; a file, scenario or test named stress/spike/breakpoint proves stress testing.',
  proves: {
    'performance/load-testing': loc('Load-test scripts exist for the application.', 'Existem scripts de teste de carga para a aplicação.'),
    'performance/performance-budgets': loc('The load test fails when latency exceeds its threshold: a performance budget.', 'O teste de carga falha quando a latência passa do limite: um orçamento de performance.'),
    'performance/stress-testing': loc('A stress or spike test pushes the system past its expected load.', 'Um teste de stress ou de pico leva o sistema além da carga esperada.'),
  },
  appliesTo: isLoadScriptPath,
  detect(file) {
    const found = loadTool(file);
    if (!found) return [];
    const hits: DetectorHit[] = [{ item: 'performance/load-testing', what: loc(`${found.tool} script`, `Script ${found.tool}`), line: found.line }];
    if (found.tool === 'k6') {
      const threshold = /http_req_duration[^:\n]*['"]?\s*:\s*\[\s*['"]([^'"]+)['"]/.exec(file.text);
      if (threshold) hits.push({ item: 'performance/performance-budgets', what: loc(`k6 threshold http_req_duration ${threshold[1]}`, `Limite do k6 http_req_duration ${threshold[1]}`), line: file.lineOf(threshold.index) });
    }
    const stress = /\b(stress|spike|breakpoint)\b/i.exec(`${file.name.replace(/[-_.]/g, ' ')}`) ?? /(?:scenarios\s*:[\s\S]*?\b(stress|spike|breakpoint)\w*\s*:)|testname="[^"]*\b(stress|spike)/i.exec(file.text);
    if (stress) {
      const inText = stress.input === file.text;
      hits.push({ item: 'performance/stress-testing', what: loc(`${found.tool} ${inText ? 'scenario' : 'script'} "${stress[1] ?? stress[2] ?? stress[0]}"`, `${inText ? 'Cenário' : 'Script'} ${found.tool} "${stress[1] ?? stress[2] ?? stress[0]}"`), line: inText ? file.lineOf(stress.index) : found.line });
    }
    return hits;
  },
};

export const progressiveDeliveryDetector: Detector = {
  id: 'progressive-delivery',
  title: 'Progressive delivery',
  heuristic:
    'An Argo Rollouts Rollout with a canary or blueGreen strategy, or a Flagger Canary resource. A plain Deployment is covered by the k8s/rolling-update rule instead.',
  proves: {
    'deployment/deployment-strategy': loc('Releases go out as a canary or blue-green rollout.', 'As versões são liberadas como rollout canary ou blue-green.'),
    'deployment/rollback-capability': loc('The rollout controller aborts and rolls back automatically when the analysis fails.', 'O controlador de rollout aborta e reverte automaticamente quando a análise falha.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /kind\s*:\s*['"]?(?:Rollout|Canary)\b/,
  detect(file) {
    for (const root of file.yamlRoots()) {
      const apiVersion = getStr(root, 'apiVersion') ?? '';
      const kind = getStr(root, 'kind');
      const name = getStr(root, 'metadata', 'name') ?? '';
      if (kind === 'Rollout' && apiVersion.startsWith('argoproj.io/')) {
        const strategy = get(root, 'spec', 'strategy', 'canary') ? 'canary' : get(root, 'spec', 'strategy', 'blueGreen') ? 'blueGreen' : undefined;
        if (!strategy) continue;
        const what = loc(`Argo Rollout ${name} (${strategy})`, `Argo Rollout ${name} (${strategy})`);
        const hits: DetectorHit[] = [{ item: 'deployment/deployment-strategy', what, line: file.lineOfNode(root) }];
        // Argo aborts only when an analysis decides; without one the canary needs a person.
        const analysed = [...walkMaps(get(root, 'spec', 'strategy'))].some((map) => map.has('analysis') || map.has('prePromotionAnalysis') || map.has('postPromotionAnalysis'));
        if (analysed)
          hits.push({ item: 'deployment/rollback-capability', what, line: file.lineOfNode(root) });
        return hits;
      }
      if (kind === 'Canary' && apiVersion.startsWith('flagger.app/')) {
        const what = loc(`Flagger Canary ${name}`, `Flagger Canary ${name}`);
        return [
          { item: 'deployment/deployment-strategy', what, line: file.lineOfNode(root) },
          { item: 'deployment/rollback-capability', what, line: file.lineOfNode(root) },
        ];
      }
    }
    return [];
  },
};
