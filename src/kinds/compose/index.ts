/** Compose files: `compose.yaml`, `docker-compose.*.yml`, and their committed templates. */
import type { FixDescriptor, ReportDescriptor } from '../../core/rule.js';
import { createSourceFile, type SourceFile } from '../../core/source.js';
import { firstServiceNamed, type ComposeDocument } from '../../parse/compose/document.js';
import type { ComposeProject } from '../../parse/compose/project.js';
import { composeScriptEdits, composeScriptSpan, serviceShellStrings, type ComposeShellString } from '../../parse/compose/shell-strings.js';
import type { ShellDocument } from '../../parse/shell/types.js';
import type { YNode } from '../../parse/yaml/nodes.js';
import type { CommentInfo, FileKindPlugin, Remap } from '../types.js';

const COMPOSE = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
/** A committed template of a compose file users copy (`compose.override.yaml.example`). */
const COMPOSE_TEMPLATE = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml\.(?:example|sample|dist|template)$/i;
const YAML_DIRECTIVE = /(^|[ \t])#([^\n\r]*stack-lint-[^\n\r]*)/g;

export interface ComposeFields {
  readonly compose: ComposeDocument;
  /**
   * The Compose project the file is linted in: its files merged as `docker compose -f …`
   * merges them, `extends` resolved, includes added (see docs/writing-rules.md).
   */
  readonly project: ComposeProject;
}

export const composeKind: FileKindPlugin<'compose', ComposeDocument, ComposeFields> = {
  name: 'compose',
  noun: 'compose file',
  exampleName: 'compose.yaml',
  inlineComments: true,
  readForPlanning: true,
  fromName: (basename) => COMPOSE.test(basename) || COMPOSE_TEMPLATE.test(basename),
  async parse(source, io) {
    const parsed = await io.compose(source);
    if (!parsed.ok) return { problems: parsed.problems };
    const strings = parsed.doc.services.flatMap(serviceShellStrings);
    if (strings.length) {
      // tree-sitter is loaded only for a file that holds shell strings
      const parser = await io.shellParser();
      shellStrings.set(
        parsed.doc,
        strings.map((string) => {
          const file = scriptFile(source, string);
          return { string, script: parser.parse({ file, dialect: string.dialect }) };
        }),
      );
    }
    return { doc: parsed.doc, problems: [] };
  },
  async lint(file, run) {
    const project = run.projectFor(file.source.path);
    for (const rule of run.rules.compose) run.runRule(rule, { compose: file.doc, project });
    // Shell strings are scripts too: the shell rules that read `RUN` bodies (`meta.runBodies`) read them, their findings moved into the file.
    for (const { string, script } of shellStrings.get(file.doc) ?? []) {
      const remap = remapInto(file.source, script.file, string);
      if (script.tooComplex) run.tooComplex({ ...script.tooComplex, offset: composeScriptSpan(string, script.tooComplex.offset, script.tooComplex.offset).start });
      await run.shellSyntax(script, remap);
      const service = firstServiceNamed(file.doc.services, string.service);
      const image = service && file.doc.valueOf(service.get('image'));
      const composeScript = { compose: file.doc, string, ...(image ? { image } : {}) };
      for (const rule of run.rules.runBodies) run.runRule(rule, { shell: script, file: script.file, composeScript }, remap);
    }
  },
  directives: (source, doc) => ({ comments: doc ? yamlDirectiveComments(source.text, doc.root) : [] }),
};

/**
 * A shell string's script as a file of its own text. Its line index answers with the compose
 * file's lines and columns, so a message that names a line ("the commands after it, from line 7")
 * names the line in the compose file.
 */
function scriptFile(compose: SourceFile, string: ComposeShellString): SourceFile {
  const file = createSourceFile({ path: compose.path, relPath: compose.relPath, kind: 'shell', text: string.script.text });
  const lines = Object.create(file.lines) as SourceFile['lines'];
  lines.position = (offset: number) => compose.lines.position(composeScriptSpan(string, offset, offset).start);
  return { ...file, lines };
}

/** The shell strings of each parsed compose document, parsed as scripts of their own text. */
const shellStrings = new WeakMap<ComposeDocument, { string: ComposeShellString; script: ShellDocument }[]>();

/**
 * Moves a finding on a shell string's script into the compose file: its span
 * where the text is written (the scalar's start when the scalar's style keeps
 * that from being exact), its fix only when every edit can be written there
 * exactly and stays the same YAML scalar (composeScriptEdits).
 */
function remapInto(compose: SourceFile, scriptFile: SourceFile, string: ComposeShellString): Remap {
  const mapFix = (f: FixDescriptor): FixDescriptor | undefined => {
    if (f.file && f.file !== scriptFile) return undefined;
    const edits = composeScriptEdits(string, f.edits);
    return edits ? { ...(f.description ? { description: f.description } : {}), edits, file: compose } : undefined;
  };
  return (d: ReportDescriptor) => {
    if (d.file && d.file !== scriptFile) return d;
    const where = d.range ?? d.node;
    if (!where) return d;
    const out: ReportDescriptor = { message: d.message, file: compose, range: composeScriptSpan(string, where.start, where.end) };
    if (d.compat) out.compat = d.compat;
    const fix = d.fix && mapFix(d.fix);
    if (fix) out.fix = fix;
    const suggestions = (d.suggestions ?? []).map(mapFix).filter((f): f is FixDescriptor => Boolean(f));
    if (suggestions.length) out.suggestions = suggestions;
    // a secret is masked over all the text that may spell it (the whole scalar when positions are not exact)
    if (d.secrets?.length) out.secrets = d.secrets.map((s) => (string.exact ? secretSpan(string, s.start, s.end) : { start: string.node.start, end: string.node.end }));
    return out;
  };
}

function secretSpan(string: ComposeShellString, start: number, end: number): { start: number; end: number } {
  const { offsets } = string.script;
  const last = Math.min(end, offsets.length - 1);
  return { start: offsets[Math.min(start, last)]!, end: Math.max(offsets[last]!, (offsets[Math.max(start, last - 1)] ?? 0) + 1) };
}

/**
 * YAML comments are found by scanning for `#` after whitespace; a match inside
 * a scalar (a quoted string or block text) is not a comment and is dropped.
 * Only lines mentioning `stack-lint-` are considered, so this stays cheap.
 */
export function yamlDirectiveComments(text: string, root: YNode | undefined): CommentInfo[] {
  const out: CommentInfo[] = [];
  let scalars: [number, number][] | undefined;
  for (const m of text.matchAll(YAML_DIRECTIVE)) {
    const hash = m.index! + m[1]!.length;
    scalars ??= scalarSpans(root);
    if (scalars.some(([s, e]) => hash > s && hash < e)) continue;
    out.push({ start: hash, end: hash + 1 + m[2]!.length, text: m[2]! });
  }
  return out;
}

function scalarSpans(root: YNode | undefined): [number, number][] {
  const out: [number, number][] = [];
  const seen = new Set<YNode>();
  const walk = (n: YNode): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.type === 'scalar') out.push([n.start, n.end]);
    else if (n.type === 'seq') n.items.forEach(walk);
    else
      for (const p of n.pairs) {
        walk(p.keyNode);
        walk(p.value);
      }
  };
  if (root) walk(root);
  return out;
}
