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
  hint: loc('Write load tests (k6, JMeter, Locust) with thresholds on latency (p(95)<200).', 'Escreva testes de carga (k6, JMeter, Locust) com limites de latência (p(95)<200).'),
  hints: {
    'performance/stress-testing': loc('Add a stress or spike scenario to the load tests (a k6 scenario or script named stress or spike).', 'Adicione um cenário de estresse ou pico aos testes de carga (um cenário ou script k6 chamado stress ou spike).'),
    'performance/throughput': loc('Drive the throughput target (1,000 RPS by default) in a k6 constant- or ramping-arrival-rate scenario.', 'Aplique a meta de vazão (1.000 RPS por padrão) em um cenário k6 constant- ou ramping-arrival-rate.'),
    'performance/concurrency': loc('Run a k6 load test with more than 10,000 virtual users (vus or maxVUs).', 'Rode um teste de carga k6 com mais de 10.000 usuários virtuais (vus ou maxVUs).'),
  },
  heuristic:
    'A k6 script (imports k6 and exports a default function or options), a JMeter test plan (.jmx with a thread group) or a Locust file (imports locust and defines an HttpUser) ' +
    'under a load/perf/k6 folder or with a load-test name. A .js file in such a folder that does not use k6 does not count. A k6 p(95) threshold on http_req_duration ' +
    'declares the P95 budget (judged against the P95 target), an arrival-rate scenario the throughput, http_req_failed the error rate, and more than 10,000 virtual users ' +
    'the concurrency; commented-out thresholds do not count. A file, scenario or test named stress/spike/breakpoint proves stress testing.',
  proves: {
    'performance/load-testing': loc('Load-test scripts exist for the application.', 'Existem scripts de teste de carga para a aplicação.'),
    'performance/performance-budgets': loc('The load test fails when latency exceeds its threshold: a performance budget.', 'O teste de carga falha quando a latência passa do limite: um orçamento de performance.'),
    'performance/stress-testing': loc('A stress or spike test pushes the system past its expected load.', 'Um teste de stress ou de pico leva o sistema além da carga esperada.'),
    'performance/response-times': loc('The load test fails when the P95 exceeds its threshold, within the target.', 'O teste de carga falha quando o P95 passa do limite, dentro da meta.'),
    'performance/throughput': loc('The load test drives the target throughput.', 'O teste de carga gera a vazão da meta.'),
    'performance/concurrency': loc('The load test runs more than 10,000 virtual users.', 'O teste de carga roda mais de 10.000 usuários virtuais.'),
  },
  appliesTo: isLoadScriptPath,
  detect(file) {
    const found = loadTool(file);
    if (!found) return [];
    const hits: DetectorHit[] = [{ item: 'performance/load-testing', what: loc(`${found.tool} script`, `Script ${found.tool}`), line: found.line }];
    if (found.tool === 'k6') hits.push(...k6Declarations(file));
    const stress = /\b(stress|spike|breakpoint)\b/i.exec(`${file.name.replace(/[-_.]/g, ' ')}`) ?? /(?:scenarios\s*:[\s\S]*?\b(stress|spike|breakpoint)\w*\s*:)|testname="[^"]*\b(stress|spike)/i.exec(file.text);
    if (stress) {
      const inText = stress.input === file.text;
      hits.push({ item: 'performance/stress-testing', what: loc(`${found.tool} ${inText ? 'scenario' : 'script'} "${stress[1] ?? stress[2] ?? stress[0]}"`, `${inText ? 'Cenário' : 'Script'} ${found.tool} "${stress[1] ?? stress[2] ?? stress[0]}"`), line: inText ? file.lineOf(stress.index) : found.line });
    }
    return hits;
  },
};

