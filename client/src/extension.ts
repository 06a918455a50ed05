// Starts the SIP language server; the knowledge lives there.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'sip' }],
    synchronize: { configurationSection: 'sipTrace' },
  };
  client = new LanguageClient('sipTrace', 'SIP Trace Inspector', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('sipTrace.restartServer', () => client?.restart()),
  );
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
