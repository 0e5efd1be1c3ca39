/**
 * The Docker-family CLIs as rules see them: `docker [globals] <sub> …`,
 * `docker compose [globals] <sub> …`, `docker-compose …`, and the same for
 * `podman` / `nerdctl`. Global options (and their values) are skipped, so
 * `docker --context prod compose -f a.yml up -d` is compose subcommand `up`
 * with the arguments `-d`.
 */
import { basename } from 'node:path';
import type { ShCommand, ShWord } from './types.js';

/** Engines whose CLI follows `docker`'s shape. */
const ENGINES = new Set(['docker', 'podman', 'nerdctl']);
/** Stand-alone compose binaries (`docker-compose` is Compose v1 or the v2 compat binary). */
const COMPOSE_BINARIES = new Set(['docker-compose', 'podman-compose']);

/** `docker` global options that take a separate value. */
const DOCKER_GLOBALS_WITH_VALUE = new Set([
  '-c',
  '--context',
  '--config',
  '-H',
  '--host',
  '-l',
  '--log-level',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
  // podman
  '--connection',
  '--url',
  '--identity',
  '--root',
  '--runroot',
  '--storage-driver',
  '--cgroup-manager',
  // nerdctl
  '-n',
  '--namespace',
  '-a',
  '--address',
  '--snapshotter',
  '--data-root',
]);

/** `docker compose` / `docker-compose` global options that take a separate value. */
const COMPOSE_GLOBALS_WITH_VALUE = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--project-directory',
  '--env-file',
  '--profile',
  '--ansi',
  '--parallel',
  '--progress',
  // Compose v1
  '-H',
  '--host',
  '--log-level',
  '-c',
  '--context',
]);

export interface DockerCall {
  readonly cmd: ShCommand;
  /** The engine or compose binary, base name: `docker`, `podman`, `nerdctl`, `docker-compose`, `podman-compose`. */
  readonly tool: string;
  /** `docker compose …` or a stand-alone compose binary. */
  readonly compose: boolean;
  /** Compose run through the stand-alone `docker-compose` binary (Compose v1 style). */
  readonly standaloneCompose: boolean;
  /** The subcommand (`up`, `run`, `login`, `volume`…); undefined when missing or dynamic. */
  readonly subcommand: string | undefined;
  readonly subcommandWord: ShWord | undefined;
  /** The word after a management command (`rm` in `docker volume rm x`), when it is not an option. */
  readonly action: string | undefined;
  readonly actionWord: ShWord | undefined;
  /** The arguments after the subcommand (for `docker volume rm -f x`: `rm -f x`). */
  readonly rest: readonly ShWord[];
  /**
   * A view of the command whose `args` are `rest`, so the flag helpers
   * (`hasFlag`, `flagValues`…) look at the subcommand's options only.
   */
  readonly view: ShCommand;
  /** Like `view`, but after the management command's action (`-f x` in `docker volume rm -f x`). */
  readonly actionView: ShCommand;
}

/** Reads a Docker-family command; undefined for any other command. */
export function dockerCall(cmd: ShCommand): DockerCall | undefined {
  if (cmd.name === undefined) return undefined;
  const tool = basename(cmd.name);
  const args = cmd.args;
  let compose: boolean;
  let i: number;
  if (ENGINES.has(tool)) {
    i = skipGlobals(args, 0, DOCKER_GLOBALS_WITH_VALUE);
    compose = args[i]?.value === 'compose';
    if (compose) i = skipGlobals(args, i + 1, COMPOSE_GLOBALS_WITH_VALUE);
  } else if (COMPOSE_BINARIES.has(tool)) {
    compose = true;
    i = skipGlobals(args, 0, COMPOSE_GLOBALS_WITH_VALUE);
  } else {
    return undefined;
  }
  const subWord = args[i];
  const rest = subWord ? args.slice(i + 1) : [];
  const actionWord = rest[0] && rest[0].value !== undefined && !rest[0].value.startsWith('-') ? rest[0] : undefined;
  return {
    cmd,
    tool,
    compose,
    standaloneCompose: COMPOSE_BINARIES.has(tool),
    subcommand: subWord?.value,
    subcommandWord: subWord,
    action: actionWord?.value,
    actionWord,
    rest,
    view: { ...cmd, args: rest },
    actionView: { ...cmd, args: actionWord ? rest.slice(1) : rest },
  };
}

/** Index of the first argument from `start` on that is not a global option or its value. */
function skipGlobals(args: readonly ShWord[], start: number, withValue: ReadonlySet<string>): number {
  let i = start;
  while (i < args.length) {
    const v = args[i]!.value ?? args[i]!.raw;
    if (!v.startsWith('-') || v === '-') return i;
    if (v === '--') return i + 1;
    i += withValue.has(v) ? 2 : 1;
  }
  return i;
}

/** `docker run` / `docker container run` / `docker create` (and `exec`), with the options view. */
export function containerRunCall(call: DockerCall): { verb: string; view: ShCommand } | undefined {
  if (call.compose) {
    // `docker compose run` takes most of `docker run`'s options too
    return call.subcommand === 'run' ? { verb: 'compose run', view: call.view } : undefined;
  }
  if (call.subcommand === 'run' || call.subcommand === 'create' || call.subcommand === 'exec') {
    return { verb: call.subcommand, view: call.view };
  }
  if (call.subcommand === 'container' && (call.action === 'run' || call.action === 'create' || call.action === 'exec')) {
    return { verb: `container ${call.action}`, view: call.actionView };
  }
  return undefined;
}
