// Drives a real VS Code (code-server 4.100.3 in headless Chromium) against a workspace and takes
// screenshots of the diagnostics, a quick fix and the checklist panel into .e2e/screenshots/.
//
//   npm run build && node scripts/e2e.mjs [workspace] [--extension DIR] [--locale pt-br] [--keep]
//
// workspace defaults to examples/ and is copied to a temp folder first, so quick fixes never touch
// the repository. Needs code-server in .e2e/code-server (installed on first run with
// ../shared/e2e/install-code-server.sh), /usr/bin/chromium and playwright-core (from the project or
// .e2e/tools). Every wait has a deadline; nothing sleeps. See ../shared/e2e/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, '.e2e');
const screenshotDir = join(cacheDir, 'screenshots');
const CODE_SERVER_VERSION = '4.100.3';
const CHROMIUM = '/usr/bin/chromium';
const CONTAINER_TITLE = 'Production Readiness';

const args = parseArgs(process.argv.slice(2));
const extensionDir = resolve(args.extension ?? root);
const sourceWorkspace = resolve(args.workspace ?? join(root, 'examples'));

/** Deadlines in ms; the first start of code-server compiles nothing but still loads ~300 MB. */
const DEADLINE = { healthz: 60_000, workbench: 60_000, explorer: 30_000, diagnostics: 60_000, ui: 15_000, tree: 30_000 };

const steps = [];
let codeServer;
let context;
let page;
let exitCode = 0;
const temp = mkdtempSync(join(tmpdir(), 'readiness-e2e-'));

