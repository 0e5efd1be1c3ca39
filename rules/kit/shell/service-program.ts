/**
 * The program a service's container runs, when the stack shows it to be one
 * script of the run: the effective entrypoint and command (compose's
 * `entrypoint:`/`command:`, else the image's `ENTRYPOINT`/`CMD`), and the
 * host file behind the path it names (a bind mount of the service, else a
 * `COPY`/`ADD` of the image from its build context).
 *
 * Unlike `StackModel.serviceScripts` (which links every script a service may
 * start, by path or by file name), this answers only when the answer is sure:
 * one program, named by a path that maps to exactly one file, with nothing
 * between the container's start and the script but an init (`tini`,
 * `dumb-init`) or the shell that runs the script file. Undefined otherwise:
 * an entrypoint a registry base image may set, `sh -c` strings, a path a
 * named volume or a `COPY --from` may hide, a file a later `RUN` rewrites.
 */
import path from 'node:path';
import type { ComposeProject, ProjectService } from '../../../src/parse/compose/project.js';
import { imageBaseName, parseImageRef } from '../../../src/parse/image-ref.js';
import { copyArgs } from '../../../src/parse/dockerfile/words.js';
import type { DfInstruction, DfStage } from '../../../src/parse/dockerfile/types.js';
import type { ShellDocument } from '../../../src/parse/shell/types.js';
import { isScalar, isSeq, type YNode } from '../../../src/parse/yaml/nodes.js';
import type { ServiceImage } from '../../../src/stack/builds.js';
import type { StackModel } from '../../../src/stack/model.js';
import { mountsOf } from '../compose/volumes.js';

export interface ServiceProgram {
  /** The script the container runs as its program. */
  readonly script: ShellDocument;
  /** The path the container runs it by. */
  readonly containerPath: string;
  /** How the file gets there: a bind mount of the service or a `COPY`/`ADD` of its image. */
  readonly via: 'mount' | 'copy';
  /** Where the program is named: compose's `entrypoint:`/`command:` or the image's `ENTRYPOINT`/`CMD`. */
  readonly namedBy: 'entrypoint' | 'command' | 'ENTRYPOINT' | 'CMD';
}

/** Official images that set no `ENTRYPOINT`: a `CMD` naming a script runs just that script. */
const NO_ENTRYPOINT = new Set(['alpine', 'busybox', 'debian', 'ubuntu', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'python', 'golang', 'buildpack-deps']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);
const INITS = new Set(['tini', 'dumb-init']);
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** Commands a `RUN` may run on the script without changing what it does. */
const HARMLESS_ON_SCRIPT = new Set(['chmod', 'chown', 'chgrp', 'dos2unix', 'ls', 'test', '[', 'stat']);

const memo = new WeakMap<ProjectService, ServiceProgram | null>();

export function serviceProgram(stack: StackModel, service: ProjectService, project: ComposeProject): ServiceProgram | undefined {
  const known = memo.get(service);
  if (known !== undefined) return known ?? undefined;
  const out = resolve(stack, service, project);
  memo.set(service, out ?? null);
  return out;
}

function resolve(stack: StackModel, service: ProjectService, project: ComposeProject): ServiceProgram | undefined {
  const built = stack.serviceBuild(service, project) ? stack.serviceImage(service, project) : undefined;
  if (stack.serviceBuild(service, project) && !built) return undefined; // a build the stack cannot read
  const argv = effectiveArgv(project, service, built);
  if (!argv) return undefined;
  const words = programWords(argv.words);
  if (!words) return undefined;
  const program = words[0]!;
  const workdir = workingDir(project, service, built);
  const candidates = program.includes('/')
    ? program.startsWith('/')
      ? [program]
      : workdir
        ? [path.posix.join(workdir, program)]
        : []
    : PATH_DIRS.map((d) => `${d}/${program}`);
  for (const containerPath of candidates) {
    const found = hostFile(stack, project, service, built, containerPath);
    if (found === 'unknown') return undefined;
    if (!found) continue;
    const script = stack.scripts.find((s) => s.file.path === found.host);
    return script ? { script, containerPath, via: found.via, namedBy: argv.namedBy } : undefined;
  }
  return undefined;
}

interface Argv {
  words: string[];
  namedBy: ServiceProgram['namedBy'];
}