/** The k6 script's budgets and load: p(95) thresholds, the error-rate threshold, arrival rates and virtual users. */
function k6Declarations(file: SourceFile): DetectorHit[] {
  const hits: DetectorHit[] = [];
  const text = file.text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const duration of text.matchAll(/http_req_duration[^:\n]*['"]?\s*:\s*\[([^\]]*)\]/g)) {
    for (const p95 of duration[1].matchAll(/p\(\s*95\s*\)\s*<=?\s*(\d+(?:\.\d+)?)/g)) {
      const start = duration.index! + duration[0].indexOf(duration[1]) + p95.index!;
      const declares = { target: 'p95' as const, text: p95[0], value: Number(p95[1]), span: { start, end: start + p95[0].length }, source: `k6 threshold in ${file.name}` };
      const what = loc(`k6 threshold http_req_duration ${p95[0]}`, `Limite do k6 http_req_duration ${p95[0]}`);
      hits.push({ item: 'performance/performance-budgets', what, line: file.lineOf(start), declares }, { item: 'performance/response-times', what, line: file.lineOf(start), declares });
    }
  }
  for (const failed of text.matchAll(/http_req_failed[^:\n]*['"]?\s*:\s*\[[^\]]*?(rate\s*<=?\s*(\d*\.?\d+))/g)) {
    const start = failed.index! + failed[0].indexOf(failed[1]);
    hits.push({ item: 'declared:errorRate', what: loc(`k6 threshold http_req_failed ${failed[1]}`, `Limite do k6 http_req_failed ${failed[1]}`), line: file.lineOf(start), declares: { target: 'errorRate', text: failed[1], value: Number(failed[2]) * 100, span: { start, end: start + failed[1].length }, source: `k6 threshold in ${file.name}` } });
  }
  for (const scenario of text.matchAll(/executor\s*:\s*['"](?:constant|ramping)-arrival-rate['"][^}]*?\b(?:rate|target)\s*:\s*(\d+)[^}]*?/g)) {
    const block = text.slice(scenario.index!, text.indexOf('}', scenario.index!) + 1);
    const unit = /timeUnit\s*:\s*['"](\d+)(ms|s|m)['"]/.exec(block);
    const seconds = unit ? Number(unit[1]) * (unit[2] === 'ms' ? 0.001 : unit[2] === 'm' ? 60 : 1) : 1;
    const rates = [...block.matchAll(/\b(?:rate|target)\s*:\s*(\d+)/g)];
    const peak = rates.reduce((best, match) => (Number(match[1]) > Number(best[1]) ? match : best), rates[0]);
    const start = scenario.index! + peak.index!;
    const rps = Number(peak[1]) / seconds;
    hits.push({ item: 'performance/throughput', what: loc(`k6 arrival rate ${rps} RPS`, `Taxa de chegada do k6 ${rps} RPS`), line: file.lineOf(start), declares: { target: 'throughput', text: peak[0], value: rps, span: { start, end: start + peak[0].length }, source: `k6 scenario in ${file.name}` } });
  }
  const vus = [...text.matchAll(/\b(?:vus|maxVUs)\s*:\s*(\d+)/g)].map((match) => Number(match[1]));
  const peakVus = vus.length ? Math.max(...vus) : 0;
  if (peakVus > 10_000) hits.push({ item: 'performance/concurrency', what: loc(`k6 runs up to ${peakVus} virtual users`, `O k6 roda até ${peakVus} usuários virtuais`), line: 0 });
  return hits;
}

export const progressiveDeliveryDetector: Detector = {
  id: 'progressive-delivery',
  title: 'Progressive delivery',
  hint: loc('Release with a canary or blue-green rollout (Argo Rollouts with analysis, Flagger).', 'Libere com rollout canary ou blue-green (Argo Rollouts com análise, Flagger).'),
  hints: {
    'deployment/rollback-capability': loc('Release with an Argo Rollouts canary or blue-green with analysis, or a Flagger Canary: they roll back by themselves.', 'Libere com canary ou blue-green do Argo Rollouts com análise, ou um Canary do Flagger: eles revertem sozinhos.'),
  },
  heuristic:
    'An Argo Rollouts Rollout with a canary or blueGreen strategy, or a Flagger Canary resource. A plain Deployment is covered by the k8s/rolling-update rule instead.',
  proves: {
    'deployment/deployment-strategy': loc('Releases go out as a canary or blue-green rollout.', 'As versões são liberadas como rollout canary ou blue-green.'),
    'deployment/rollback-capability': loc('The rollout controller aborts and rolls back automatically when the analysis fails.', 'O controlador de rollout aborta e reverte automaticamente quando a análise falha.'),
  },
  appliesTo: (file) => file.isYaml,
  textHint: /kind\s*:\s*['"]?(?:Rollout|Canary)\b/,
  perDocument: 'firstDocument',
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