try {
  await run();
} catch (error) {
  exitCode = 1;
  console.error(`\nE2E FAILED: ${error instanceof Error ? error.message : error}`);
  if (page) await shot('failure').catch(() => {});
  printLogs();
} finally {
  await context?.close().catch(() => {});
  await stopCodeServer();
  if (args.keep) console.log(`kept ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
  process.exit(exitCode);
}

async function run() {
  preflight();
  const { chromium } = loadPlaywright();
  const workspace = join(temp, 'workspace', basename(sourceWorkspace));
  cpSync(sourceWorkspace, workspace, { recursive: true, filter: (src) => !/[\\/](node_modules|\.git)$/.test(src) });
  mkdirSync(screenshotDir, { recursive: true });
  for (const old of readdirSync(screenshotDir)) if (old.endsWith('.png')) rmSync(join(screenshotDir, old));

  const port = await freePort();
  codeServer = startCodeServer(port, workspace);
  await step('code-server answers /healthz', () => waitForHealthz(port));

  context = await chromium.launchPersistentContext(join(temp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    env: isolatedEnv(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));

  await step('workbench loads', async () => {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: DEADLINE.workbench });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: DEADLINE.explorer });
  });

  const dockerfile = findFile(workspace, (path) => /^(Dockerfile(\..+)?|.+\.dockerfile|Containerfile)$/.test(basename(path)));
  const manifest = findFile(workspace, (path) => /\.ya?ml$/.test(path) && /^apiVersion:/m.test(readFileSync(path, 'utf8')) && /^kind:/m.test(readFileSync(path, 'utf8')));
  const opened = [manifest, dockerfile].filter(Boolean).map((path) => relative(workspace, path));
  if (!opened.length) {
    // Nothing to analyze: the panel must show its welcome view, not an empty or zero-score checklist.
    await step('welcome view in a workspace without supported files', async () => {
      await page.locator(`.activitybar [aria-label^="${CONTAINER_TITLE}"]`).first().click();
      await page.locator('.sidebar .welcome-view-content').first().waitFor({ timeout: DEADLINE.tree });
      await shot('welcome');
    });
    return;
  }
  // The Dockerfile is opened last so it is the active editor for the quick fix.
  for (const file of opened) await step(`open ${file} from the Explorer`, () => openFromExplorer(file));

  const problemCount = await step('diagnostics appear in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel .monaco-list-row');
    await markers.first().waitFor({ timeout: DEADLINE.diagnostics });
    await page.locator('.markers-panel .monaco-list-row .marker-icon').first().waitFor({ timeout: DEADLINE.ui });
    await shot('problems');
    return markers.count();
  });

  await step('quick fix menu on a squiggle', () => quickFix(opened));

  const panel = await step('checklist panel: proof and unknown in the header, Fix first on top', () => openPanel());
  if (args.locale) {
    // A translated run shows the translated panel; the interactions below speak English.
    await step('findings grouped by rule under a Fix first entry', () => groupedFindings(panel));
    return;
  }
  await step('findings grouped by rule under a Fix first entry', () => groupedFindings(panel));
  await step('apply a fix from Fix first: the edit lands next to the cursor', () => applyFixFromPanel(panel));
  await step('rule documentation opens offline in the markdown preview', () => openRuleDocs(panel));
  await step('skipped files, with their reason', () => skippedFiles(panel));
  await step('mark an unverified item as done from Fix first', () => markDone(panel));
  await step('show only what needs attention, then all again', () => filterAttention(panel));
  await step('sign off as Tech Lead from the command palette', () => signOffAsTechLead(panel));
  await step('export the Markdown report from the command palette', () => exportMarkdownReport(workspace));

  const nginxPath = findFile(workspace, (path) => /(^|\/)nginx\.conf$/.test(path));
  const nginxConf = nginxPath && relative(workspace, nginxPath);
  if (nginxConf) {
    await step(`open ${nginxConf}: nginx colours, folding and squiggles`, async () => {
      await page.keyboard.press('Control+Shift+E');
      await page.locator('.explorer-folders-view').first().waitFor({ timeout: DEADLINE.ui });
      await openFromExplorer(nginxConf);
      await page.locator('.editor-group-container.active .squiggly-error, .editor-group-container.active .squiggly-warning').first().waitFor({ timeout: DEADLINE.diagnostics });
      await page.locator('.editor-group-container.active .cldr.codicon-folding-expanded, .editor-group-container.active .codicon-folding-expanded').first().waitFor({ timeout: DEADLINE.ui });
      await shot('nginx');
    });
  }

  const composePath = findFile(workspace, (path) => /^(docker-)?compose[^/]*\.ya?ml$/.test(basename(path)));
  const composeFile = composePath && relative(workspace, composePath);
  if (composeFile) {
    await step(`open ${composeFile}: Compose squiggles and a quick fix`, async () => {
      await page.keyboard.press('Control+Shift+E');
      await page.locator('.explorer-folders-view').first().waitFor({ timeout: DEADLINE.ui });
      await openFromExplorer(composeFile);
      const editor = page.locator('.editor-group-container.active .monaco-editor').first();
      await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: DEADLINE.diagnostics });
      await shot('compose');
      // Prometheus published on every interface: its fix binds the port to loopback.
      await editor.locator('.view-lines').click();
      const line = readFileSync(composePath, 'utf8').split('\n').findIndex((text) => text.includes('"9090:9090"')) + 1;
      await page.keyboard.press('Control+G');
      const goTo = page.locator('.quick-input-widget input');
      await goTo.waitFor({ timeout: DEADLINE.ui });
      await goTo.fill(`:${line}:12`);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: DEADLINE.ui });
      const menu = page.locator('.action-widget .monaco-list-row.action');
      await page.keyboard.press('Control+.');
      await menu.first().waitFor({ timeout: DEADLINE.ui });
      const labels = (await menu.allInnerTexts()).map((label) => label.trim());
      console.log(`  code actions on the published Prometheus port: ${labels.join(' | ')}`);
      await shot('compose-quick-fix-menu');
      // Prometheus bound to loopback: the finding on the port goes away.
      await applyHighlightedAction(editor, menu, 'the loopback binding', '127.0.0.1:9090:9090');
      await shot('compose-quick-fix-applied');
    });
  }

  await step("the server's code cache is in the extension's global storage", async () => {
    // Written once the first checklist is scored (server/src/boot.ts); every later start compiles from it.
    const folder = join(temp, 'user-data', 'User', 'globalStorage', 'readiness-team.production-readiness', 'code-cache');
    const deadline = Date.now() + DEADLINE.diagnostics;
    const caches = () => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.cache')) : []);
    while (caches().length === 0) {
      if (Date.now() > deadline) throw new Error(`no code cache in ${folder}`);
      await page.waitForTimeout(100); // poll interval, bounded by the deadline
    }
    console.log(`  ${caches()[0]} (${Math.round(statSync(join(folder, caches()[0])).size / 1024)} KB)`);
  });

  console.log(`\n${problemCount} rows in the Problems panel; screenshots in ${relative(root, screenshotDir)}/`);
  if (consoleErrors.length) console.log(`browser console errors (${consoleErrors.length}), first: ${consoleErrors[0].slice(0, 300)}`);
}

function parseArgs(argv) {
  const parsed = { keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--extension') parsed.extension = argv[++i];
    else if (argv[i] === '--keep') parsed.keep = true;
    else if (argv[i] === '--locale') parsed.locale = argv[++i];
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    else parsed.workspace = argv[i];
  }
  return parsed;
}

function preflight() {
  for (const file of ['dist/extension.js', 'dist/server.js', 'dist/server-core.js']) {
    if (!existsSync(join(extensionDir, file))) throw new Error(`${file} is missing in ${extensionDir}: run \`npm run build\` first`);
  }
  if (!existsSync(sourceWorkspace) || !statSync(sourceWorkspace).isDirectory()) throw new Error(`workspace ${sourceWorkspace} is not a folder`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (see ../shared/e2e/README.md)`);
  if (!existsSync(codeServerEntry())) {
    const installer = resolve(root, '../shared/e2e/install-code-server.sh');
    if (!existsSync(installer)) throw new Error(`code-server is not in ${cacheDir} and ${installer} is missing`);
    console.log(`installing code-server ${CODE_SERVER_VERSION} into ${relative(root, cacheDir)}/ (about 2 minutes, once)`);
    const result = spawnSync('bash', [installer, CODE_SERVER_VERSION, cacheDir], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('code-server install failed');
  }
}

function loadPlaywright() {
  for (const base of [root, join(cacheDir, 'tools')]) {
    try {
      return createRequire(join(base, 'package.json'))('playwright-core');
    } catch {
      // try the next place
    }
  }
  throw new Error('playwright-core not found: npm i --prefix .e2e/tools playwright-core');
}

function codeServerEntry() {
  return join(cacheDir, 'code-server', 'out', 'node', 'entry.js');
}

function isolatedEnv() {
  const home = join(temp, 'home');
  for (const dir of ['', '.config', '.local/share', '.cache']) mkdirSync(join(home, dir), { recursive: true });
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    LANG: 'C.UTF-8',
  };
}

function startCodeServer(port, workspace) {
  const userData = join(temp, 'user-data');
  const extensions = join(temp, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
  symlinkSync(extensionDir, join(extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'telemetry.telemetryLevel': 'off',
        'workbench.startupEditor': 'none',
        'git.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'files.autoSave': 'off',
        // A preview tab would be replaced by the next file, closing the first one and clearing its diagnostics.
        'workbench.editor.enablePreview': false,
        'readiness.trace.server': 'messages',
      },
      null,
      2,
    ),
  );
  if (args.locale) stubLanguagePack(userData, args.locale);
  const log = openSync(join(temp, 'code-server.log'), 'w');
  const child = spawn(
    process.execPath,
    [
      codeServerEntry(),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userData,
      '--extensions-dir', extensions,
      ...(args.locale ? ['--locale', args.locale] : []),
      workspace,
    ],
    // Its own process group, so stopping it by its PID also reaches the extension host and the language server.
    { env: isolatedEnv(), stdio: ['ignore', log, log], detached: true },
  );
  child.exited = new Promise((done) => child.once('exit', done));
  console.log(`code-server pid ${child.pid} on port ${port}`);
  return child;
}

/**
 * Makes VS Code run in `locale` without downloading its language pack: a pack with no translations,
 * registered in the user data dir where the server looks for packs. The workbench stays English;
 * vscode.env.language is the locale, so the extension's own bundles (l10n/, package.nls.*) apply.
 */
function stubLanguagePack(userData, locale) {
  const translations = join(temp, 'language-pack', 'main.i18n.json');
  mkdirSync(dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = { hash: `stub-${locale}`, extensions: [{ extensionIdentifier: { id: `readiness-e2e.language-pack-${locale}` }, version: '1.0.0' }], translations: { vscode: translations }, label: locale };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ [locale.toLowerCase()]: pack }));
}

async function stopCodeServer() {
  if (!codeServer?.pid || codeServer.exitCode !== null) return;
  const stopped = (ms) => Promise.race([codeServer.exited.then(() => true), new Promise((done) => setTimeout(done, ms, false))]);
  signalGroup('SIGTERM');
  if (!(await stopped(10_000))) {
    signalGroup('SIGKILL');
    await stopped(5_000);
  }
  console.log(`code-server pid ${codeServer.pid} stopped`);
}

function signalGroup(signal) {
  try {
    process.kill(-codeServer.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForHealthz(port) {
  const deadline = Date.now() + DEADLINE.healthz;
  while (Date.now() < deadline) {
    if (codeServer.exitCode !== null) throw new Error(`code-server exited with ${codeServer.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250)); // poll interval, bounded by the deadline above
  }
  throw new Error(`code-server did not answer /healthz within ${DEADLINE.healthz / 1000}s`);
}

