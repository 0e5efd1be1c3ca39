/**
 * `stack-lint lsp --stdio`: the language server. Open documents are linted
 * with their stack around them (the compose file, Dockerfiles and scripts of
 * the nearest compose folder, as when files are named on the command line),
 * unsaved texts overlaying the disk, so editing a Dockerfile updates the
 * findings of the compose file that builds it. Loaded only for this command.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  MessageType,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Fix, Severity } from '../core/diagnostic.js';
import { lintFiles } from '../engine/lint.js';
import { prepare } from '../runner/run.js';
import type { RuleRegistry } from '../core/registry.js';
import { SUPPRESSIONS_FILE, applySuppressions, projectRoot, readSuppressions } from '../engine/bulk-suppressions.js';
import { disableForFile, disableForLine } from './disable.js';

export interface ServerOptions {
  /** Milliseconds between the last change and the lint it triggers. */
  debounceMs?: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

interface Linted {
  diagnostics: Diagnostic[];
  registry: RuleRegistry;
}

/** Serves LSP on the given connection; by default on standard input and output. */
export function startServer(options: ServerOptions = {}, connection: Connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout))): Connection {
  const documents = new TextDocuments(TextDocument);
  const debounceMs = options.debounceMs ?? 200;
  let cwd = process.cwd();
  let codeConfig = true;
  let last: Linted | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** Files that had findings published, so that a clean lint clears them. */
  const published = new Set<string>();

  connection.onInitialize((params) => {
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (root) cwd = fileURLToPath(root);
    const init = (params.initializationOptions ?? {}) as { noCodeConfig?: boolean };
    codeConfig = init.noCodeConfig !== true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
      },
      serverInfo: { name: 'stack-lint' },
    };
  });

  const schedule = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      // A broken config (or one refused under noCodeConfig) is shown, not swallowed: the editor would look clean.
      void lintOpen().catch((e: unknown) => connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `stack-lint: ${(e as Error).message}` }));
    }, delay);
  };

  /** Lints every open document that exists on disk, with the unsaved texts overlaid. */
  async function lintOpen(): Promise<void> {
    const open = documents.all().map((d) => ({ doc: d, file: fileURLToPath(d.uri) })).filter((d) => existsSync(d.file));
    if (!open.length) return;
    const prepared = await prepare({ cwd, patterns: open.map((d) => d.file), codeConfig, concurrency: 1, keepTexts: true, errorOnUnmatched: false });
    const overlay = new Map(open.map((d) => [d.file, d.doc.getText()]));
    let result = await lintFiles({ ...prepared, overlay });
    const root = projectRoot(cwd);
    const suppressions = path.join(root, SUPPRESSIONS_FILE);
    if (existsSync(suppressions)) result = applySuppressions(result, readSuppressions(suppressions), root).result;
    last = { diagnostics: result.diagnostics.filter((d) => !d.suppressed), registry: prepared.registry };
    const byFile = new Map<string, LspDiagnostic[]>(open.map((d) => [d.file, []]));
    for (const file of published) if (!byFile.has(file)) byFile.set(file, []);
    for (const d of last.diagnostics) {
      const list = byFile.get(d.file);
      if (list) list.push(toLsp(d, prepared.registry));
    }
    for (const [file, diagnostics] of byFile) {
      if (diagnostics.length) published.add(file);
      else published.delete(file);
      await connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
    }
  }

  documents.onDidOpen(() => schedule(0));
  documents.onDidChangeContent(() => schedule(debounceMs));
  documents.onDidSave(() => schedule(0));
  documents.onDidClose((e) => {
    published.delete(fileURLToPath(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  // Configuration, suppressions and packs are read afresh by each lint.
  connection.onDidChangeWatchedFiles(() => schedule(0));

  const findingsAt = (uri: string, line: number, character: number): Diagnostic[] => {
    const file = fileURLToPath(uri);
    return (last?.diagnostics ?? []).filter((d) => {
      if (d.file !== file) return false;
      const { start, end } = d.range;
      const after = line > start.line - 1 || (line === start.line - 1 && character >= start.column - 1);
      const before = line < end.line - 1 || (line === end.line - 1 && character <= end.column - 1);
      return after && before;
    });
  };

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !last) return [];
    const wanted = params.context.diagnostics.filter((d) => d.source === 'stack-lint');
    const file = fileURLToPath(doc.uri);
    const actions: CodeAction[] = [];
    for (const lsp of wanted) {
      const d = last.diagnostics.find((x) => x.file === file && x.ruleId === lsp.code && x.message === lsp.message && x.range.start.line - 1 === lsp.range.start.line);
      if (!d) continue;
      if (d.fix) actions.push(fixAction(`Fix (${d.fix.safety}): ${d.fix.description}`, d.fix, lsp, documents, d.fix.safety === 'safe'));
      for (const s of d.suggestions ?? []) actions.push(fixAction(`Suggestion (unsafe): ${s.description}`, s, lsp, documents, false));
      actions.push({
        title: `Disable ${d.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        edit: { changes: { [doc.uri]: [disableForLine(doc.getText(), d.range.start.line - 1, d.ruleId)] } },
      });
      actions.push({
        title: `Disable ${d.ruleId} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        edit: { changes: { [doc.uri]: [disableForFile(doc.getText(), d.ruleId)] } },
      });
    }
    return actions;
  });

  connection.onHover((params) => {
    if (!last) return null;
    const found = findingsAt(params.textDocument.uri, params.position.line, params.position.character);
    if (!found.length) return null;
    const registry = last.registry;
    const parts = found.map((d) => {
      const meta = registry.get(d.ruleId);
      const docs = meta?.docsUrl ? `\n\n[Documentation for \`${d.ruleId}\`](${meta.docsUrl})` : '';
      return `**${d.ruleId}**: ${meta?.summary ?? ''}\n\n${d.message}${docs}`;
    });
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function toLsp(d: Diagnostic, registry: RuleRegistry): LspDiagnostic {
  const docsUrl = registry.get(d.ruleId)?.docsUrl;
  return {
    range: { start: { line: d.range.start.line - 1, character: d.range.start.column - 1 }, end: { line: d.range.end.line - 1, character: d.range.end.column - 1 } },
    severity: SEVERITY[d.severity],
    source: 'stack-lint',
    code: d.ruleId,
    ...(docsUrl ? { codeDescription: { href: docsUrl } } : {}),
    message: d.message,
  };
}

/** The edits of a fix as a code action; edits in a file that is not open are placed against its text on disk. */
function fixAction(title: string, fix: Fix, lsp: LspDiagnostic, documents: TextDocuments<TextDocument>, preferred: boolean): CodeAction {
  const uri = pathToFileURL(fix.file).href;
  const doc = documents.get(uri) ?? TextDocument.create(uri, 'plaintext', 0, readFileSync(fix.file, 'utf8'));
  const edits: LspTextEdit[] = fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text }));
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], isPreferred: preferred, edit: { changes: { [uri]: edits } } };
}
