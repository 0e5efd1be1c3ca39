/**
 * Package managers, downloads and user creation in Dockerfile `RUN`s, read
 * from the shell command view.
 *
 * Everything here works on `ShCommand`s, so wrappers (`sudo`, `env`, `xargs`,
 * `nice`, …) are already looked through and `VAR=x` prefixes are
 * `assignments`. Commands of `sh -c '…'` scripts come in through
 * `flattenCommands`; `runInstructions` does that for every `RUN` (and
 * `ONBUILD RUN`, and heredoc bodies that run as scripts).
 *
 * - `runInstructions(doc | stage)` → every `RUN` with its commands and `--mount`s;
 * - `packageCommand(cmd)` / `packageCommands(cmds)` → apt-get/apt, apk, pip (also
 *   `python -m pip`), npm, yarn, pnpm, gem, `go install|get`, yum, dnf, microdnf,
 *   zypper: the manager, the normalised action, the subcommand, the package
 *   arguments (name and version split per manager) and flag look-ups that
 *   understand combined short flags (`-qy`);
 * - `downloadCommand(cmd)` → curl and wget: URLs, output, TLS verification off;
 * - `userAddCommand(cmd)` → useradd / adduser: user name, uid, `-l`;
 * - `keyValues(ins)` → the `NAME=value` pairs of an `ENV`/`ARG`/`LABEL`, with offsets.
 *
 * Flag look-ups use `src/parse/shell/flags.ts` on `view`, a copy of the command
 * whose `args` start after the manager (`python3 -m pip install x` → `install x`).
 */
import { basename } from 'node:path';
import { flattenCommands } from '../shell/commands.js';
import { findFlag, flagValues, positionalArgs, type FlagValue } from '../shell/flags.js';
import type { ShCommand, ShellDocument, ShWord } from '../shell/types.js';
import type { Span } from '../../core/location.js';
import type { DfFlag, DfInstruction, DfStage, DockerfileDocument } from './types.js';

// ---------------------------------------------------------------------------
// RUN instructions

export interface RunMount {
  /** The `--mount=…` flag. */
  readonly flag: DfFlag;
  /** `bind` (BuildKit's default), `cache`, `tmpfs`, `secret`, `ssh` */
  readonly type: string;
  /** `target` / `dst` / `destination` */
  readonly target: string | undefined;
  /** Every `key=value` of the flag, keys lower-cased (`type` included). */
  readonly options: ReadonlyMap<string, string>;
}

export interface RunInstruction {
  /** The `RUN` itself (for `ONBUILD RUN …`: the trigger instruction). */
  readonly run: DfInstruction;
  /** The instruction as written in the file: the `RUN`, or the `ONBUILD` that wraps it. */
  readonly instruction: DfInstruction;
  readonly onbuild: boolean;
  readonly stage: DfStage | undefined;
  /** The shell scripts the `RUN` runs (empty in exec form): its command line and heredoc bodies run as scripts. */
  readonly scripts: readonly ShellDocument[];
  /** Every command of those scripts in source order, `sh -c '…'` commands spliced in after their `sh`. */
  readonly commands: readonly ShCommand[];
  readonly mounts: readonly RunMount[];
}

/** `runInstructions` per document or stage: a dozen rules ask for the same list. */
const runsOf = new WeakMap<DockerfileDocument | DfStage, RunInstruction[]>();

/** Every `RUN` and `ONBUILD RUN` of a Dockerfile or of one stage, in file order. */
export function runInstructions(source: DockerfileDocument | DfStage): RunInstruction[] {
  let runs = runsOf.get(source);
  if (!runs) runsOf.set(source, (runs = collectRuns(source)));
  return runs.slice();
}

function collectRuns(source: DockerfileDocument | DfStage): RunInstruction[] {
  const out: RunInstruction[] = [];
  for (const ins of source.instructions) {
    const run = ins.keyword === 'RUN' ? ins : ins.keyword === 'ONBUILD' && ins.trigger?.keyword === 'RUN' ? ins.trigger : undefined;
    if (!run) continue;
    out.push({
      run,
      instruction: ins,
      onbuild: run !== ins,
      stage: ins.stage,
      scripts: run.scripts,
      commands: flattenCommands(run.scripts.flatMap((s) => s.commands)),
      mounts: runMounts(run),
    });
  }
  return out;
}

