import type { Dockerfile, Instruction } from 'dockerfile-ast';
import type { Locatable } from '../../core/rule.js';
import type { Span } from '../../core/location.js';
import type { ShellDocument } from '../shell/types.js';
import type { SourceFile } from '../../core/source.js';

export interface DfArgument extends Locatable {
  /** The argument as dockerfile-ast reads it (escapes and continuations removed). */
  readonly value: string;
}

export interface DfFlag extends Locatable {
  /** `from` for `--from=builder` */
  readonly name: string;
  readonly value: string | undefined;
  readonly nameSpan: Span;
  readonly valueSpan: Span | undefined;
}

export interface DfInstruction extends Locatable {
  readonly file: SourceFile;
  /** Upper-case keyword: `RUN`, `FROM`, … (as written for unknown instructions, upper-cased) */
  readonly keyword: string;
  /** The keyword as written (`from`, `Run`), for casing rules. */
  readonly keywordText: string;
  readonly keywordSpan: Span;
  /** The arguments after the keyword and flags, as written (continuations included). */
  readonly argsText: string;
  readonly argsSpan: Span | undefined;
  readonly args: readonly DfArgument[];
  readonly flags: readonly DfFlag[];
  /** The stage the instruction belongs to; undefined for `ARG`s before the first `FROM`. */
  readonly stage: DfStage | undefined;
  /** For `ONBUILD X`: the trigger instruction X. */
  readonly trigger?: DfInstruction;
  /** `CMD`/`ENTRYPOINT`/`RUN`/`SHELL`/`HEALTHCHECK` in JSON exec form. */
  readonly execForm: boolean;
  /** For `RUN` (and `ONBUILD RUN`) in shell form: the shell scripts it runs (the command line, and heredoc bodies run as scripts). */
  readonly scripts: readonly ShellDocument[];
  readonly ast: Instruction;
}

export interface DfStage {
  /** 0-based position among the `FROM`s */
  readonly index: number;
  /** `AS name`, lower-cased as BuildKit compares it */
  readonly name: string | undefined;
  readonly nameSpan: Span | undefined;
  readonly from: DfInstruction;
  /** The image as written: `${BASE}`, `python:3.12-slim`, `builder` */
  readonly image: string;
  readonly imageSpan: Span | undefined;
  /** The image with `ARG` defaults substituted (global `ARG`s before the first `FROM`). */
  readonly resolvedImage: string;
  /** `ARG`s the image refers to that have no default: the build command decides them. */
  readonly unsetArgs: readonly string[];
  /** The earlier stage this one is built `FROM`, if the image names one. */
  readonly parent: DfStage | undefined;
  readonly platform: string | undefined;
  readonly instructions: readonly DfInstruction[];
  readonly isFinal: boolean;
}

export interface DfDirective extends Locatable {
  readonly name: string;
  readonly value: string;
}

export interface DockerfileDocument {
  readonly file: SourceFile;
  readonly ast: Dockerfile;
  readonly instructions: readonly DfInstruction[];
  readonly stages: readonly DfStage[];
  /** `ARG`s before the first `FROM`, name → default value (undefined when none). */
  readonly globalArgs: ReadonlyMap<string, string | undefined>;
  readonly directives: readonly DfDirective[];
  readonly escapeChar: string;
  readonly finalStage: DfStage | undefined;
  /** The final stage and the stages it is built `FROM`, transitively: what ends up in the image. */
  readonly imageStages: readonly DfStage[];
  /** Every shell script in `RUN` bodies, in order. */
  readonly scripts: readonly ShellDocument[];
  /**
   * The `.dockerignore` that applies when the Dockerfile's own folder is the
   * build context: `<name>.dockerignore` beside it, else `.dockerignore` there.
   * (Compose builds with another context are resolved by the stack model.)
   */
  readonly dockerignore: { readonly path: string; readonly text: string } | undefined;
  /** Comment lines (not parser directives), e.g. for suppressions. */
  readonly comments: readonly (Locatable & { text: string })[];
}