/** The container's argv as the stack decides it; undefined when a part is unknown (a registry image's `ENTRYPOINT`, an interpolation). */
function effectiveArgv(project: ComposeProject, service: ProjectService, image: ServiceImage | undefined): Argv | undefined {
  const composeEntrypoint = service.get('entrypoint');
  const composeCommand = service.get('command');
  const entry = composeEntrypoint !== undefined && !(isScalar(composeEntrypoint) && composeEntrypoint.value === null) ? composeWords(project, composeEntrypoint) : null;
  if (entry === undefined) return undefined;
  const command = composeCommand !== undefined && !(isScalar(composeCommand) && composeCommand.value === null) ? composeWords(project, composeCommand) : null;
  if (command === undefined) return undefined;
  if (entry) {
    // compose's entrypoint drops the image's CMD
    if (entry.length) return { words: [...entry, ...(command ?? [])], namedBy: 'entrypoint' };
    return command?.length ? { words: command, namedBy: 'command' } : undefined;
  }
  const imageEntry = image ? lastOf(image.stages, 'ENTRYPOINT') : undefined;
  if (imageEntry) {
    const words = instructionArgv(imageEntry);
    if (!words) return undefined;
    if (words.length) return { words: [...words, ...(command ?? [])], namedBy: 'ENTRYPOINT' };
  } else if (!noEntrypointBase(project, service, image)) return undefined;
  if (command) return command.length ? { words: command, namedBy: 'command' } : undefined;
  const cmd = image ? lastOf(image.stages, 'CMD') : undefined;
  const words = cmd && instructionArgv(cmd);
  return words?.length ? { words, namedBy: 'CMD' } : undefined;
}

