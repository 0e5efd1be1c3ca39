import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover, PublishDiagnosticsParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { project, startClient, uri } from './helpers.js';

const CONFIG = 'rules:\n  compose/logging-rotation: off\n  compose/resource-limits: off\n  compose/restart-policy: off\n  compose/build-pull-policy: off\n  compose/healthcheck-required: warning\n';
const COMPOSE = 'services:\n  web:\n    build: .\n    image: ghcr.io/acme/web:1.2.3\n    ports:\n      - 3000:30\n';
const HEALTHCHECK = 'service "web" has no healthcheck and Dockerfile has no HEALTHCHECK, so Compose cannot tell when it is ready or when it hangs';
const PORTS = 'service "web" writes ports entry 3000:30 unquoted; YAML 1.1 parsers read it as the base-60 number 180030; quote it';

const summary = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);

function apply(text: string, edit: WorkspaceEdit, target: string): string {
  const doc = TextDocument.create(target, 'yaml', 1, text);
  return TextDocument.applyEdits(doc, edit.changes![target]!);
}

describe('stack-lint lsp --stdio', () => {
  it('publishes diagnostics on open, offers fixes and disables, and follows changes to the Dockerfile a compose file builds', async () => {
    const root = project({ '.stackpolicyrc.yaml': CONFIG, 'compose.yaml': COMPOSE, Dockerfile: 'FROM nginx:1.27\nUSER nginx\n' });
    const client = await startClient(root);
    try {
      const composeUri = uri(root, 'compose.yaml');
      const dockerfileUri = uri(root, 'Dockerfile');
      const first = client.diagnostics(composeUri);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: composeUri, languageId: 'yaml', version: 1, text: COMPOSE } });
      const opened = await first;
      expect(summary(opened)).toEqual([`2:3 compose/healthcheck-required ${HEALTHCHECK}`, `6:9 compose/ports-quoted ${PORTS}`]);
      expect(opened.diagnostics[1]).toMatchObject({ source: 'stack-lint', severity: 2, range: { start: { line: 5, character: 8 }, end: { line: 5, character: 15 } } });

      // code actions: the safe fix, and disabling for the line or the file
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: composeUri },
        range: opened.diagnostics[1]!.range,
        context: { diagnostics: [opened.diagnostics[1]] },
      })) as CodeAction[];
      expect(actions.map((a) => a.title)).toEqual(['Fix (safe): quote the port', 'Disable compose/ports-quoted for this line', 'Disable compose/ports-quoted for this file']);
      expect(actions[0]!.isPreferred).toBe(true);
      const fixed = apply(COMPOSE, actions[0]!.edit!, composeUri);
      expect(fixed).toBe(COMPOSE.replace('- 3000:30', '- "3000:30"'));
      expect(apply(COMPOSE, actions[1]!.edit!, composeUri)).toBe(COMPOSE.replace('      - 3000:30', '      # stack-lint-disable-next-line compose/ports-quoted\n      - 3000:30'));
      expect(apply(COMPOSE, actions[2]!.edit!, composeUri)).toBe(`# stack-lint-disable compose/ports-quoted\n${COMPOSE}`);

      // hover on the finding: the rule's summary and docs link
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: composeUri }, position: { line: 5, character: 10 } })) as Hover;
      const value = (hover.contents as { value: string }).value;
      expect(value).toContain('**compose/ports-quoted**: ');
      expect(value).toContain(PORTS);
      expect(value).toMatch(/\[Documentation for `compose\/ports-quoted`\]\(\S+ports-quoted\S*\)/);

      // the applied edit, sent back as a change: the finding goes, the text on disk is untouched
      const afterFix = client.diagnostics(composeUri, (p) => p.diagnostics.length === 1);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: composeUri, version: 2 }, contentChanges: [{ text: fixed }] });
      expect(summary(await afterFix)).toEqual([`2:3 compose/healthcheck-required ${HEALTHCHECK}`]);
      expect(readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(COMPOSE);

      // an unsaved HEALTHCHECK in the Dockerfile answers the compose file's finding
      const cleared = client.diagnostics(composeUri, (p) => p.diagnostics.length === 0);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: dockerfileUri, languageId: 'dockerfile', version: 1, text: 'FROM nginx:1.27\nUSER nginx\n' } });
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: dockerfileUri, version: 2 },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' }],
      });
      expect((await cleared).diagnostics).toEqual([]);
    } finally {
      await client.close();
    }
  }, 15_000);

  it('reloads the configuration when it changes (workspace/didChangeWatchedFiles)', async () => {
    const root = project({ '.stackpolicyrc.yaml': CONFIG, 'compose.yaml': COMPOSE, Dockerfile: 'FROM nginx:1.27\nUSER nginx\n' });
    const client = await startClient(root);
    try {
      const composeUri = uri(root, 'compose.yaml');
      const first = client.diagnostics(composeUri);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: composeUri, languageId: 'yaml', version: 1, text: COMPOSE } });
      expect((await first).diagnostics).toHaveLength(2);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(root, '.stackpolicyrc.yaml'), `${CONFIG}  compose/ports-quoted: off\n`);
      const reloaded = client.diagnostics(composeUri, (p) => p.diagnostics.length === 1);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(root, '.stackpolicyrc.yaml'), type: 2 }] });
      expect(summary(await reloaded)).toEqual([`2:3 compose/healthcheck-required ${HEALTHCHECK}`]);
    } finally {
      await client.close();
    }
  }, 15_000);

  it('respects noCodeConfig from the initialization options: a JavaScript config is refused, not run', async () => {
    const root = project({ 'stackpolicy.config.js': 'globalThis.ran = true; export default { rules: {} };\n', 'compose.yaml': COMPOSE });
    const client = await startClient(root, { noCodeConfig: true });
    try {
      const composeUri = uri(root, 'compose.yaml');
      const shown = new Promise<{ type: number; message: string }>((resolve) => client.connection.onNotification('window/showMessage', resolve));
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: composeUri, languageId: 'yaml', version: 1, text: COMPOSE } });
      const message = await shown;
      expect(message.type).toBe(1);
      expect(message.message).toContain('refusing to execute');
      expect(message.message).toContain('stackpolicy.config.js');
    } finally {
      await client.close();
    }
  }, 15_000);
});
