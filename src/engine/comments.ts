import type { DockerfileDocument } from '../parse/dockerfile/types.js';
import type { ShellDocument } from '../parse/shell/types.js';
import type { YNode } from '../parse/yaml/nodes.js';
import type { CommentInfo } from './suppressions.js';

const YAML_DIRECTIVE = /(^|[ \t])#([^\n\r]*stack-lint-[^\n\r]*)/g;

/** A Dockerfile's comments (text after the `#`). */
export function dockerfileComments(doc: DockerfileDocument | undefined): CommentInfo[] {
  return (doc?.comments ?? []).map((c) => ({ start: c.start, end: c.end, text: c.text }));
}

/** A script's comments (text after the `#`). */
export function shellComments(doc: ShellDocument | undefined): CommentInfo[] {
  return (doc?.comments ?? []).map((c) => ({ start: c.start, end: c.end, text: c.text.replace(/^#/, '') }));
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

/** In a Dockerfile, "the next line" is the whole next instruction, which may span lines. */
export function nextInstructionLines(doc: DockerfileDocument): (line: number) => [number, number] {
  return (line) => {
    const lines = doc.file.lines;
    for (const ins of doc.instructions) {
      const start = lines.position(ins.start).line;
      if (start > line) return [start, lines.position(ins.end).line];
    }
    return [line + 1, line + 1];
  };
}

/**
 * Line of a script's first command (its first top-level node that is not a
 * comment): ShellCheck applies a directive written above it to the whole file.
 */
export function firstCommandLine(doc: ShellDocument): number | undefined {
  const first = doc.root.children.find((n) => n.named && n.type !== 'comment');
  return first && doc.file.lines.position(first.start).line;
}
