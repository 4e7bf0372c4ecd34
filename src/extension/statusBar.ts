// The status bar item (left: the state of the whole workspace's modules) and the language status item on go.mod and
// go.work files. Both show statusView() of the newest snapshot; clicking either opens the health panel.
import * as vscode from 'vscode';
import type { HealthSnapshot } from '../protocol';
import { statusView, type StatusView, type TooltipLine } from './statusModel';

export const SHOW_PANEL = 'gomodDoctor.showPanel';

function tooltip(lines: TooltipLine[]): vscode.MarkdownString {
  // Not trusted: no command links; values go in as text, so nothing the server sends is read as markdown.
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  lines.forEach((line, i) => {
    if (i > 0) md.appendMarkdown('  \n');
    if (line.label) {
      md.appendMarkdown('**');
      md.appendText(line.label);
      md.appendMarkdown('**' + (i === 0 ? ' — ' : ': '));
    }
    md.appendText(line.text);
  });
  return md;
}

export class HealthStatus implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  readonly language: vscode.LanguageStatusItem;
  private snapshot: HealthSnapshot | undefined;
  private visible = false;
  /** The view last applied (the extension's API hands it to tests; the items carry the same text). */
  view: StatusView;

  constructor() {
    this.item = vscode.window.createStatusBarItem('gomodDoctor.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Go Mod Doctor';
    this.item.command = SHOW_PANEL;
    this.language = vscode.languages.createLanguageStatusItem('gomodDoctor.languageStatus', [
      { language: 'go.mod' },
      { language: 'go.work' },
    ]);
    this.language.name = 'Go Mod Doctor';
    this.language.command = { title: vscode.l10n.t('Open Health Panel'), command: SHOW_PANEL };
    this.view = this.render();
  }

  /** A newer snapshot (or undefined after the server restarted). */
  update(snapshot: HealthSnapshot | undefined): void {
    this.snapshot = snapshot;
    this.view = this.render();
  }

  /** Shown only while a Go module workspace is open. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.item.show();
    else this.item.hide();
  }

  get shown(): boolean {
    return this.visible;
  }

  /** Trust changed: re-render with the new state. */
  refresh(): void {
    this.view = this.render();
  }

  private render(): StatusView {
    const view = statusView(this.snapshot, vscode.workspace.isTrusted, vscode.l10n);
    this.item.text = view.text;
    this.item.tooltip = tooltip(view.tooltip);
    this.item.accessibilityInformation = { label: view.accessibility, role: 'button' };
    this.language.text = view.languageText;
    this.language.detail = view.languageDetail;
    this.language.busy = view.busy;
    this.language.severity =
      view.severity === 'error' ? vscode.LanguageStatusSeverity.Error : view.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    return view;
  }

  dispose(): void {
    this.item.dispose();
    this.language.dispose();
  }
}