/** The `--mount` flags of a `RUN`, split into their `key=value` options. */
export function runMounts(run: DfInstruction): RunMount[] {
  return run.flags
    .filter((f) => f.name.toLowerCase() === 'mount' && f.value !== undefined)
    .map((flag) => {
      const options = new Map<string, string>();
      for (const part of flag.value!.split(',')) {
        const eq = part.indexOf('=');
        const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
        if (key) options.set(key, eq < 0 ? 'true' : part.slice(eq + 1).trim());
      }
      const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
      return { flag, type: (options.get('type') ?? 'bind').toLowerCase(), target, options };
    });
}

/**
 * The cache mount of the `RUN` whose target is one of `dirs` or a folder that
 * contains it (`/root/.cache` holds `/root/.cache/pip`). Trailing slashes do not matter.
 */
export function cacheMountFor(run: Pick<RunInstruction, 'mounts'>, ...dirs: string[]): RunMount | undefined {
  const norm = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  return run.mounts.find((m) => {
    if (m.type !== 'cache' || !m.target) return false;
    const t = norm(m.target);
    return dirs.some((d) => {
      const dir = norm(d);
      return dir === t || dir.startsWith(t === '/' ? '/' : `${t}/`);
    });
  });
}

// ---------------------------------------------------------------------------
// Package managers

export type PackageManager =
  | 'apt-get'
  | 'apt'
  | 'apk'
  | 'pip'
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'gem'
  | 'go'
  | 'yum'
  | 'dnf'
  | 'microdnf'
  | 'zypper';

/**
 * What the subcommand does, across managers:
 * - `install`: apt-get/apt `install`/`reinstall`, apk `add`, pip `install`, npm
 *   `install`/`i`/`ci`/`add`, yarn `add`/`install`/bare `yarn`, pnpm `add`/`install`,
 *   gem `install`, go `install`/`get`, yum/dnf/microdnf `install`/`groupinstall`/
 *   `localinstall`/`reinstall`, zypper `install`/`in`;
 * - `remove`: `remove`, `purge`, `autoremove`, apk `del`, pip `uninstall`, …;
 * - `update-index`: refreshes the package index only: apt-get/apt `update`, apk
 *   `update`, yum/dnf `makecache`/`check-update`, zypper `refresh`/`ref`;
 * - `upgrade`: upgrades installed packages: apt `upgrade`/`dist-upgrade`/
 *   `full-upgrade`, apk `upgrade`, yum/dnf/microdnf `update`/`upgrade`/`distro-sync`,
 *   zypper `update`/`up`/`dist-upgrade`/`dup`/`patch`, npm/yarn/pnpm `update`/`upgrade`;
 * - `clean`: apt-get `clean`/`autoclean`, apk `cache clean`, yum/dnf/microdnf/zypper
 *   `clean`, npm/yarn/pnpm `cache clean`, pip `cache purge`;
 * - `config`: npm/yarn/pnpm/pip `config`, go `env`;
 * - `other`: anything else, or no subcommand.
 */
export type PackageAction = 'install' | 'remove' | 'update-index' | 'upgrade' | 'clean' | 'config' | 'other';

export interface PackageArg {
  readonly word: ShWord;
  /** The static value, or the source text with quotes removed when the word has an expansion. */
  readonly text: string;
  /** The package name without version (`curl` for `curl=8.5.0-2`, `@scope/x` for `@scope/x@1.2`). */
  readonly name: string;
  /** The version constraint as written after the separator (`8.5.0-2`, `>=2.0`, `v1.2.3`), when there is one. */
  readonly version: string | undefined;
  /** The word contains an expansion: `name`/`version` are read from its source text. */
  readonly dynamic: boolean;
  /** A local file, folder or URL rather than a package from a registry (`./x.deb`, `.`, `git+https://…`). */
  readonly local: boolean;
}

