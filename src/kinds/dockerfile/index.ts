/** Dockerfiles and Containerfiles; their `RUN` bodies are linted by the shell rules that ask for them. */
import path from 'node:path';
import type { Span } from '../../core/location.js';
import { parseDockerfile } from '../../parse/dockerfile/document.js';
import type { DfInstruction, DockerfileDocument } from '../../parse/dockerfile/types.js';
import type { ShellDocument } from '../../parse/shell/types.js';
import type { CommentInfo, FileKindPlugin } from '../types.js';

/** `Dockerfile`, `Dockerfile.dev`, `Dockerfile-dev`, `Dockerfile_dev`, `dev.Dockerfile`, and the `Containerfile` forms. */
const DOCKERFILE = /^(?:(?:docker|container)file(?:[._-][^/]+)?|[^/]+\.(?:docker|container)file)$/i;
/**
 * Extensions of data and documentation files, never of a Dockerfile: `dockerfile.yaml` is a CI
 * workflow, `Dockerfile.md` notes about one. Template suffixes (`Dockerfile.j2`) stay Dockerfiles.
 */
const NOT_DOCKERFILE_EXT = /\.(?:ya?ml|json5?|jsonc|md|markdown|rst|txt|toml|xml|html?|lock)$/i;
/** `RUN` in shell form somewhere (also `ONBUILD RUN`): only then is tree-sitter needed for a Dockerfile. */
const HAS_RUN = /^[ \t]*(?:ONBUILD[ \t]+)?RUN[ \t]/im;

export interface DockerfileFields {
  readonly dockerfile: DockerfileDocument;
}

export const dockerfileKind: FileKindPlugin<'dockerfile', DockerfileDocument, DockerfileFields> = {
  name: 'dockerfile',
  noun: 'Dockerfile',
  exampleName: 'Dockerfile',
  inlineComments: false,
  peer: 'hadolint',
  readForPlanning: false,
  fromName: (basename) => !/\.dockerignore$/i.test(basename) && DOCKERFILE.test(basename) && !NOT_DOCKERFILE_EXT.test(basename),
  async parse(source, io) {
    if (source.text.trim() === '') {
      return { problems: [{ message: 'the Dockerfile is empty (a build needs at least a FROM)', start: 0, end: 0 }] };
    }
    const shell = HAS_RUN.test(source.text) ? await io.shellParser() : undefined;
    const own = `${path.basename(source.path)}.dockerignore`;
    const ignoreName = (await io.readSibling(own)) !== undefined ? own : '.dockerignore';
    const ignoreText = await io.readSibling(ignoreName);
    const dockerignore = ignoreText === undefined ? undefined : { path: path.join(path.dirname(source.path), ignoreName), text: ignoreText };
    return { doc: parseDockerfile(source, shell, dockerignore), problems: [] };
  },
  async lint(file, run) {
    const doc = file.doc;
    for (const rule of run.rules.dockerfile) run.runRule(rule, { dockerfile: doc });
    // `RUN` bodies are scripts too: the shell rules that ask for them (`meta.runBodies`) see them with the instruction.
    for (const { instruction, script } of runScripts(doc)) {
      if (script.tooComplex) run.tooComplex(script.tooComplex);
      await run.shellSyntax(script);
      for (const rule of run.rules.runBodies) run.runRule(rule, { shell: script, run: { dockerfile: doc, instruction } });
    }
  },
  shellScripts: (doc) => doc.scripts,
  directives: (_source, doc) => ({
    comments: dockerfileComments(doc),
    ...(doc ? { nextSpan: nextInstructionLines(doc), buildkitSkips: buildkitSkips(doc) } : {}),
  }),
};

/** A Dockerfile's comments (text after the `#`). */
function dockerfileComments(doc: DockerfileDocument | undefined): CommentInfo[] {
  return (doc?.comments ?? []).map((c) => ({ start: c.start, end: c.end, text: c.text }));
}

/** In a Dockerfile, "the next line" is the whole next instruction, which may span lines. */
function nextInstructionLines(doc: DockerfileDocument): (line: number) => [number, number] {
  return (line) => {
    const lines = doc.file.lines;
    for (const ins of doc.instructions) {
      const start = lines.position(ins.start).line;
      if (start > line) return [start, lines.position(ins.end).line];
    }
    return [line + 1, line + 1];
  };
}

function runScripts(doc: DockerfileDocument): { instruction: DfInstruction; script: ShellDocument }[] {
  const out: { instruction: DfInstruction; script: ShellDocument }[] = [];
  for (const ins of doc.instructions) {
    for (const script of ins.scripts) out.push({ instruction: ins, script });
    for (const script of ins.trigger?.scripts ?? []) out.push({ instruction: ins.trigger!, script });
  }
  return out;
}

function buildkitSkips(doc: DockerfileDocument): { value: string; span: Span }[] {
  return doc.directives.filter((d) => d.name === 'check').map((d) => ({ value: d.value, span: { start: d.start, end: d.end } }));
}
