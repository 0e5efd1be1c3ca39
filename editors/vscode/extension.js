// Starts `stack-lint lsp --stdio` for the workspace and hands it the files stack-lint reads.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The command to run: the setting, the workspace's own install, or stack-lint on PATH. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('stackLint').get('path');
  if (configured) return configured.endsWith('.js') ? { command: process.execPath, args: [configured] } : { command: configured, args: [] };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder && path.join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'stack-lint.cmd' : 'stack-lint');
  return { command: local && fs.existsSync(local) ? local : 'stack-lint', args: [] };
}

function activate(context) {
  const { command, args } = serverCommand();
  const run = { command, args: [...args, 'lsp', '--stdio'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'stackLint',
    'stack-lint',
    { run, debug: run },
    {
      documentSelector: [
        { scheme: 'file', language: 'yaml', pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
        { scheme: 'file', language: 'dockerfile' },
        { scheme: 'file', language: 'shellscript' },
      ],
      initializationOptions: { noCodeConfig: vscode.workspace.getConfiguration('stackLint').get('noCodeConfig') === true },
      synchronize: {
        // configuration, bulk suppressions, peers' configs and local rule packs: the server lints again when they change
        fileEvents: vscode.workspace.createFileSystemWatcher('**/{.stackpolicyrc*,stackpolicy.config.*,package.json,stack-lint-suppressions.json,.hadolint.y*ml,.shellcheckrc,*.js,*.mjs,*.cjs}'),
      },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
