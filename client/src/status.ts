// The status bar item that shows whether the VNet Lens server runs; a click opens its output.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { StatusParams } from '@vnet-lens/protocol';

const looks: Record<State.Starting | State.Running | State.Stopped, { text: string; tooltip: string }> = {
  [State.Starting]: { text: '$(sync~spin) VNet Lens', tooltip: 'VNet Lens: starting the server' },
  [State.Running]: { text: '$(shield) VNet Lens', tooltip: 'VNet Lens: server running' },
  [State.Stopped]: { text: '$(error) VNet Lens', tooltip: 'VNet Lens: server stopped — click for its output' },
};

export class ServerStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('vnetLens.status', vscode.StatusBarAlignment.Right, 100);

  constructor(command: string) {
    this.item.name = 'VNet Lens';
    this.item.command = command;
  }

  /** The server's last analysis: shown in the tooltip while it runs. */
  analysis(status: StatusParams): void {
    if (this.item.text !== looks[State.Running].text) return;
    this.item.tooltip =
      status.state === 'analysing'
        ? `VNet Lens: analysing ${status.files} files`
        : `VNet Lens: ${status.files} files analysed, ${status.findings} findings`;
  }

  show(state: State): void {
    const look = looks[state === State.Running || state === State.Starting ? state : State.Stopped];
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.backgroundColor =
      state === State.Stopped ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
