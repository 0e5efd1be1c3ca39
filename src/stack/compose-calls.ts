/**
 * `docker compose …` and `docker-compose …` in the run's scripts: the files
 * (`-f`), project name (`-p`), project directory, profiles and env files they
 * name, the folder they run in, the project those files form, and the
 * services the subcommand names (`logs api`, `exec api sh`, `up -d a b`).
 */
import path from 'node:path';
import type { ComposeDocument } from '../parse/compose/document.js';
import { composeFilePaths } from '../parse/compose/compose-file-var.js';
import { BASE_NAMES } from '../parse/compose/layers.js';
import type { ComposeProject } from '../parse/compose/project.js';
import { flattenCommands } from '../parse/shell/commands.js';
import { dockerCall, type DockerCall } from '../parse/shell/docker.js';
import { flagValues } from '../parse/shell/flags.js';
import type { ShCommand, ShellDocument, ShWord } from '../parse/shell/types.js';
import type { PathState } from './resources.js';

export interface ComposeFileRef {
  /** The word holding the path (`-f x`: `x`; `--file=x`: the whole word). */
  readonly word: ShWord;
  /** Offsets of the value inside the file. */
  readonly start: number;
  readonly end: number;
  /** The path as written; undefined when dynamic (`$FILE`, `-`). */
  readonly value: string | undefined;
  /** Where it was found (absolute), else where it was looked for first; undefined when dynamic. */
  readonly path: string | undefined;
  /** `file`, `dir` or `missing` in every folder the call may run in; undefined when unknown. */
  readonly state: PathState | undefined;
  /** The compose document, when the run parsed that file. */
  readonly document: ComposeDocument | undefined;
}

export interface ComposeCall {
  readonly script: ShellDocument;
  readonly command: ShCommand;
  readonly call: DockerCall;
  /** `-f`/`--file`, in order. */
  readonly files: readonly ComposeFileRef[];
  /** `-p`/`--project-name`. */
  readonly projectName: { readonly word: ShWord; readonly value: string | undefined } | undefined;
  /** `--project-directory`, absolute when static. */
  readonly projectDirectory: { readonly word: ShWord; readonly value: string | undefined; readonly path: string | undefined } | undefined;
  /** `--profile`, in order. */
  readonly profiles: readonly { readonly word: ShWord; readonly value: string | undefined; readonly start: number; readonly end: number }[];
  /** `--env-file`, in order (paths as for `files`). */
  readonly envFiles: readonly ComposeFileRef[];
  readonly subcommand: string | undefined;
  readonly subcommandWord: ShWord | undefined;
  /**
   * The SERVICE arguments of a subcommand that takes services (`up`, `logs`,
   * `exec`, `run`, `restart`, `stop`, …). Empty when there are none, and when
   * an option we do not know makes the arguments impossible to tell apart.
   */
  readonly services: readonly ShWord[];
  /** The folders the call may run in, most likely first: a `cd` before it, else the script's folder and the folders above it. */
  readonly workingDirs: readonly string[];
  /** A `cd` we cannot follow comes before the call: its folder is a guess. */
  readonly uncertainDir: boolean;
  /**
   * The project the call runs: the `-f` files merged in order, else the
   * default files (`compose.yaml` + override) of the folder it runs in;
   * undefined when a file is dynamic, missing or was not parsed.
   */
  readonly project: ComposeProject | undefined;
  /** The project lacks a part (a file it pulls in was not read): do not judge what it lacks. */
  readonly partial: boolean;
  /**
   * Projects a plain call may run instead of `project`: when the folder has no
   * override file and a script of the repository links one into place (`ln -s
   * docker-compose.override.dev.yml docker-compose.override.yml`), the base
   * file with each such override. Empty otherwise.
   */
  readonly alternatives: readonly ComposeProject[];
}

