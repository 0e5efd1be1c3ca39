import path from 'node:path';
import {
  defineRule,
  healthcheckTest,
  isEngineSocket,
  isMap,
  isScalar,
  isSeq,
  mountsOf,
  nodeUsers,
  serviceProgram,
  svc,
  walkNodes,
  type ComposeProject,
  type ProjectService,
  type ServiceProgram,
  type ShCommand,
  type ShellDocument,
  type StackModel,
  type YNode,
} from '../kit/index.js';

/**
 * Programs that read no variable of their environment by a name a service
 * chooses: shell builtins and the base utilities, which read only the
 * variables of `IMPLICIT` (locale, time zone, proxies, temporary folder…).
 * Any other program (a server, an interpreter, `envsubst`, a database
 * client) may read any name, so a script that runs one is not the whole
 * program and the rule says nothing.
 */
const ENV_BLIND = new Set([
  // builtins
  ':', 'true', 'false', 'echo', 'printf', 'test', '[', 'cd', 'set', 'export', 'unset', 'shift', 'exit', 'return', 'local', 'declare',
  'typeset', 'readonly', 'read', 'wait', 'trap', 'kill', 'ulimit', 'umask', 'getopts', 'let', 'shopt', 'break', 'continue', 'pwd', 'printenv',
  // base utilities
  'sleep', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'chmod', 'chown', 'chgrp', 'ln', 'ls', 'touch', 'head', 'tail', 'wc', 'sort', 'uniq',
  'cut', 'tr', 'tee', 'basename', 'dirname', 'readlink', 'realpath', 'id', 'whoami', 'date', 'stat', 'du', 'df', 'sync', 'seq', 'yes',
  'md5sum', 'sha1sum', 'sha256sum', 'sha512sum', 'base64', 'od', 'cmp', 'diff', 'comm', 'paste', 'fold', 'nl', 'rev', 'tac', 'mktemp',
  'truncate', 'find', 'grep', 'egrep', 'fgrep', 'sed', 'awk', 'gawk', 'mawk', 'tar', 'gzip', 'gunzip', 'zcat', 'hostname', 'uname', 'nproc',
  'getent', 'nc', 'netcat', 'ping', 'curl', 'wget', 'install', 'xargs',
]);

/** Builtins that print every variable when given no name. */
const LISTS_ALL_BARE = new Set(['set', 'export', 'declare', 'typeset', 'readonly', 'printenv', 'local']);
/** Shells a script may run another script string with (`sh -c '…'`: its commands are checked too). */
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);

/**
 * Names read without being written in the script: by the shell, the C
 * library and the utilities of `ENV_BLIND`, by the container runtime
 * (`NVIDIA_…`), and by other containers that read a container's environment
 * through the engine (nginx-proxy's `VIRTUAL_HOST`, acme-companion's `LETSENCRYPT_…`).
 */
