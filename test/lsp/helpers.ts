import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, PublishDiagnosticsNotification, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export function project(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stack-lint-lsp-')));
  mkdirSync(path.join(root, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

export const uri = (root: string, rel: string): string => pathToFileURL(path.join(root, rel)).href;

export interface Client {
  connection: ProtocolConnection;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

/** A real LSP client talking to `node dist/cli.js lsp --stdio` over pipes. */
export async function startClient(root: string, initializationOptions: Record<string, unknown> = {}): Promise<Client> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const i = waiting.findIndex((w) => w.uri === p.uri && w.accept(p));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(p);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    diagnostics: (u, accept = () => true) => new Promise((resolve) => waiting.push({ uri: u, accept, resolve })),
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.on('exit', resolve)));
      connection.dispose();
    },
  };
}