/** The image's first stage is built `FROM` scratch or an official image known to set no `ENTRYPOINT`. */
function noEntrypointBase(project: ComposeProject, service: ProjectService, image: ServiceImage | undefined): boolean {
  let ref: string | undefined;
  if (image) {
    if (!image.resolvedBase) return false;
    ref = image.resolvedBase;
  } else {
    const node = service.get('image');
    if (!isScalar(node) || node.value === null) return false;
    const r = project.interpolate(node);
    if (r.unset.length || r.errors.length) return false;
    ref = r.value;
  }
  if (ref.trim().toLowerCase() === 'scratch') return true;
  const parsed = parseImageRef(ref);
  if (parsed.registry && parsed.registry !== 'docker.io') return false;
  const repo = parsed.repository.replace(/^library\//, '');
  return !repo.includes('/') && NO_ENTRYPOINT.has(imageBaseName(parsed));
}

/** The last `ENTRYPOINT`/`CMD` of the image, base stage first. */
function lastOf(stages: readonly DfStage[], keyword: string): DfInstruction | undefined {
  let last: DfInstruction | undefined;
  for (const stage of [...stages].reverse()) for (const ins of stage.instructions) if (ins.keyword === keyword) last = ins;
  return last;
}

/** An `ENTRYPOINT`/`CMD` as argv: the JSON form, or a shell form that is one plain path (`/bin/sh -c /entry.sh` runs just it). */
function instructionArgv(ins: DfInstruction): string[] | undefined {
  if (ins.execForm) {
    try {
      const v: unknown = JSON.parse(ins.argsText);
      return Array.isArray(v) && v.every((w) => typeof w === 'string') ? (v as string[]) : undefined;
    } catch {
      return undefined;
    }
  }
  const text = ins.argsText.trim();
  return /^[\w./-]+$/.test(text) ? [text] : undefined;
}

/** A compose `entrypoint:`/`command:` as words: `null` for not set, undefined when not certain (interpolation, quotes). */
function composeWords(project: ComposeProject, node: YNode): string[] | undefined {
  if (isSeq(node)) {
    const out: string[] = [];
    for (const item of node.items) {
      if (!isScalar(item) || item.value === null) return undefined;
      const r = project.interpolate(item);
      if (r.unset.length || r.errors.length) return undefined;
      out.push(r.value);
    }
    return out;
  }
  if (!isScalar(node) || node.value === null) return undefined;
  const r = project.interpolate(node);
  if (r.unset.length || r.errors.length || /["'\\$`]/.test(r.value)) return undefined;
  return r.value.split(/\s+/).filter(Boolean);
}

/** The program's words after an init and the shell that runs a script file; undefined for `sh -c`, `env` and the like. */
function programWords(words: string[]): string[] | undefined {
  let i = 0;
  if (words[i] && INITS.has(path.posix.basename(words[i]!))) {
    i++;
    while (words[i]?.startsWith('-')) {
      if (words[i] === '--') {
        i++;
        break;
      }
      i++;
    }
  }
  if (words[i] && SHELLS.has(path.posix.basename(words[i]!))) {
    i++;
    while (words[i]?.startsWith('-')) {
      if (/^-[a-z]*[cs]/.test(words[i]!) || words[i] === '--') return undefined; // a command string, or the script from stdin
      if (!/^[-+][a-z]+$/.test(words[i]!)) return undefined;
      i++;
    }
  }
  const rest = words.slice(i);
  return rest.length && rest[0] ? rest : undefined;
}

/** compose's `working_dir`, else the image's last `WORKDIR`; undefined when unknown. */
function workingDir(project: ComposeProject, service: ProjectService, image: ServiceImage | undefined): string | undefined {
  const wd = service.get('working_dir');
  if (isScalar(wd) && wd.value !== null) {
    const r = project.interpolate(wd);
    return r.unset.length || r.errors.length || !r.value.startsWith('/') ? undefined : r.value;
  }
  if (!image) return '/';
  let dir = '/';
  for (const stage of [...image.stages].reverse()) {
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'WORKDIR') continue;
      const value = ins.args[0]?.value;
      if (!value || value.includes('$')) return undefined;
      dir = path.posix.resolve(dir, value);
    }
  }
  return dir;
}

type Found = { host: string; via: 'mount' | 'copy' } | undefined | 'unknown';

/** The host file at `target` in the container: through the service's mounts, else its image's `COPY`s. */
function hostFile(stack: StackModel, project: ComposeProject, service: ProjectService, image: ServiceImage | undefined, target: string): Found {
  let best: { length: number; host?: string } | undefined;
  for (const m of mountsOf(project, service)) {
    if (!m.certain) return 'unknown';
    if (!m.target) continue;
    const t = m.target.replace(/\/+$/, '') || '/';
    if (target !== t && !target.startsWith(t === '/' ? '/' : `${t}/`)) continue;
    if (best && best.length >= t.length) continue;
    if (m.kind !== 'bind' || !m.source) best = { length: t.length };
    else best = { length: t.length, host: path.join(path.resolve(project.directory, m.source), path.posix.relative(t, target)) };
  }
  if (best) return best.host ? { host: best.host, via: 'mount' } : 'unknown';
  if (!image) return undefined;
  const context = image.build.context;
  let host: string | undefined | 'unknown';
  let dir = '/';
  for (const stage of [...image.stages].reverse()) {
    // WORKDIR carries into the stages built FROM this one
    for (const ins of stage.instructions) {
      if (ins.keyword === 'WORKDIR') {
        const value = ins.args[0]?.value;
        dir = value && !value.includes('$') ? path.posix.resolve(dir, value) : '/\u0000unknown';
        continue;
      }
      if (ins.keyword === 'RUN') {
        if (host && host !== 'unknown' && touches(ins, target)) host = 'unknown';
        continue;
      }
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const { sources, dest, heredoc } = copyArgs(ins);
      if (!dest?.value || heredoc) continue;
      const destPath = path.posix.resolve(dir, dest.value);
      const destDir = dest.value.endsWith('/') || sources.length > 1;
      const fromOther = ins.flags.some((f) => f.name.toLowerCase() === 'from');
      for (const src of sources) {
        const value = src.value;
        const local = !fromOther && value && context && !/[*?[$]/.test(value) && !/^[a-z]+:\/\//i.test(value) ? path.resolve(context, value) : undefined;
        const state = local ? stack.pathState(local) : undefined;
        const hit = copiedTo(destPath, destDir, value, state, target);
        if (hit === undefined) continue;
        if (local && hit === '' && state === 'file') host = local;
        else if (local && hit !== '' && state === 'dir') host = path.join(local, hit);
        else host = 'unknown';
        if (ins.keyword === 'ADD' && /\.(tar|tgz|gz|bz2|xz|zip)$/i.test(value ?? '')) host = 'unknown';
      }
    }
  }
  if (host === 'unknown') return 'unknown';
  return host ? { host, via: 'copy' } : undefined;
}

/**
 * Whether `COPY src dest` puts something at `target`: the path under a copied
 * folder, or `''` for a file copied to `target` itself. A file lands at `dest`
 * or `dest/<name>`; a folder's contents land under `dest`. A source whose
 * kind is not known counts as both.
 */
function copiedTo(destPath: string, destDir: boolean, src: string | undefined, state: string | undefined, target: string): string | undefined {
  const name = src ? path.posix.basename(src.replace(/\/+$/, '')) : undefined;
  if (state !== 'dir') {
    if (!destDir && target === destPath) return '';
    if (name && target === path.posix.join(destPath, name)) return '';
  }
  if (state !== 'file' && target.startsWith(destPath === '/' ? '/' : `${destPath}/`)) return path.posix.relative(destPath, target);
  return undefined;
}

/** A `RUN` names the file with a command that may change it (not `chmod`, `chown`, `dos2unix`). */
function touches(run: DfInstruction, target: string): boolean {
  const name = path.posix.basename(target);
  if (!run.argsText.includes(name)) return false;
  if (!run.scripts.length) return true;
  for (const doc of run.scripts) {
    for (const c of doc.commands) {
      if (c.redirects.some((r) => r.target?.raw.includes(name))) return true; // written to
      if (!c.words.some((w) => w.raw.includes(name))) continue;
      if (!c.name || !HARMLESS_ON_SCRIPT.has(path.posix.basename(c.name))) return true;
    }
  }
  return false;
}