/** What the call reader needs from the model. */
export interface CallEnv {
  stat(abs: string): PathState | undefined;
  composeAt(abs: string): ComposeDocument | undefined;
  /** The project the files form, in `-f` order (a project of the run when it has the same files); `partial` when something was not read. */
  projectOf(files: readonly string[], options: { name?: string; directory?: string }): { project: ComposeProject; partial: boolean } | undefined;
  /** The projects of a base file whose override a script links into place (see `ComposeCall.alternatives`). */
  linkedProjects?(base: string): readonly ComposeProject[];
}

/** Subcommands whose positional arguments are services, with the options that take a value and the flags. */
const SERVICE_SUBCOMMANDS: Record<string, { single?: boolean; values: string[]; flags: string[] }> = {
  up: {
    values: ['--scale', '-t', '--timeout', '--exit-code-from', '--attach', '--no-attach', '--pull', '--wait-timeout'],
    flags: ['-d', '--detach', '--build', '--no-build', '--force-recreate', '--no-recreate', '--no-deps', '--no-start', '--remove-orphans', '-V', '--renew-anon-volumes', '--abort-on-container-exit', '--abort-on-container-failure', '--attach-dependencies', '--always-recreate-deps', '--no-color', '--no-log-prefix', '--quiet-pull', '--quiet-build', '--wait', '-w', '--watch', '-y', '--yes', '--timestamps', '--dry-run', '--menu'],
  },
  logs: { values: ['--since', '--until', '-n', '--tail', '--index'], flags: ['-f', '--follow', '--no-color', '--no-log-prefix', '-t', '--timestamps', '--dry-run'] },
  exec: { single: true, values: ['-e', '--env', '-u', '--user', '-w', '--workdir', '--index'], flags: ['-d', '--detach', '-T', '--no-TTY', '--no-tty', '--privileged', '-i', '--interactive', '-t', '--tty', '--dry-run'] },
  run: {
    single: true,
    values: ['-e', '--env', '--env-from-file', '-u', '--user', '-w', '--workdir', '-p', '--publish', '-v', '--volume', '-l', '--label', '--name', '--entrypoint', '--cap-add', '--cap-drop', '--pull'],
    flags: ['-d', '--detach', '--rm', '--no-deps', '--service-ports', '--use-aliases', '-T', '--no-TTY', '--no-tty', '-i', '--interactive', '-t', '--tty', '--build', '--quiet-pull', '--quiet-build', '--remove-orphans', '-q', '--quiet', '-P', '--dry-run'],
  },
  restart: { values: ['-t', '--timeout'], flags: ['--no-deps', '--dry-run'] },
  stop: { values: ['-t', '--timeout'], flags: ['--dry-run'] },
  start: { values: [], flags: ['--dry-run'] },
  kill: { values: ['-s', '--signal'], flags: ['--remove-orphans', '--dry-run'] },
  rm: { values: [], flags: ['-f', '--force', '-s', '--stop', '-v', '--volumes', '--dry-run'] },
  pull: { values: ['--policy'], flags: ['--ignore-buildable', '--ignore-pull-failures', '--include-deps', '-q', '--quiet', '--parallel', '--no-parallel', '--dry-run'] },
  build: { values: ['--build-arg', '--builder', '-m', '--memory', '--ssh', '--progress', '--provenance', '--sbom'], flags: ['--no-cache', '--pull', '--push', '-q', '--quiet', '--with-dependencies', '--check', '--print', '--dry-run'] },
  push: { values: [], flags: ['--ignore-push-failures', '--include-deps', '-q', '--quiet', '--dry-run'] },
  create: { values: ['--scale', '--pull'], flags: ['--build', '--no-build', '--force-recreate', '--no-recreate', '--remove-orphans', '-y', '--yes', '--dry-run'] },
  pause: { values: [], flags: ['--dry-run'] },
  unpause: { values: [], flags: ['--dry-run'] },
  top: { values: [], flags: ['--dry-run'] },
  port: { single: true, values: ['--index', '--protocol'], flags: ['--dry-run'] },
  attach: { single: true, values: ['--index', '--detach-keys'], flags: ['--no-stdin', '--sig-proxy', '--dry-run'] },
};

/** How far above a script's folder a call may run (a script in `scripts/ci/` run from the repository root). */
const MAX_UP = 3;