export interface PackageCommand {
  readonly command: ShCommand;
  readonly manager: PackageManager;
  /** An operating-system package manager (apt-get, apt, apk, yum, dnf, microdnf, zypper). */
  readonly system: boolean;
  /** The word that names the manager: `apt-get`, `pip3`, or `pip` in `python3 -m pip`. */
  readonly toolWord: ShWord;
  /**
   * The command with `args` starting after the manager: pass it to `hasFlag`,
   * `findFlag`, `flagValues`, `positionalArgs` (flags before and after the
   * subcommand are both found).
   */
  readonly view: ShCommand;
  /** The subcommand as written (`install`, `i`, `add`, `dist-upgrade`; `cache` for `apk cache clean`). */
  readonly subcommand: string | undefined;
  readonly subcommandWord: ShWord | undefined;
  readonly action: PackageAction;
  /** `npm -g`, `yarn global add`, `pnpm -g` */
  readonly global: boolean;
  /** The package arguments of an install, remove or upgrade (never option values such as `--virtual .deps`). */
  readonly packages: readonly PackageArg[];
  /** Whether any of the flags is given (`-y` also in `-qy`; `--yes` also as `--yes=…`). */
  hasFlag(...names: string[]): boolean;
  /** The word that gives one of the flags. */
  findFlag(...names: string[]): ShWord | undefined;
  /** Every value given to the options, in order. */
  flagValues(...names: string[]): FlagValue[];
}

interface ManagerSpec {
  manager: PackageManager;
  system: boolean;
  /** Options that take a separate value (so the next word is no package). */
  withValue: readonly string[];
  /** Subcommand (lower-case) → action. */
  actions: Record<string, PackageAction>;
  /** The action when there is no subcommand at all (bare `yarn`). */
  bare?: PackageAction;
  parse(text: string): { name: string; version: string | undefined };
  local(text: string): boolean;
}

const APT_OPTIONS = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
const APT_ACTIONS: Record<string, PackageAction> = {
  install: 'install',
  reinstall: 'install',
  'build-dep': 'install',
  remove: 'remove',
  purge: 'remove',
  autoremove: 'remove',
  'auto-remove': 'remove',
  autopurge: 'remove',
  update: 'update-index',
  upgrade: 'upgrade',
  'dist-upgrade': 'upgrade',
  'full-upgrade': 'upgrade',
  clean: 'clean',
  autoclean: 'clean',
  'auto-clean': 'clean',
};
const RPM_OPTIONS = [
  '-c',
  '--config',
  '--enablerepo',
  '--disablerepo',
  '--repo',
  '--repoid',
  '--setopt',
  '--installroot',
  '--releasever',
  '-x',
  '--exclude',
  '-d',
  '--debuglevel',
  '-e',
  '--errorlevel',
  '--downloaddir',
  '--destdir',
  '--forcearch',
  '--color',
  '--rpmverbosity',
];
const RPM_ACTIONS: Record<string, PackageAction> = {
  install: 'install',
  groupinstall: 'install',
  localinstall: 'install',
  reinstall: 'install',
  remove: 'remove',
  erase: 'remove',
  autoremove: 'remove',
  groupremove: 'remove',
  makecache: 'update-index',
  'check-update': 'update-index',
  update: 'upgrade',
  upgrade: 'upgrade',
  'upgrade-minimal': 'upgrade',
  'update-minimal': 'upgrade',
  'distro-sync': 'upgrade',
  distrosync: 'upgrade',
  clean: 'clean',
};
const NODE_ACTIONS: Record<string, PackageAction> = {
  install: 'install',
  i: 'install',
  in: 'install',
  ins: 'install',
  inst: 'install',
  insta: 'install',
  instal: 'install',
  isnt: 'install',
  isnta: 'install',
  isntal: 'install',
  isntall: 'install',
  add: 'install',
  ci: 'install',
  'clean-install': 'install',
  'install-clean': 'install',
  ic: 'install',
  uninstall: 'remove',
  remove: 'remove',
  rm: 'remove',
  r: 'remove',
  un: 'remove',
  unlink: 'remove',
  update: 'upgrade',
  up: 'upgrade',
  upgrade: 'upgrade',
  udpate: 'upgrade',
  cache: 'clean',
  config: 'config',
  c: 'config',
  set: 'config',
};

