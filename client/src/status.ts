// The status bar item that shows whether the VNet Lens server runs; a click opens its output.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';

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

  show(state: State): void {
    const look = looks[state === State.Running || state === State.Starting ? state : State.Stopped];
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.backgroundColor = state === State.Stopped ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