async function step(name, run) {
  const started = Date.now();
  console.log(`- ${name}`);
  try {
    const result = await run();
    console.log(`  ok (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    steps.push({ name, ok: true });
    return result;
  } catch (error) {
    console.log('  FAILED');
    steps.push({ name, ok: false });
    throw new Error(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
}

async function shot(name) {
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  console.log(`  screenshot ${relative(root, path)}`);
}

/** Breadth-first, so a file at the top of the workspace wins over one deep in a fixture folder. */
function findFile(dir, accept) {
  const queue = [dir];
  while (queue.length) {
    const current = queue.shift();
    const entries = readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) if (entry.isFile() && accept(join(current, entry.name))) return join(current, entry.name);
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') queue.push(join(current, entry.name));
  }
  return undefined;
}

function explorerRow(name) {
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
}

async function openFromExplorer(relativePath) {
  const segments = relativePath.split(/[\\/]/);
  for (const [index, segment] of segments.entries()) {
    const row = explorerRow(segment);
    await row.waitFor({ timeout: DEADLINE.explorer });
    if (index < segments.length - 1) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
  }
  // Under load the workbench can drop a click made while the explorer re-renders (the row shows its
  // hover and stays closed): click again until the editor opens, within the deadline.
  const tab = page.locator('.tabs-container .tab.active', { hasText: segments.at(-1) });
  const until = Date.now() + DEADLINE.ui;
  for (;;) {
    await explorerRow(segments.at(-1)).click();
    try {
      await tab.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: DEADLINE.ui });
}

/** Errors + warnings + infos of the workspace, from the status bar's problems item. */
async function problemTotal() {
  const text = await page.locator('[id="status.problems"]').first().innerText();
  return (text.match(/\d+/g) ?? []).reduce((sum, n) => sum + Number(n), 0);
}

/**
 * Expands a tree row and waits for its first child when given. Polls with a deadline: the server
 * debounces checklistChanged, so the tree can re-render (and a row collapse) right after a click.
 */
async function expandRow(row, child) {
  await row.waitFor({ timeout: DEADLINE.tree });
  const deadline = Date.now() + DEADLINE.ui;
  let clickedAt = 0;
  while (Date.now() < deadline) {
    const expanded = (await row.getAttribute('aria-expanded', { timeout: DEADLINE.ui })) !== 'false';
    if (expanded && (!child || (await child.isVisible()))) return;
    if (!expanded && Date.now() - clickedAt > 1_000) {
      // The twistie: a click on a row that runs a command (open the finding) does not expand it.
      await row.locator('.monaco-tl-twistie').click();
      clickedAt = Date.now();
    }
    await page.waitForTimeout(100); // poll interval, bounded by the deadline
  }
  throw new Error('tree row did not expand');
}

/** The view's Collapse All: every row collapsed, so the tree fits the side bar again. */
async function collapseAll() {
  await page.locator('.sidebar .title-actions .action-label[aria-label^="Collapse All"]').first().click();
  await page.locator('.sidebar .monaco-list-row[aria-level="2"]').first().waitFor({ state: 'detached', timeout: DEADLINE.ui });
}

/** Collapses an expanded tree row. */
async function collapseRow(row) {
  await row.waitFor({ timeout: DEADLINE.tree });
  if ((await row.getAttribute('aria-expanded')) !== 'true') return;
  await row.locator('.monaco-tl-twistie').click();
  const deadline = Date.now() + DEADLINE.ui;
  while ((await row.getAttribute('aria-expanded')) === 'true') {
    if (Date.now() > deadline) throw new Error('tree row did not collapse');
    await page.waitForTimeout(100); // poll interval, bounded by the deadline
  }
}

/** Drags the sash right of the side bar so tree labels are readable in the screenshots. */
async function widenSideBar(width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

/**
 * Walks the squiggles of each opened file (last opened first) with F8 (Go to Next Problem) until
 * Ctrl+. offers a code action, screenshots the menu, applies the first one and screenshots the result.
 */
async function quickFix(files) {
  for (const file of [...files].reverse()) {
    await page.locator('.tabs-container .tab', { hasText: basename(file) }).first().click();
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    // F8 walks to problems below the fold too, where no squiggle is rendered yet.
    if (await quickFixInActiveEditor(editor)) return;
  }
  throw new Error(`no squiggle in ${files.join(', ')} offered a code action`);
}

async function quickFixInActiveEditor(editor, shotPrefix = 'quick-fix') {
  const menu = page.locator('.action-widget .monaco-list-row.action');
  const seen = new Set();
  for (let attempt = 0; attempt < 12; attempt++) {
    await page.keyboard.press('F8');
    const marker = editor.locator('.marker-widget').first();
    if (!(await marker.waitFor({ timeout: DEADLINE.ui }).then(() => true, () => false))) return false;
    const title = (await marker.innerText()).trim();
    await page.keyboard.press('Escape');
    await marker.waitFor({ state: 'hidden', timeout: DEADLINE.ui });
    if (seen.has(title)) return false;
    seen.add(title);
    await page.keyboard.press('Control+.');
    const outcome = await Promise.race([
      menu.first().waitFor({ timeout: DEADLINE.ui }).then(() => 'menu', () => 'timeout'),
      editor.locator('.monaco-editor-overlaymessage').first().waitFor({ timeout: DEADLINE.ui }).then(() => 'none', () => 'timeout'),
    ]);
    if (outcome !== 'menu') {
      await page.keyboard.press('Escape');
      continue;
    }
    const labels = await menu.allInnerTexts();
    console.log(`  code actions at "${title.split('\n')[0]}": ${labels.map((label) => label.trim()).join(' | ')}`);
    await shot(`${shotPrefix}-menu`);
    await applyHighlightedAction(editor, menu, `"${labels[0].trim()}"`);
    await shot(`${shotPrefix}-applied`);
    return true;
  }
  return false;
}

/**
 * Applies the code action the open menu highlights, waits for the edit to land, then for the
 * server to re-analyze the edited buffer: the fixed finding must go away.
 */
async function applyHighlightedAction(editor, menu, what, landed) {
  const lines = editor.locator('.view-lines');
  const before = await lines.innerText();
  const problemsBefore = await problemTotal();
  await page.keyboard.press('Enter');
  await menu.first().waitFor({ state: 'hidden', timeout: DEADLINE.ui });
  await page.waitForFunction(([el, text]) => el.innerText !== text, [await lines.elementHandle(), before], { timeout: DEADLINE.ui });
  if (landed) await editor.locator('.view-lines', { hasText: landed }).first().waitFor({ timeout: DEADLINE.ui });
  const deadline = Date.now() + DEADLINE.diagnostics;
  while ((await problemTotal()) >= problemsBefore) {
    if (Date.now() > deadline) throw new Error(`the problem count stayed at ${problemsBefore} after applying ${what}`);
    await page.waitForTimeout(100); // poll interval, bounded by the deadline
  }
  console.log(`  problems: ${problemsBefore} -> ${await problemTotal()}`);
}

/** Runs a command from the command palette by its title. */
async function runCommand(title) {
  // A quick input still closing from the previous step would swallow the keystrokes.
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: DEADLINE.ui });
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: DEADLINE.ui });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: DEADLINE.ui });
  await page.keyboard.press('Enter');
}

/** The sidebar's tree rows, and the ones the panel steps keep coming back to. */
function panelRows() {
  const rows = page.locator('.sidebar .monaco-list-row');
  return {
    rows,
    fixFirst: rows.filter({ hasText: /^(Fix first|Corrigir primeiro)/ }).first(),
    approval: rows.filter({ hasText: /^(Approval|Aprovação):/ }).first(),
    category: (name) => rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first(),
    entry: (title) => rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\d+\\. ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first(),
  };
}

async function openPanel() {
  await page.locator(`.activitybar [aria-label^="${CONTAINER_TITLE}"]`).first().click();
  const panel = panelRows();
  await panel.fixFirst.waitFor({ timeout: DEADLINE.tree });
  // The header: what the files prove next to what nobody can tell yet.
  await page.locator('.sidebar', { hasText: /(Readiness|Prontidão) \S+ (proven|comprovada) · \S+ (items? to verify|itens? a verificar)/ }).first().waitFor({ timeout: DEADLINE.tree });
  await widenSideBar(640);
  await page.locator('.sidebar .monaco-list-row[aria-level="2"]').first().waitFor({ timeout: DEADLINE.ui });
  await page.mouse.move(5, 5);
  await shot('panel-fix-first');
  return panel;
}

/** The Fix first entry that offers a fix (Deployment manifests when it does), the one the next steps act on. */
async function fixEntry(panel) {
  const entries = page.locator('.sidebar .monaco-list-row[aria-level="2"]', { hasText: /(fix|corrigir): / });
  await entries.first().waitFor({ timeout: DEADLINE.ui });
  const manifests = entries.filter({ hasText: /Deployment manifests|Manifests de deployment/ }).first();
  return (await manifests.count()) ? manifests : entries.first();
}

/** A Fix first entry expanded to its findings grouped by rule, its first group to its files. */
async function groupedFindings(panel) {
  const entry = await fixEntry(panel);
  const group = page.locator('.sidebar .monaco-list-row[aria-level="3"]', { hasText: /\/[a-z-]+/ }).first();
  await expandRow(entry, group);
  await expandRow(group, page.locator('.sidebar .monaco-list-row[aria-level="4"]').first());
  await page.mouse.move(5, 5);
  await shot(args.locale ? `panel-${args.locale}` : 'panel-grouped-findings');
}

/** The inline "Apply the Fix" of a Fix first entry: the file opens at the finding, the fix is applied and its text selected. */
async function applyFixFromPanel(panel) {
  const entry = await fixEntry(panel);
  const description = (await entry.locator('.label-description').innerText()).trim();
  const title = /fix: (.*)$/.exec(description)?.[1];
  if (!title) throw new Error(`the entry offers no fix: ${description}`);
  const activeTab = () => page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');
  const before = await activeTab();
  await entry.hover();
  await entry.locator('.action-label[aria-label="Apply the Fix"]').click();
  const deadline = Date.now() + DEADLINE.ui;
  while ((await activeTab()) === before) {
    if (Date.now() > deadline) throw new Error('the finding\'s file did not open');
    await page.waitForTimeout(100); // poll interval, bounded by the deadline
  }
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  // The file opens at the finding; once the server's diagnostics arrive the fix is applied (the tab turns dirty)
  // and its text is selected where it landed, in view.
  await page.locator('.tabs-container .tab.active.dirty').first().waitFor({ timeout: DEADLINE.diagnostics });
  await editor.locator('.selected-text').first().waitFor({ timeout: DEADLINE.ui });
  const text = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  if (/^Set replicas/.test(title) && !/spec:\n\s+replicas: 2\n/.test(text)) throw new Error(`replicas did not land under spec:\n${text.slice(0, 400)}`);
  console.log(`  applied "${title}"`);
  // The title named the rules whose next step the fix brings up: they appear in Problems once the server re-analyzes.
  const next = /next step: ([\w/-]+)/.exec(title)?.[1];
  if (next) await page.locator('.markers-panel .monaco-list-row', { hasText: next }).first().waitFor({ timeout: DEADLINE.diagnostics });
  await shot('fix-applied');
}

async function openRuleDocs(panel) {
  // A fresh entry with findings: the fix just applied may have removed the one expanded before.
  const candidate = page.locator('.sidebar .monaco-list-row[aria-level="2"][aria-expanded="false"]', { hasText: /\d+ (finding|apontamento)|\d+ in \d+ files?/ }).first();
  await candidate.waitFor({ timeout: DEADLINE.ui });
  // By its title from here on: once expanded it no longer matches the filter above.
  const entry = panel.entry((await candidate.locator('.label-name').innerText()).trim().replace(/^\d+\. /, ''));
  await expandRow(entry, page.locator('.sidebar .monaco-list-row[aria-level="3"]').first());
  // Its children: why it ranks there, then its rule groups.
  const group = page.locator(`.sidebar .monaco-list-row[data-index="${Number(await entry.getAttribute('data-index')) + 2}"][aria-level="3"]`);
  await group.waitFor({ timeout: DEADLINE.ui });
  const ruleId = (await group.locator('.label-name').innerText()).trim();
  await group.hover();
  await group.locator('.action-label[aria-label="Open Rule Documentation"]').click();
  await page.locator('.tabs-container .tab', { hasText: `${ruleId.split('/')[1]}.md` }).first().waitFor({ timeout: DEADLINE.ui });
  // The preview renders in a webview (nested frames): poll them for the page's heading.
  const deadline = Date.now() + DEADLINE.ui;
  const rendered = async () => (await Promise.all(page.frames().map((frame) => frame.locator('h1', { hasText: ruleId }).count().catch(() => 0)))).some(Boolean);
  while (!(await rendered())) {
    if (Date.now() > deadline) throw new Error(`the preview of ${ruleId} did not render`);
    await page.waitForTimeout(100); // poll interval, bounded by the deadline
  }
  await shot('rule-docs');
}

async function skippedFiles(panel) {
  const skipped = panel.rows.filter({ hasText: /^(Skipped files|Arquivos ignorados)/ }).first();
  await collapseRow(panel.fixFirst); // so the bottom of the tree is in view
  await panel.approval.waitFor({ timeout: DEADLINE.ui });
  if (!(await skipped.count())) {
    console.log('  no skipped file in this workspace');
    return;
  }
  await expandRow(skipped, page.locator('.sidebar .monaco-list-row', { hasText: /not analyzed/ }).first());
  await page.mouse.move(5, 5);
  await shot('panel-skipped');
}

async function filterAttention(panel) {
  await collapseRow(panel.fixFirst); // its entries say "not verified" too
  const notVerified = page.locator('.sidebar .monaco-list-row[aria-level="2"]', { hasText: /not verified(?! · critical)/ });
  const security = panel.category('Security');
  await expandRow(security, notVerified.first());
  await runCommand('Readiness: Show Only What Needs Attention');
  await notVerified.first().waitFor({ state: 'detached', timeout: DEADLINE.tree });
  // The Security gate is open with nothing failing: the category stays, with its critical items.
  await expandRow(panel.category('Security'), page.locator('.sidebar .monaco-list-row[aria-level="2"]', { hasText: /not verified · critical/ }).first());
  await page.mouse.move(5, 5);
  await shot('attention');
  await runCommand('Readiness: Show All Items');
  await notVerified.first().waitFor({ timeout: DEADLINE.tree });
}

async function signOffAsTechLead(panel) {
  // Collapse everything so the approval row, near the bottom, is rendered.
  await collapseAll();
  await expandRow(panel.approval, page.locator('.sidebar .monaco-list-row', { hasText: /^(Sign-offs|Assinaturas)/ }).first());
  await runCommand('Readiness: Sign Off');
  const role = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Tech Lead' }).first();
  await role.waitFor({ timeout: DEADLINE.ui });
  await role.click();
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-widget', { hasText: 'Name of the person signing off' }).first().waitFor({ timeout: DEADLINE.ui });
  await input.fill('Ana Souza');
  await page.keyboard.press('Enter');
  await page.locator('.sidebar .monaco-list-row', { hasText: 'Ana Souza' }).first().waitFor({ timeout: DEADLINE.tree });
  await shot('signed-off');
}

async function exportMarkdownReport(workspace) {
  await runCommand('Readiness: Export Report');
  const markdown = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Markdown' }).first();
  await markdown.waitFor({ timeout: DEADLINE.ui });
  await markdown.click();
  // code-server's save dialog is a quick input holding the default path: accept it.
  await page.locator('.quick-input-widget input').first().waitFor({ timeout: DEADLINE.ui });
  await page.keyboard.press('Enter');
  const saved = join(workspace, 'readiness-report.md');
  const deadline = Date.now() + DEADLINE.ui;
  while (!existsSync(saved)) {
    if (Date.now() > deadline) throw new Error(`${saved} was not written`);
    await page.waitForTimeout(100); // poll interval, bounded by the deadline
  }
  const text = readFileSync(saved, 'utf8');
  if (!/Ana Souza/.test(text) || !/deployment\/docker-security-context|Security context/.test(text)) throw new Error('the exported report lacks the sign-off or the items');
  await page.locator('.notifications-toasts', { hasText: 'Readiness report saved to' }).first().waitFor({ timeout: DEADLINE.ui });
  await shot('report-exported');
}

/**
 * The inline "Mark as Done" on an item nothing proves yet: a Fix first entry when one is shown, else
 * an item of the Deployment category. The server writes .readiness.yml and the item turns attested.
 */
async function markDone(panel) {
  await collapseAll();
  await expandRow(panel.fixFirst, page.locator('.sidebar .monaco-list-row[aria-level="2"]').first());
  const unknown = page.locator('.sidebar .monaco-list-row[aria-level="2"]:has(.codicon-circle-large-outline)').first();
  let categoryName = 'Deployment';
  let row;
  if (await unknown.count()) {
    const title = (await unknown.locator('.label-name').innerText()).trim().replace(/^\d+\. /, '');
    row = panel.entry(title);
    // Its first child (the next row) says why it ranks there, naming its category's gate.
    await expandRow(row, page.locator('.sidebar .monaco-list-row[aria-level="3"]').first());
    const child = page.locator(`.sidebar .monaco-list-row[data-index="${Number(await row.getAttribute('data-index')) + 1}"][aria-level="3"]`);
    const why = (await child.innerText()).trim();
    categoryName = /The (\w+) gate/.exec(why)?.[1] ?? '';
    if (!categoryName) throw new Error(`no gate named in "${why}"`);
  } else {
    await collapseRow(panel.fixFirst);
    await expandRow(panel.category(categoryName), unknown);
    row = page.locator('.sidebar .monaco-list-row[aria-level="2"]').filter({ has: page.locator('.label-name', { hasText: (await unknown.locator('.label-name').innerText()).trim() }) }).first();
  }
  const title = (await row.locator('.label-name').innerText()).trim().replace(/^\d+\. /, '');
  await row.hover();
  await row.locator('.action-label[aria-label="Mark as Done"]').click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: DEADLINE.ui });
  await input.fill('checked in the e2e run');
  await shot('mark-done-note');
  await page.keyboard.press('Enter');
  const attested = page.locator('.sidebar .monaco-list-row:has(.codicon-verified)').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title}$`) }) });
  await collapseRow(panel.fixFirst);
  await expandRow(panel.category(categoryName), attested.first());
  await expandRow(attested.first(), page.locator('.sidebar .monaco-list-row', { hasText: /Marked done by/ }).first());
  await shot('panel-attested');
}

function printLogs() {
  const logFile = join(temp, 'code-server.log');
  if (existsSync(logFile)) console.error(`--- code-server log (tail) ---\n${readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
  const logsDir = join(temp, 'user-data', 'logs');
  if (!existsSync(logsDir)) return;
  const queue = [logsDir];
  while (queue.length) {
    const dir = queue.shift();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) queue.push(path);
      else if (/exthost\.log$|Production Readiness\.log$/.test(entry.name)) {
        console.error(`--- ${relative(temp, path)} (tail) ---\n${readFileSync(path, 'utf8').split('\n').slice(-40).join('\n')}`);
      }
    }
  }
}
