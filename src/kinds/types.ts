/**
 * What a kind of linted file is, as a plug-in (one folder per kind under
 * src/kinds/, listed in ./index.ts): how a file is recognised, parsed, linted
 * (which rules run on it, with what in their context) and where its
 * suppression comments are. The stages that handle files (discover, the parse
 * stage, the engine, the rule kit) read this table and name no kind.
 */
import type { Span } from '../core/location.js';
import type { AnyRule, ReportDescriptor, RuleKind } from '../core/rule.js';
import type { FileKind, SourceFile } from '../core/source.js';
import type { ComposeParse, SyntaxProblem } from '../parse/compose/document.js';
import type { ComposeProject } from '../parse/compose/project.js';
import type { ShellDialect, ShellDocument, ShellParser, TooComplex } from '../parse/shell/types.js';

/** A comment that may hold a directive; `text` is everything after the `#`. */
export interface CommentInfo extends Span {
  text: string;
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

/** What the parse stage lends a kind's parser: the run's shared readers. */
export interface ParseIO {
  /** Parses a compose file with the run's compose loader (which also reads what it pulls in). */
  compose(source: SourceFile): Promise<ComposeParse>;
  /** The text of a file beside the parsed one, through the overlay; undefined when there is none. */
  readSibling(name: string): Promise<string | undefined>;
  /** tree-sitter's shell parser, loaded once per process. */
  shellParser(): Promise<ShellParser>;
  /** The dialect of a script without a shebang (a `.shellcheckrc`'s `shell=`); by default its file name decides. */
  defaultShellDialect?: ShellDialect;
}

/** The run's rules by the kind they check (`runBodies`: shell rules that also check Dockerfile `RUN` bodies). */
export type RulesByKind = { readonly [K in RuleKind]: AnyRule[] } & { readonly runBodies: AnyRule[] };

/** Maps a finding on an embedded text (a compose file's shell string) into the file that holds it; undefined drops it. */
export type Remap = (d: ReportDescriptor) => ReportDescriptor | undefined;

/** What the lint loop lends a kind for linting one file. */
export interface FileRun {
  readonly rules: RulesByKind;
  /**
   * Runs one rule on the file, its context holding `extra` (the kind's context fields) besides the common fields.
   * `remap` turns what the rule reports into what is reported (a script embedded in the file: its positions
   * into the file's); undefined drops the finding.
   */
  runRule(rule: AnyRule, extra: Record<string, unknown>, remap?: Remap): void;
  /** A text too deep or too large for the rules: one finding where it is too much. */
  tooComplex(tc: TooComplex): void;
  /** `shell/syntax` when the script does not parse (confirmed by a second parser). */
  shellSyntax(script: ShellDocument, remap?: Remap): Promise<void>;
  /** The compose project a compose file is linted in. */
  projectFor(path: string): ComposeProject | undefined;
}

/**
 * One kind of linted file. `D` is its parsed document, `C` the fields its
 * rules' context has besides the common ones (`file`, `options`, `settings`,
 * `stack`, `report`); `context` is never set, it carries `C` for the types.
 */
export interface FileKindPlugin<K extends FileKind = FileKind, D = unknown, C = unknown> {
  readonly name: K;
  /** Whether a base name is this kind's (checked in the order of ./index.ts). */
  fromName(basename: string): boolean;
  /** For an extension-less file: whether its first line makes it this kind's. */
  fromShebang?(firstLine: string): boolean;
  /** What a message calls a file of the kind (`compose file`, `Dockerfile`, `shell script`). */
  readonly noun: string;
  /** A file name of this kind, for an in-memory test case that names none (`RuleTester`). */
  readonly exampleName: string;
  /**
   * Whether a `#` comment may follow code on the same line, so that
   * `# stack-lint-disable-line` can work (not in a Dockerfile, where a comment
   * takes a whole line).
   */
  readonly inlineComments: boolean;
  /**
   * The peer linter of the kind: its config file applies to files of the kind
   * (`.hadolint.yaml` to Dockerfiles, `.shellcheckrc` to scripts), and for
   * hadolint, its `# hadolint ignore=` comments in them.
   */
  readonly peer?: 'hadolint' | 'shellcheck';
  /**
   * Whether planning the run's stacks looks at the text (how files name each
   * other), so it is read up front; otherwise it is read with its stack, and
   * a run's reads are never all in memory at once.
   */
  readonly readForPlanning: boolean;
  /** The document, or the problems that kept the text from parsing. */
  parse(source: SourceFile, io: ParseIO): Promise<{ doc?: D; problems: SyntaxProblem[] }>;
  /** Runs the kind's rules (and any other per-file check) on a file that parsed. */
  lint(file: { source: SourceFile; doc: D }, run: FileRun): Promise<void>;
  /**
   * The shell scripts the document holds (a script itself, a Dockerfile's
   * `RUN` bodies): before a fix is applied, a second parser confirms that
   * none of them stopped parsing.
   */
  shellScripts?(doc: D): readonly ShellDocument[];
  /** Where the file's suppression directives are, as its kind writes comments. */
  directives(source: SourceFile, doc: D | undefined): DirectiveSource;
  readonly context?: C;
}