const SPECS: Record<string, ManagerSpec> = {
  'apt-get': { manager: 'apt-get', system: true, withValue: APT_OPTIONS, actions: APT_ACTIONS, parse: parseEquals, local: isPathLike },
  apt: { manager: 'apt', system: true, withValue: APT_OPTIONS, actions: APT_ACTIONS, parse: parseEquals, local: isPathLike },
  apk: {
    manager: 'apk',
    system: true,
    withValue: [
      '-X',
      '--repository',
      '-p',
      '--root',
      '--arch',
      '-t',
      '--virtual',
      '--keys-dir',
      '--repositories-file',
      '--cache-dir',
      '--cache-max-age',
      '--timeout',
      '--progress-fd',
    ],
    actions: { add: 'install', del: 'remove', update: 'update-index', upgrade: 'upgrade', cache: 'clean', fix: 'other' },
    parse: parseApk,
    local: (t) => isPathLike(t) || t.endsWith('.apk'),
  },
  pip: {
    manager: 'pip',
    system: false,
    withValue: [
      '-r',
      '--requirement',
      '-c',
      '--constraint',
      '-e',
      '--editable',
      '-t',
      '--target',
      '--platform',
      '--python-version',
      '--implementation',
      '--abi',
      '--root',
      '--prefix',
      '--src',
      '--upgrade-strategy',
      '-C',
      '--config-settings',
      '--global-option',
      '--no-binary',
      '--only-binary',
      '--progress-bar',
      '-i',
      '--index-url',
      '--extra-index-url',
      '-f',
      '--find-links',
      '--report',
      '--root-user-action',
      '--log',
      '--proxy',
      '--retries',
      '--timeout',
      '--exists-action',
      '--trusted-host',
      '--cert',
      '--client-cert',
      '--cache-dir',
      '--python',
      '--keyring-provider',
      '--use-feature',
      '--use-deprecated',
    ],
    actions: { install: 'install', uninstall: 'remove', download: 'other', wheel: 'other', cache: 'clean', config: 'config' },
    parse: parsePip,
    local: (t) => isPathLike(t) || /^[a-z][a-z0-9+.-]*:\/\//i.test(t) || /\.(whl|tar\.gz|zip)$/i.test(t) || t.includes(' @ '),
  },
  npm: {
    manager: 'npm',
    system: false,
    withValue: ['--prefix', '--registry', '--cache', '--userconfig', '-w', '--workspace', '--omit', '--include', '--loglevel', '--tag', '--install-strategy'],
    actions: NODE_ACTIONS,
    parse: parseAtVersion,
    local: isNodeLocal,
  },
  yarn: {
    manager: 'yarn',
    system: false,
    withValue: ['--cwd', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex', '--registry', '--global-folder'],
    actions: NODE_ACTIONS,
    bare: 'install',
    parse: parseAtVersion,
    local: isNodeLocal,
  },
  pnpm: {
    manager: 'pnpm',
    system: false,
    withValue: ['-C', '--dir', '--filter', '-F', '--store-dir', '--registry', '--reporter'],
    actions: NODE_ACTIONS,
    parse: parseAtVersion,
    local: isNodeLocal,
  },
  gem: {
    manager: 'gem',
    system: false,
    withValue: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-P', '--trust-policy', '--platform', '-g', '--file'],
    actions: { install: 'install', i: 'install', uninstall: 'remove', update: 'upgrade', cleanup: 'clean', sources: 'config' },
    parse: parseGem,
    local: (t) => isPathLike(t) || t.endsWith('.gem'),
  },
  go: {
    manager: 'go',
    system: false,
    withValue: [
      '-o',
      '-ldflags',
      '-gcflags',
      '-asmflags',
      '-gccgoflags',
      '-tags',
      '-mod',
      '-modfile',
      '-p',
      '-pkgdir',
      '-buildmode',
      '-compiler',
      '-installsuffix',
      '-overlay',
      '-pgo',
      '-toolexec',
      '-C',
    ],
    actions: { install: 'install', get: 'install', env: 'config' },
    parse: parseAtVersion,
    local: (t) => isPathLike(t) || t === '...' || t.startsWith('./'),
  },
  yum: { manager: 'yum', system: true, withValue: RPM_OPTIONS, actions: RPM_ACTIONS, parse: parseRpm, local: isRpmLocal },
  dnf: { manager: 'dnf', system: true, withValue: RPM_OPTIONS, actions: RPM_ACTIONS, parse: parseRpm, local: isRpmLocal },
  microdnf: { manager: 'microdnf', system: true, withValue: RPM_OPTIONS, actions: RPM_ACTIONS, parse: parseRpm, local: isRpmLocal },
  zypper: {
    manager: 'zypper',
    system: true,
    withValue: ['-c', '--config', '-R', '--root', '--reposd-dir', '--cache-dir', '-t', '--type', '-r', '--repo', '--from', '-D'],
    actions: {
      install: 'install',
      in: 'install',
      remove: 'remove',
      rm: 'remove',
      refresh: 'update-index',
      ref: 'update-index',
      update: 'upgrade',
      up: 'upgrade',
      'dist-upgrade': 'upgrade',
      dup: 'upgrade',
      patch: 'upgrade',
      clean: 'clean',
      cc: 'clean',
    },
    parse: parseZypper,
    local: isRpmLocal,
  },
};

/** `pip3`, `pip3.12`, `python3 -m pip` … */
const PIP_NAME = /^pip[0-9.]*$/;
const PYTHON_NAME = /^python[0-9.]*$/;

/**
 * `packageCommand` per command (null: not a package manager). Several rules
 * and the stack model ask about the same commands of a `RUN`; the answer
 * depends on the command only, and `packageCommands` already hands out the
 * same objects to every caller.
 */
const packageOf = new WeakMap<ShCommand, PackageCommand | null>();

/** The package-manager command, or undefined when `cmd` is not one. */
export function packageCommand(cmd: ShCommand): PackageCommand | undefined {
  let found = packageOf.get(cmd);
  if (found === undefined) packageOf.set(cmd, (found = readPackageCommand(cmd) ?? null));
  return found ?? undefined;
}

function readPackageCommand(cmd: ShCommand): PackageCommand | undefined {
  if (cmd.name === undefined || !cmd.nameWord) return undefined;
  const base = basename(cmd.name);
  let spec: ManagerSpec | undefined;
  let toolWord = cmd.nameWord;
  let args = cmd.args;
  if (PIP_NAME.test(base)) spec = SPECS.pip;
  else if (PYTHON_NAME.test(base)) {
    // python -m pip …, python -Im pip …
    const m = args.findIndex((w) => w.value !== undefined && /^-[A-Za-z]*m$/.test(w.value));
    if (m < 0 || args.slice(0, m).some((w) => !w.value?.startsWith('-')) || !PIP_NAME.test(args[m + 1]?.value ?? '')) return undefined;
    spec = SPECS.pip;
    toolWord = args[m + 1]!;
    args = args.slice(m + 2);
  } else if (Object.hasOwn(SPECS, base)) spec = SPECS[base];
  if (!spec) return undefined;

  const view: ShCommand = { ...cmd, args };
  const positional = positionalArgs(view, { withValue: spec.withValue });
  let subWord = positional[0];
  let rest = positional.slice(1);
  let global = false;
  // yarn global add x, pnpm … -g
  if (spec.manager === 'yarn' && subWord?.value === 'global') {
    global = true;
    subWord = rest[0];
    rest = rest.slice(1);
  }
  // dnf group install, dnf module install
  if ((spec.manager === 'dnf' || spec.manager === 'yum') && (subWord?.value === 'group' || subWord?.value === 'module') && rest[0]?.value) {
    subWord = rest[0];
    rest = rest.slice(1);
  }
  // gem install pg -- --with-pg-config=…: what follows `--` goes to the gem's build, not to gem
  const endOfOptions = spec.manager === 'gem' ? view.args.find((w) => w.value === '--') : undefined;
  if (endOfOptions) rest = rest.filter((w) => w.start < endOfOptions.start);
  if (spec.manager === 'npm' || spec.manager === 'pnpm') global = findFlag(view, '-g', '--global', '--location=global') !== undefined;
  const sub = subWord?.value?.toLowerCase();
  let action: PackageAction;
  if (sub === undefined) action = subWord ? 'other' : (spec.bare ?? 'other');
  else action = Object.hasOwn(spec.actions, sub) ? spec.actions[sub]! : 'other';
  // `npm cache clean`, `apk cache clean`, `pip cache purge`: `cache` alone (or `cache ls`) cleans nothing
  if (sub === 'cache') {
    const what = rest[0]?.value;
    action = what === 'clean' || what === 'purge' || what === 'remove' || what === 'rm' || what === 'sync' ? 'clean' : 'other';
  }
  const packages = action === 'install' || action === 'remove' || action === 'upgrade' ? rest.map((w) => packageArg(w, spec!)) : [];
  return {
    command: cmd,
    manager: spec.manager,
    system: spec.system,
    toolWord,
    view,
    subcommand: subWord?.value ?? (subWord ? subWord.raw : undefined),
    subcommandWord: subWord,
    action,
    global,
    packages,
    hasFlag: (...names) => findFlag(view, ...names) !== undefined,
    findFlag: (...names) => findFlag(view, ...names),
    flagValues: (...names) => flagValues(view, ...names),
  };
}

/** The package-manager commands among `commands`, in order. */
export function packageCommands(commands: readonly ShCommand[]): PackageCommand[] {
  // Rules pass the same `commands` list of a `RUN` (from `runInstructions`) again and again.
  let found = packagesOf.get(commands);
  if (!found) {
    found = [];
    for (const c of commands) {
      const p = packageCommand(c);
      if (p) found.push(p);
    }
    packagesOf.set(commands, found);
  }
  return found.slice();
}

const packagesOf = new WeakMap<readonly ShCommand[], PackageCommand[]>();

function packageArg(word: ShWord, spec: ManagerSpec): PackageArg {
  const dynamic = word.value === undefined;
  const text = word.value ?? unquote(word.raw);
  const { name, version } = spec.parse(text);
  return { word, text, name, version, dynamic, local: spec.local(text) };
}

function unquote(raw: string): string {
  return raw.replace(/^(["'])([\s\S]*)\1$/, '$2').replace(/["']/g, '');
}

function isPathLike(t: string): boolean {
  return t === '.' || t === '..' || t.startsWith('./') || t.startsWith('../') || t.startsWith('/') || t.startsWith('~/');
}

function isNodeLocal(t: string): boolean {
  return isPathLike(t) || /^(file|git|git\+[a-z]+|https?|github):/i.test(t) || /\.(tgz|tar\.gz)$/.test(t);
}

function isRpmLocal(t: string): boolean {
  return isPathLike(t) || /^[a-z]+:\/\//i.test(t) || t.endsWith('.rpm');
}

/** apt `name=version`, `name/release` */
function parseEquals(t: string): { name: string; version: string | undefined } {
  const eq = t.indexOf('=');
  if (eq > 0) return { name: t.slice(0, eq), version: t.slice(eq + 1) };
  return { name: t, version: undefined };
}

/** apk `name=1.2`, `name~1.2`, `name>1.2`, `name<1.2`, `name>=1.2` */
function parseApk(t: string): { name: string; version: string | undefined } {
  const m = /^([^=~<>]+)([=~<>].*)$/.exec(t);
  if (!m) return { name: t, version: undefined };
  return { name: m[1]!, version: m[2]!.replace(/^[=~]/, '') || undefined };
}

/** pip `name==1.2`, `name[extra]>=1`, `name~=1.2`, `name @ url` */
function parsePip(t: string): { name: string; version: string | undefined } {
  const at = t.indexOf(' @ ');
  if (at > 0) return { name: t.slice(0, at).trim(), version: undefined };
  const m = /^([A-Za-z0-9_.\-]+(?:\[[^\]]*\])?)\s*((?:===|==|~=|!=|>=|<=|>|<)[\s\S]*)$/.exec(t);
  if (!m) return { name: t.replace(/;.*$/, '').trim(), version: undefined };
  return { name: m[1]!, version: m[2]!.trim() };
}

/** npm/yarn/pnpm `name@1.2`, `@scope/name@^1`; go `path@v1.2.3` */
function parseAtVersion(t: string): { name: string; version: string | undefined } {
  const at = t.indexOf('@', t.startsWith('@') ? 1 : 0);
  if (at > 0) return { name: t.slice(0, at), version: t.slice(at + 1) };
  return { name: t, version: undefined };
}

/** gem `name:1.2` (the `-v` option is read by callers from `flagValues('-v', '--version')`) */
function parseGem(t: string): { name: string; version: string | undefined } {
  const colon = t.indexOf(':');
  if (colon > 0) return { name: t.slice(0, colon), version: t.slice(colon + 1) };
  return { name: t, version: undefined };
}

/** yum/dnf `name-1.2.3`, `name-1.2.3-4.el9`, `name >= 1.2` is not an rpm spec */
function parseRpm(t: string): { name: string; version: string | undefined } {
  const m = /^(.+?)-(\d[^-]*(?:-[^-]+)?)$/.exec(t);
  if (m && !t.endsWith('.rpm')) return { name: m[1]!, version: m[2]! };
  return { name: t, version: undefined };
}

/** zypper `name=1.2`, `name>=1.2`, `name<1.2` */
function parseZypper(t: string): { name: string; version: string | undefined } {
  const m = /^([^=<>]+)((?:>=|<=|=|>|<).*)$/.exec(t);
  if (!m) return { name: t, version: undefined };
  return { name: m[1]!, version: m[2]!.replace(/^=/, '') };
}

// ---------------------------------------------------------------------------
// Downloads

export interface DownloadCommand {
  readonly command: ShCommand;
  readonly tool: 'curl' | 'wget';
  /** The positional arguments (URLs, usually) and `--url` values. */
  readonly urls: readonly ShWord[];
  /** `curl -o/--output`, `wget -O/--output-document` (the last one given). */
  readonly output: FlagValue | undefined;
  /** The body goes to standard output: `curl` without `-o`/`-O`, `wget -O -` / `-qO-`. */
  readonly toStdout: boolean;
  /** The word that turns TLS certificate checks off: `curl -k`/`--insecure`, `wget --no-check-certificate`. */
  readonly insecure: ShWord | undefined;
  /** curl `-f`/`--fail`/`--fail-with-body`: HTTP errors make it fail. (wget always fails on them.) */
  readonly failsOnHttpError: boolean;
}

const CURL_WITH_VALUE = [
  '-o', '--output', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '-u', '--user',
  '-X', '--request', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-c', '--cookie-jar', '-x', '--proxy',
  '-T', '--upload-file', '-w', '--write-out', '-m', '--max-time', '-r', '--range', '-E', '--cert', '--key', '-K', '--config',
  '-C', '--continue-at', '-Y', '--speed-limit', '-y', '--speed-time', '-z', '--time-cond', '-F', '--form', '--url',
  '--retry', '--retry-delay', '--retry-max-time', '--connect-timeout', '--cacert', '--capath', '--resolve', '--output-dir',
  '--limit-rate', '--interface', '--dns-servers', '--proto', '--proto-redir', '--ciphers', '--max-filesize', '--max-redirs',
  '--oauth2-bearer', '--netrc-file', '--unix-socket', '--connect-to', '--proxy-user', '--trace', '--trace-ascii', '--stderr',
];
const WGET_WITH_VALUE = [
  '-O', '--output-document', '-P', '--directory-prefix', '-o', '--output-file', '-a', '--append-output', '-t', '--tries',
  '-T', '--timeout', '-U', '--user-agent', '--header', '-e', '--execute', '--user', '--password', '--http-user',
  '--http-password', '-i', '--input-file', '-B', '--base', '--ca-certificate', '--ca-directory', '--certificate',
  '--private-key', '--post-data', '--post-file', '-Q', '--quota', '-w', '--wait', '-l', '--level', '--bind-address',
  '--limit-rate', '--load-cookies', '--save-cookies', '-D', '--domains', '-A', '--accept', '-R', '--reject',
];

/** The curl or wget command, or undefined. */
export function downloadCommand(cmd: ShCommand): DownloadCommand | undefined {
  const base = cmd.name === undefined ? undefined : basename(cmd.name);
  if (base === 'curl') {
    const output = flagValues(cmd, '-o', '--output').at(-1);
    const remoteName = findFlag(cmd, '-O', '--remote-name', '--remote-name-all', '-J') !== undefined;
    const urls = [...positionalArgs(cmd, { withValue: CURL_WITH_VALUE }), ...flagValues(cmd, '--url').map((v) => v.word)];
    return {
      command: cmd,
      tool: 'curl',
      urls,
      output,
      toStdout: (!output || output.value === '-' || output.value === '/dev/stdout') && !remoteName,
      insecure: findFlag(cmd, '-k', '--insecure', '--proxy-insecure'),
      failsOnHttpError: findFlag(cmd, '-f', '--fail', '--fail-with-body') !== undefined,
    };
  }
  if (base === 'wget') {
    const output = flagValues(cmd, '-O', '--output-document').at(-1);
    // `-qO-`: flag helpers read only letters in a cluster
    const dashO = cmd.args.some((w) => w.value !== undefined && /^-[A-Za-z]*O-$/.test(w.value));
    return {
      command: cmd,
      tool: 'wget',
      urls: positionalArgs(cmd, { withValue: WGET_WITH_VALUE }),
      output,
      toStdout: dashO || output?.value === '-' || output?.value === '/dev/stdout',
      insecure: findFlag(cmd, '--no-check-certificate'),
      failsOnHttpError: true,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Users

export interface UserAddCommand {
  readonly command: ShCommand;
  readonly tool: 'useradd' | 'adduser';
  /** The login name (the last positional argument). */
  readonly user: ShWord | undefined;
  /** `-u`/`--uid` */
  readonly uid: FlagValue | undefined;
  /** useradd `-l`/`--no-log-init` */
  readonly noLogInit: boolean;
  /** `-r`/`--system` (useradd, Debian adduser), `-S` (BusyBox adduser) */
  readonly system: boolean;
}

const USERADD_WITH_VALUE = [
  '-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid',
  '-G', '--groups', '-K', '--key', '-k', '--skel', '-p', '--password', '-R', '--root', '-P', '--prefix', '-s', '--shell',
  '-u', '--uid', '-Z', '--selinux-user',
];
const ADDUSER_WITH_VALUE = ['-h', '--home', '-g', '-G', '--gecos', '--ingroup', '--gid', '-s', '--shell', '-u', '--uid', '-k', '--conf', '--comment', '--firstuid', '--lastuid'];

/** The useradd or adduser command, or undefined. */
export function userAddCommand(cmd: ShCommand): UserAddCommand | undefined {
  const base = cmd.name === undefined ? undefined : basename(cmd.name);
  if (base !== 'useradd' && base !== 'adduser') return undefined;
  const withValue = base === 'useradd' ? USERADD_WITH_VALUE : ADDUSER_WITH_VALUE;
  const positional = positionalArgs(cmd, { withValue });
  return {
    command: cmd,
    tool: base,
    // adduser [options] user [group]: the first positional is the user
    user: base === 'adduser' ? positional[0] : positional.at(-1),
    uid: flagValues(cmd, '-u', '--uid').at(-1),
    noLogInit: base === 'useradd' && findFlag(cmd, '-l', '--no-log-init') !== undefined,
    system: findFlag(cmd, ...(base === 'useradd' ? ['-r', '--system'] : ['-S', '--system'])) !== undefined,
  };
}

// ---------------------------------------------------------------------------
// ENV / ARG / LABEL pairs

export interface KeyValue {
  readonly name: string;
  readonly nameSpan: Span;
  /** The value with quotes and escapes removed; undefined for `ARG NAME` without default. */
  readonly value: string | undefined;
  readonly valueSpan: Span | undefined;
}

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The `NAME=value` pairs of an `ENV`, `ARG` or `LABEL` (also the legacy `ENV NAME value`). */
export function keyValues(ins: DfInstruction): KeyValue[] {
  const ast = ins.ast as unknown as {
    getProperties?: () => { getName(): string; getValue(): string | null; getNameRange(): LspRange; getValueRange(): LspRange | null }[];
  };
  const lines = ins.file.lines;
  const span = (r: LspRange): Span => ({ start: lines.offsetAt(r.start.line, r.start.character), end: lines.offsetAt(r.end.line, r.end.character) });
  return (ast.getProperties?.() ?? []).map((p) => {
    const valueRange = p.getValueRange();
    return { name: p.getName(), nameSpan: span(p.getNameRange()), value: p.getValue() ?? undefined, valueSpan: valueRange ? span(valueRange) : undefined };
  });
}
