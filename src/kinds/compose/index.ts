/** Compose files: `compose.yaml`, `docker-compose.*.yml`, and their committed templates. */
import type { ComposeDocument } from '../../parse/compose/document.js';
import type { ComposeProject } from '../../parse/compose/project.js';
import type { YNode } from '../../parse/yaml/nodes.js';
import type { CommentInfo, FileKindPlugin } from '../types.js';

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
    return parsed.ok ? { doc: parsed.doc, problems: [] } : { problems: parsed.problems };
  },
  async lint(file, run) {
    const project = run.projectFor(file.source.path);
    for (const rule of run.rules.compose) run.runRule(rule, { compose: file.doc, project });
  },
  directives: (source, doc) => ({ comments: doc ? yamlDirectiveComments(source.text, doc.root) : [] }),
};

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