/** The compose calls of a script, in order (with those inside `sh -c '…'`). */
export function composeCallsIn(script: ShellDocument, env: CallEnv): ComposeCall[] {
  const out: ComposeCall[] = [];
  const scriptDir = path.dirname(script.file.path);
  const root = runRoot(script);
  const commands = flattenCommands(script.commands);
  for (const cmd of commands) {
    const call = dockerCall(cmd);
    if (!call || !call.compose) continue;
    const cd = cdBefore(commands, cmd, ancestors(scriptDir, root), scriptDir, env.stat);
    out.push(readCall(script, cmd, call, cd.dirs, cd.uncertain, env));
  }
  return out;
}

/** The folder the run was started in, as the script's `relPath` shows it (undefined when the script is outside it). */
function runRoot(script: ShellDocument): string | undefined {
  const rel = script.file.relPath;
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split('/').length;
  let dir = script.file.path;
  for (let i = 0; i < parts; i++) dir = path.dirname(dir);
  return dir;
}

function ancestors(dir: string, root: string | undefined): string[] {
  const out = [dir];
  for (let d = dir, i = 0; i < MAX_UP; i++) {
    if (root !== undefined && d === root) break;
    const up = path.dirname(d);
    if (up === d) break;
    out.push(up);
    d = up;
  }
  return out;
}

/**
 * The folders the call may run in after the `cd`s before it: an absolute path
 * or `cd "$(dirname "$0")/.."` fixes it; a relative path moves every
 * candidate; a `cd` we cannot read makes the folder `uncertain`.
 */
function cdBefore(
  commands: readonly ShCommand[],
  target: ShCommand,
  candidates: readonly string[],
  scriptDir: string,
  stat: (abs: string) => PathState | undefined,
): { dirs: string[]; uncertain: boolean } {
  let dirs = [...candidates];
  let uncertain = false;
  // A folder that is not here (`cd /home/runner/work/app` in CI) says nothing about this checkout.
  const move = (next: string[]): void => {
    const here = next.filter((d) => {
      const state = stat(d);
      return state === 'dir' || state === undefined;
    });
    if (here.length) dirs = here;
    else uncertain = true;
  };
  for (const c of commands) {
    if (c.start >= target.start) break;
    if (c.name !== 'cd' && c.name !== 'pushd') continue;
    if (c.inSubstitution || c.inFunction || (c.inSubshell && !target.inSubshell)) continue;
    const arg = c.args.find((a) => !(a.value ?? a.raw).startsWith('-'));
    if (!arg) continue;
    const fromScript = /^"?\$\(\s*dirname\s+"?(?:\$0|\$\{0\}|\$\{BASH_SOURCE(?:\[0\])?\}|\$BASH_SOURCE)"?\s*\)((?:\/\.\.)*)\/?"?$/.exec(arg.raw);
    if (fromScript) move([path.resolve(scriptDir, `.${fromScript[1] ?? ''}`)]);
    else if (arg.value !== undefined && arg.value !== '-' && !arg.value.startsWith('~')) {
      move(path.isAbsolute(arg.value) ? [arg.value] : dirs.map((d) => path.resolve(d, arg.value!)));
    } else uncertain = true;
  }
  return { dirs, uncertain };
}

/** The options before the subcommand (`-f a -p x` in `docker compose -f a -p x up`). */
function globalView(cmd: ShCommand, call: DockerCall): ShCommand {
  const args = cmd.args;
  let start = 0;
  if (!call.standaloneCompose) start = args.findIndex((a) => a.value === 'compose') + 1;
  const end = call.subcommandWord ? args.indexOf(call.subcommandWord) : args.length;
  return { ...cmd, args: args.slice(start, end < 0 ? args.length : end) };
}

