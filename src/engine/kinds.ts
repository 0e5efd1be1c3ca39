/**
 * What the engine does with each kind of linted file, in one table: which
 * rules run on a parsed file and with what context, and how its comments
 * carry suppression directives. The loop (./lint.ts) knows no kind by name;
 * a new kind of file adds its entry here, besides its classification
 * (src/discover/classify.ts), its parser (src/stack/parse-files.ts) and the
 * context its rules get (rules/kit/define.ts).
 */
import type { Span } from '../core/location.js';
import type { AnyRule } from '../core/rule.js';
import type { FileKind } from '../core/source.js';
import type { ComposeProject } from '../parse/compose/project.js';
import type { DockerfileDocument } from '../parse/dockerfile/types.js';
import type { ShellDocument, TooComplex } from '../parse/shell/types.js';
import type { ParsedFile } from '../stack/parse-files.js';
import { dockerfileComments, firstCommandLine, nextInstructionLines, shellComments, yamlDirectiveComments } from './comments.js';
import type { CommentInfo } from './suppressions.js';
import type { RulesByKind } from './types.js';

/** What the loop lends a kind for linting one file. */
export interface FileRun {
  readonly rules: RulesByKind;
  /**
   * Runs one rule on the file, its context holding `extra` besides the common
   * fields. Rules given the same `extra` object share one context object.
   */
  runRule(rule: AnyRule, extra: Record<string, unknown>): void;
  /** A text too deep or too large for the rules: one finding where it is too much. */
  tooComplex(tc: TooComplex): void;
  /** `shell/syntax` when the script does not parse (confirmed by a second parser). */
  shellSyntax(script: ShellDocument): Promise<void>;
  /** The compose project a compose file is linted in. */
  projectFor(path: string): ComposeProject | undefined;
}

/** The comments that may hold suppression directives, and how far "the next line" and "the file" reach. */
export interface DirectiveSource {
  comments: CommentInfo[];
  nextSpan?: (line: number) => [number, number];
  /** `# check=skip=…` values of a Dockerfile's parser directives. */
  buildkitSkips?: { value: string; span: Span }[];
  /** Line of a script's first command: a `# shellcheck disable=` above it covers the file. */
  firstCommandLine?: number;
}

interface KindHandler<F extends ParsedFile> {
  /** Runs the kind's rules on a file that parsed. */
  lint(file: F & { doc: NonNullable<F['doc']> }, run: FileRun): Promise<void>;
  directives(file: F): DirectiveSource;
}

type Handlers = { [K in FileKind]: KindHandler<Extract<ParsedFile, { kind: K }>> };

const KINDS: Handlers = {
  compose: {
    async lint(file, run) {
      const project = run.projectFor(file.source.path);
      // One context for the file's rules: the same `extra` object each time (see FileRun.runRule).
      const extra = { compose: file.doc, project };
      for (const rule of run.rules.compose) run.runRule(rule, extra);
    },
    directives: (file) => ({ comments: file.doc ? yamlDirectiveComments(file.source.text, file.doc.root) : [] }),
  },
  dockerfile: {
    async lint(file, run) {
      const doc = file.doc;
      const extra = { dockerfile: doc };
      for (const rule of run.rules.dockerfile) run.runRule(rule, extra);
      // `RUN` bodies are scripts too: the shell rules that ask for them (`meta.runBodies`) see them with the instruction.
      for (const { instruction, script } of runScripts(doc)) {
        if (script.tooComplex) run.tooComplex(script.tooComplex);
        await run.shellSyntax(script);
        const body = { shell: script, run: { dockerfile: doc, instruction } };
        for (const rule of run.rules.runBodies) run.runRule(rule, body);
      }
    },
    directives: (file) => ({
      comments: dockerfileComments(file.doc),
      ...(file.doc ? { nextSpan: nextInstructionLines(file.doc), buildkitSkips: buildkitSkips(file.doc) } : {}),
    }),
  },
  shell: {
    async lint(file, run) {
      if (file.doc.tooComplex) run.tooComplex(file.doc.tooComplex);
      await run.shellSyntax(file.doc);
      const extra = { shell: file.doc };
      for (const rule of run.rules.shell) run.runRule(rule, extra);
    },
    directives: (file) => ({
      comments: shellComments(file.doc),
      ...(file.doc ? { firstCommandLine: firstCommandLine(file.doc) ?? file.source.lines.lineCount + 1 } : {}),
    }),
  },
};

/** Runs the rules of the file's kind on it; a file that did not parse has only its syntax findings. */
export async function lintParsedFile(file: ParsedFile, run: FileRun): Promise<void> {
  if (!file.doc) return;
  await (KINDS[file.kind] as KindHandler<ParsedFile>).lint(file as ParsedFile & { doc: NonNullable<ParsedFile['doc']> }, run);
}

/** Where the file's suppression directives are, as its kind writes comments. */
export function directiveSource(file: ParsedFile): DirectiveSource {
  return (KINDS[file.kind] as KindHandler<ParsedFile>).directives(file);
}

function runScripts(doc: DockerfileDocument) {
  const out: { instruction: DockerfileDocument['instructions'][number]; script: ShellDocument }[] = [];
  for (const ins of doc.instructions) {
    for (const script of ins.scripts) out.push({ instruction: ins, script });
    for (const script of ins.trigger?.scripts ?? []) out.push({ instruction: ins.trigger!, script });
  }
  return out;
}

function buildkitSkips(doc: DockerfileDocument): { value: string; span: Span }[] {
  return doc.directives.filter((d) => d.name === 'check').map((d) => ({ value: d.value, span: { start: d.start, end: d.end } }));
}