const IMPLICIT =
  /^(PATH|HOME|USER|LOGNAME|SHELL|TERM|TERMINFO|PWD|OLDPWD|IFS|PS[1-4]|ENV|BASH_ENV|BASH_.*|CDPATH|SHELLOPTS|BASHOPTS|POSIXLY_CORRECT|_POSIX2_VERSION|TMPDIR|TZ|LANG|LANGUAGE|LC_.*|NLSPATH|LOCPATH|COLUMNS|LINES|HOSTNAME|MAIL.*|HIST.*|LD_.*|MALLOC_.*|GLIBC_TUNABLES|GCONV_PATH|RES_OPTIONS|LOCALDOMAIN|HOSTALIASES|[A-Za-z]+_PROXY|[a-z]+_proxy|SSL_CERT_(FILE|DIR)|CURL_.*|SSLKEYLOGFILE|WGETRC|SYSTEM_WGETRC|XDG_.*|GZIP|UNZIP|UNZIPOPT|ZIPOPT|BZIP2?|XZ_(OPT|DEFAULTS)|TAR_OPTIONS|GREP_(OPTIONS|COLORS?)|LS_COLORS|(DF_|DU_|LS_)?BLOCK_?SIZE|TIME_STYLE|QUOTING_STYLE|SIMPLE_BACKUP_SUFFIX|VERSION_CONTROL|TABSIZE|TINI_.*|DUMB_INIT_.*|DEBIAN_FRONTEND|NVIDIA_.*|VIRTUAL_.*|LETSENCRYPT_.*|SERVICE_.*)$/;

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/unread-service-variable',
    kind: 'stack',
    category: 'maintainability',
    severity: 'info',
    fix: 'none',
    recommended: false,
    summary: "A variable a service sets in `environment:` is read by the program its container runs, when that program is a script of the stack that runs nothing else",
  },
  parts: [
    {
      scope: 'environment',
      check(ctx) {
        const { project, stack, report } = ctx;
        // A container that reads the engine's socket may read every container's environment (nginx-proxy and the like).
        if (project.services.some((s) => mountsOf(project, s).some((m) => m.kind === 'bind' && m.source !== undefined && isEngineSocket(m.source)))) return;
        const users = nodeUsers(project.services);
        for (const service of project.services) {
          const entries = environmentEntries(project, service, users);
          if (!entries.length) continue;
          const program = serviceProgram(stack, service, project);
          if (!program || otherReaders(stack, project, service)) continue;
          const reads = scriptReads(program.script);
          if (!reads) continue;
          for (const entry of entries) {
            if (IMPLICIT.test(entry.name) || reads.test(entry.name)) continue;
            report({
              range: entry.range,
              file: entry.node.file,
              message: `${svc(service.name)} sets ${entry.name}, but its container runs only ${describe(project, program)}, which never reads it and starts no other program that could; drop the variable, or read it in the script`,
            });
          }
        }
      },
    },
  ],
});

interface Entry {
  name: string;
  node: YNode;
  /** The name as written (in `- NAME=value`, the name alone). */
  range: { start: number; end: number };
}

/** The names the service's own `environment:` sets, with the node to report; an entry several services share is left out. */
function environmentEntries(project: ComposeProject, service: ProjectService, users: Map<YNode, Set<string>>): Entry[] {
  const out = new Map<string, Entry>();
  for (const def of service.definitions) {
    const env = def.node.get('environment');
    if (!env || (users.get(env)?.size ?? 1) > 1) continue;
    if (isMap(env)) {
      for (const p of env.pairs) if (!p.merged && !out.has(p.key)) out.set(p.key, { name: p.key, node: p.keyNode, range: p.keyNode });
    } else if (isSeq(env)) {
      for (const item of env.items) {
        if (!isScalar(item) || item.value === null) continue;
        const text = project.valueOf(item) ?? '';
        const name = text.split('=')[0]!;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || out.has(name)) continue;
        const at = item.file.text.slice(item.start, item.end).indexOf(name);
        out.set(name, { name, node: item, range: at >= 0 ? { start: item.start + at, end: item.start + at + name.length } : item });
      }
    }
  }
  return [...out.values()];
}

/**
 * Something else runs in the container with its environment: a healthcheck, a
 * lifecycle hook, a `docker compose exec`/`run` of the service in a script.
 */
