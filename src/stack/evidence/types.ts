/**
 * What a repository says about how its files are run: `docker compose` and
 * `docker build` invocations found in its scripts, Makefiles, CI files,
 * `package.json`, bake files and documentation. Each item remembers the file
 * and line it was read from, so every decision made on it can name its source.
 */

/** Where a piece of evidence is written: an absolute path and a 1-based line. */
export interface EvidenceAt {
  readonly file: string;
  readonly line: number;
}

/**
 * One `docker compose` / `docker-compose` invocation. Paths are as written:
 * the planner resolves them against `cwd`, or, when the files are not there,
 * against `otherCwds` (a folder the script `cd`s to elsewhere, the folders
 * above a README whose commands assume the repository root).
 * A path holding a variable the evidence does not set is kept as a pattern:
 * `*` stands for the unknown part (`$DIR/compose.yaml` → `* /compose.yaml`).
 */
export interface ComposeRun {
  readonly kind: 'compose';
  /** The folder the command runs in, as far as the text tells. */
  readonly cwd: string;
  /** Folders the command may run in instead, most likely first. */
  readonly otherCwds: readonly string[];
  /** `-f`/`--file` files, or `COMPOSE_FILE`, in order; empty for a plain `docker compose`. */
  readonly files: readonly string[];
  readonly envFiles: readonly string[];
  readonly profiles: readonly string[];
  /** As written (`--project-directory`). */
  readonly projectDirectory?: string;
  readonly projectName?: string;
  /** Variables the invocation's environment sets (CI `env:`, `VAR=x docker compose`): names only matter. */
  readonly variables: readonly string[];
  /** Run by a CI job, whose environment (secrets, runner variables) lint cannot see. */
  readonly ci?: boolean;
  /**
   * Not a compose command but a link that makes one: `ln -s
   * docker-compose.override.dev.yml docker-compose.override.yml` puts that
   * file (as written) in the place compose auto-loads, for plain runs in `cwd`.
   */
  readonly overrideLink?: string;
  readonly at: EvidenceAt;
}

/** One `docker build` / `docker buildx build` (or a CI build step, a bake target). */
export interface BuildRun {
  readonly kind: 'build';
  readonly cwd: string;
  /** The Dockerfile, absolute; undefined for the context's own `Dockerfile`. */
  readonly dockerfile?: string;
  /** The build context, absolute; undefined when it is not a local folder (a URL, `-`). */
  readonly context?: string;
  readonly target?: string;
  readonly at: EvidenceAt;
}

/**
 * A file the repository's tooling makes: the target of a Makefile rule
 * (`.env:` with a recipe that writes it), made by `make <target>` or by a
 * target that depends on it. Absent from a checkout, it is still there when
 * the project is run the documented way.
 */
export interface GeneratedFile {
  readonly kind: 'generates';
  /** Absolute. */
  readonly path: string;
  readonly at: EvidenceAt;
}

/**
 * `source path` / `. path` in command text: the sourced script runs in the
 * same shell, with the arrays and variables set before it. The evidence
 * collector reads that script again after `prelude` (see index.ts).
 */
export interface SourceRun {
  readonly kind: 'source';
  /** Absolute; `*` for what a variable the text does not set stands for (`source "$DIR/test.sh"`). */
  readonly path: string;
  /** The variable the path starts with, when it is unknown: set to what `*` matches for each script found. */
  readonly variable?: string;
  readonly cwd: string;
  /** The lines before the `source`, in the sourcing file. */
  readonly prelude: readonly { readonly text: string; readonly line: number; readonly file?: string }[];
  readonly options: { readonly variables?: ReadonlyMap<string, string>; readonly exported?: boolean; readonly ci?: boolean; readonly dialect: 'shell' | 'make' | 'github' };
  readonly at: EvidenceAt;
}

export type EvidenceItem = ComposeRun | BuildRun | GeneratedFile;

/** A file of the repository that evidence readers look at. */
export interface EvidenceFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Reads one kind of file (a Makefile, a GitHub workflow …). `matches` decides
 * from the path relative to the scanned root; `read` never touches the disk.
 */
export interface EvidenceReader {
  /** Short name, shown by `explain-project` beside each piece of evidence. */
  readonly name: string;
  /** Globs (relative to a scanned root) of the files this reader reads. */
  readonly globs: readonly string[];
  read(file: EvidenceFile): (EvidenceItem | SourceRun)[];
}