function readCall(script: ShellDocument, cmd: ShCommand, call: DockerCall, workingDirs: string[], uncertainDir: boolean, env: CallEnv): ComposeCall {
  const globals = globalView(cmd, call);
  const fileValues = flagValues(globals, '-f', '--file');
  const dirFlag = flagValues(globals, '--project-directory').at(-1);
  const nameFlag = flagValues(globals, '-p', '--project-name').at(-1);
  const projectDirectory = dirFlag
    ? { word: dirFlag.word, value: dirFlag.value, path: dirFlag.value === undefined ? undefined : path.resolve(workingDirs[0]!, dirFlag.value) }
    : undefined;

  // The folder the call runs in: the first candidate where the first -f file is (or, without -f, where a compose file is).
  const firstFile = fileValues[0]?.value;
  let cwd = workingDirs[0]!;
  if (firstFile !== undefined && firstFile !== '-') {
    const found = workingDirs.find((d) => env.stat(path.resolve(d, firstFile)) === 'file');
    if (found) cwd = found;
  }
  const ref = (v: { word: ShWord; value: string | undefined; start: number; end: number }): ComposeFileRef => {
    if (v.value === undefined || v.value === '-' || v.value.includes('$')) return { ...v, value: undefined, path: undefined, state: undefined, document: undefined };
    // A file the script writes (`envsubst < t > compose.gen.yaml`, `cp`, `-o`) may not exist before it runs.
    if (writtenBy(script, cmd, v.value)) return { word: v.word, start: v.start, end: v.end, value: v.value, path: path.resolve(cwd, v.value), state: undefined, document: env.composeAt(path.resolve(cwd, v.value)) };
    // Where the call runs first; then any other folder it may run in. Missing only when missing from all.
    const dirs = [cwd, ...workingDirs.filter((d) => d !== cwd)];
    let state: PathState | undefined = 'missing';
    for (const d of dirs) {
      const abs = path.resolve(d, v.value);
      const here = env.composeAt(abs) ? 'file' : env.stat(abs);
      if (here === 'file') return { word: v.word, start: v.start, end: v.end, value: v.value, path: abs, state: here, document: env.composeAt(abs) };
      if (here !== 'missing' && state === 'missing') state = here;
    }
    const abs = path.resolve(cwd, v.value);
    return { word: v.word, start: v.start, end: v.end, value: v.value, path: abs, state, document: undefined };
  };
  const files = fileValues.map(ref);
  const envFiles = flagValues(globals, '--env-file').map(ref);
  const profiles = flagValues(globals, '--profile').map((p) => ({ word: p.word, value: p.value, start: p.start, end: p.end }));

  let project: ComposeProject | undefined;
  let partial = false;
  let alternatives: readonly ComposeProject[] = [];
  // COMPOSE_FILE set in the script (or `--env-file`) may change the files: then we cannot tell.
  const composeFileVar = script.commands.some((c) => c.assignments.some((a) => a.name === 'COMPOSE_FILE') || (c.name === 'export' && c.args.some((a) => a.raw.startsWith('COMPOSE_FILE'))));
  const options = { ...(nameFlag?.value ? { name: nameFlag.value } : {}), ...(projectDirectory?.path ? { directory: projectDirectory.path } : {}) };
  if (files.length) {
    if (files.every((f) => f.document)) {
      const built = env.projectOf(files.map((f) => f.path!), options);
      project = built?.project;
      partial = built?.partial ?? true;
    }
  } else if (!composeFileVar && envFiles.length === 0 && !uncertainDir) {
    const base = defaultBase(projectDirectory?.path ? [projectDirectory.path] : workingDirs, env);
    const paths = base && defaultFiles(base, env);
    if (paths) {
      if (paths.every((p) => env.composeAt(p))) {
        const built = env.projectOf(paths, options);
        project = built?.project;
        partial = built?.partial ?? true;
      }
      // No override in place: one a script links there may be, when the call runs.
      if (paths.length === 1 && !base.env.has('COMPOSE_FILE')) alternatives = env.linkedProjects?.(base.file.path) ?? [];
    }
  }

  return {
    script,
    command: cmd,
    call,
    files,
    projectName: nameFlag ? { word: nameFlag.word, value: nameFlag.value } : undefined,
    projectDirectory,
    profiles,
    envFiles,
    subcommand: call.subcommand,
    subcommandWord: call.subcommandWord,
    services: serviceWords(call),
    workingDirs: [cwd, ...workingDirs.filter((d) => d !== cwd)],
    uncertainDir,
    project,
    partial,
    alternatives,
  };
}