function otherReaders(stack: StackModel, project: ComposeProject, service: ProjectService): boolean {
  if (healthcheckTest(project, service)) return true;
  if (service.get('post_start') !== undefined || service.get('pre_stop') !== undefined) return true;
  const image = stack.serviceImage(service, project);
  if (image?.stages.some((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'))) return true;
  return stack.composeCalls().some((c) => (c.subcommand === 'exec' || c.subcommand === 'run') && (!c.services.length || c.services.some((w) => w.value === undefined || w.value === service.name)));
}

const readsMemo = new WeakMap<ShellDocument, RegExp | null>();

/**
 * What the script reads, as a test on a name, when the script is the whole
 * program: it runs only functions of its own and programs of `ENV_BLIND`,
 * sources nothing, evaluates nothing and lists no variables. A name counts as
 * read when it appears anywhere in the script as a word (an expansion, an
 * arithmetic name, `printenv NAME`, a comment): the rule keeps to names
 * written nowhere. Null when the script is not the whole program.
 */
function scriptReads(script: ShellDocument): RegExp | null {
  if (readsMemo.has(script)) return readsMemo.get(script)!;
  const out = wholeProgram(script) ? { test: (name: string) => new RegExp(`(?:^|[^A-Za-z0-9_])${name}(?:[^A-Za-z0-9_]|$)`).test(script.text) } : null;
  readsMemo.set(script, out as RegExp | null);
  return out as RegExp | null;
}

function wholeProgram(script: ShellDocument): boolean {
  if (script.hasErrors || script.tooComplex) return false;
  // indirection (`${!name}`, `${!prefix@}`), awk's ENVIRON, the process's environment file
  if (/\$\{!|ENVIRON|\/environ\b/.test(script.text)) return false;
  const functions = new Set<string>();
  walkNodes(script.root, (n) => {
    if (n.type !== 'function_definition') return;
    const name = n.children.find((c) => c.field === 'name');
    if (name) functions.add(name.text);
  });
  return commandsKnown(script.commands, functions);
}

function commandsKnown(commands: readonly ShCommand[], functions: ReadonlySet<string>): boolean {
  for (const c of commands) {
    if (c.name === undefined) {
      // `exec >>log 2>&1` runs nothing; `"$@"`, `$CMD` run what the stack does not show
      if (c.words.every((w) => w.value === 'exec')) continue;
      return false;
    }
    const name = path.posix.basename(c.name);
    if (functions.has(c.name)) continue;
    if (SHELLS.has(name)) {
      if (!c.inner || !commandsKnown(c.inner, functions)) return false;
      continue;
    }
    if (!ENV_BLIND.has(name) || c.wrappers.some((w) => !['exec', 'command', 'nohup', 'time', 'xargs', 'nice', 'timeout'].includes(w))) return false;
    const args = c.args.map((a) => a.value);
    if (LISTS_ALL_BARE.has(name)) {
      const names = args.filter((a) => a === undefined || !a.startsWith('-'));
      if (args.some((a) => a !== undefined && /^-[a-zA-Z]*p/.test(a))) return false;
      if (!names.length && (name !== 'set' || !args.length)) return false;
    }
    if (name === 'find' && c.args.some((a) => /^["']?-(exec|execdir|ok|okdir)\b/.test(a.raw))) return false;
    if (/awk$/.test(name) && c.args.some((a) => /^["']?(-f|--file)/.test(a.raw))) return false;
    if (name === 'trap' && !trapKnown(args, functions)) return false;
  }
  return true;
}

/** `trap handler SIG…` whose handler is empty, `-`, or one function of the script or known program. */
function trapKnown(args: (string | undefined)[], functions: ReadonlySet<string>): boolean {
  const handler = args.find((a) => a === undefined || !a.startsWith('-') || a === '-');
  if (handler === undefined) return args.every((a) => a !== undefined);
  const words = handler.trim().split(/\s+/).filter(Boolean);
  if (!words.length || handler === '-') return true;
  return words.length <= 3 && (functions.has(words[0]!) || (ENV_BLIND.has(words[0]!) && words[0] !== 'trap')) && !/[;&|$`<>]/.test(handler);
}

function describe(project: ComposeProject, program: ServiceProgram): string {
  const rel = path.relative(project.directory, program.script.file.path).split(path.sep).join('/');
  const how = program.via === 'mount' ? `mounted at ${program.containerPath}` : `copied to ${program.containerPath}`;
  return `${rel} (${how}, run by its ${program.namedBy === 'entrypoint' || program.namedBy === 'command' ? `${program.namedBy}:` : program.namedBy})`;
}
