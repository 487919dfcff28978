/**
 * Rule pages ship in the VSIX (docs/rules/<kind>/<id>.md): they open offline in VS Code's markdown
 * preview. The web page is a second link, offered only when `readiness.ruleDocsUrl` names one.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';

export class RuleDocs {
  private readonly bundled = new Map<string, vscode.Uri | undefined>();

  constructor(private readonly extension: vscode.ExtensionContext) {}

  /** The page inside the extension, when it ships one (engine findings like readiness/target have none). */
  bundledPage(ruleId: string): vscode.Uri | undefined {
    if (!this.bundled.has(ruleId)) {
      const path = /^[a-z0-9-]+\/[a-z0-9-]+$/.test(ruleId) ? this.extension.asAbsolutePath(`docs/rules/${ruleId}.md`) : undefined;
      this.bundled.set(ruleId, path && existsSync(path) ? vscode.Uri.file(path) : undefined);
    }
    return this.bundled.get(ruleId);
  }

  /** `readiness.ruleDocsUrl` + the rule's page, when the setting is set. */
  onlinePage(ruleId: string): vscode.Uri | undefined {
    const base = vscode.workspace.getConfiguration('readiness').get<string>('ruleDocsUrl', '').trim().replace(/\/+$/, '');
    return /^https?:\/\//i.test(base) ? vscode.Uri.parse(`${base}/${ruleId}.md`) : undefined;
  }

  async open(ruleId: string): Promise<void> {
    const page = this.bundledPage(ruleId);
    if (page) {
      await vscode.commands.executeCommand('markdown.showPreview', page);
      return;
    }
    const online = this.onlinePage(ruleId);
    if (online) {
      await vscode.env.openExternal(online);
      return;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no documentation page.', ruleId));
  }

  async openOnline(ruleId: string): Promise<void> {
    const online = this.onlinePage(ruleId);
    if (online) await vscode.env.openExternal(online);
    else void vscode.window.showInformationMessage(vscode.l10n.t('Set readiness.ruleDocsUrl to open rule pages on the web.'));
  }

  /** A diagnostic's code links to the bundled page instead of the web: the page works offline and matches the installed version. */
  localizeDiagnostic(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
    const code = diagnostic.code;
    if (diagnostic.source !== 'readiness' || typeof code !== 'object' || !code.target) return diagnostic;
    const page = this.bundledPage(String(code.value));
    if (page) diagnostic.code = { value: code.value, target: page };
    return diagnostic;
  }
}