/** Another command of the script names the file (as a redirect target or an argument): it may create it. */
function writtenBy(script: ShellDocument, call: ShCommand, file: string): boolean {
  const base = path.posix.basename(file);
  const names = (w: ShWord | undefined) => w !== undefined && (w.value ?? w.raw).replace(/["']/g, '').endsWith(base);
  return flattenCommands(script.commands).some((c) => c !== call && !dockerCall(c)?.compose && (c.redirects.some((r) => names(r.target)) || c.args.some(names)));
}

/**
 * The files a plain `docker compose` uses in the base file's folder: those the
 * folder's `.env` names in `COMPOSE_FILE`, else the base file and its override.
 * Undefined when `COMPOSE_FILE` is set to something lint cannot place.
 */
function defaultFiles(base: ComposeDocument, env: CallEnv): string[] | undefined {
  const dir = path.dirname(base.file.path);
  if (base.env.has('COMPOSE_FILE')) return composeFilePaths(base.env, dir);
  const stem = path.basename(base.file.path).replace(/\.ya?ml$/i, '');
  const override = [`${stem}.override.yaml`, `${stem}.override.yml`].map((n) => path.join(dir, n)).find((p) => env.stat(p) === 'file' || env.composeAt(p));
  return override ? [base.file.path, override] : [base.file.path];
}

/** The base compose file `docker compose` finds from the folders (it also looks in the folders above). */
function defaultBase(dirs: readonly string[], env: CallEnv): ComposeDocument | undefined {
  for (const start of dirs) {
    for (let d = start, i = 0; i <= MAX_UP; i++) {
      for (const name of BASE_NAMES) {
        const p = path.join(d, name);
        const doc = env.composeAt(p);
        if (doc) return doc;
        if (env.stat(p) === 'file') return undefined; // there, but not parsed: unknown
      }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  return undefined;
}

/** The service words of the subcommand, or none when the arguments cannot be read with certainty. */
function serviceWords(call: DockerCall): ShWord[] {
  const sub = call.subcommand;
  const spec = sub === undefined ? undefined : SERVICE_SUBCOMMANDS[sub];
  if (!spec) return [];
  const values = new Set(spec.values);
  const flags = new Set(spec.flags);
  const out: ShWord[] = [];
  const args = call.rest;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (v === undefined) {
      if (w.raw.startsWith('-')) return [];
      if (spec.single) return out; // the service is dynamic
      continue;
    }
    if (v === '--') {
      if (!spec.single) out.push(...args.slice(i + 1).filter((a) => a.value !== undefined));
      else if (args[i + 1]?.value !== undefined) out.push(args[i + 1]!);
      return out;
    }
    if (v.startsWith('--')) {
      const name = v.includes('=') ? v.slice(0, v.indexOf('=')) : v;
      if (v.includes('=') && (values.has(name) || flags.has(name))) continue;
      if (values.has(name)) {
        i++;
        continue;
      }
      if (flags.has(name)) continue;
      return []; // an option we do not know: its value could look like a service
    }
    if (v.startsWith('-') && v.length > 1) {
      // a short flag or a cluster (`-dT`); the last letter may take a value (`-ti x`? no: `-u root`)
      const letters = v.slice(1);
      if (values.has(v)) {
        i++;
        continue;
      }
      if (flags.has(v)) continue;
      const all = [...letters].map((l) => `-${l}`);
      if (all.every((f) => flags.has(f))) continue;
      if (all.slice(0, -1).every((f) => flags.has(f)) && values.has(all.at(-1)!)) {
        i++;
        continue;
      }
      if (values.has(all[0]!)) continue; // `-uroot`: the value is attached
      return [];
    }
    out.push(w);
    if (spec.single) return out;
  }
  return out;
}
