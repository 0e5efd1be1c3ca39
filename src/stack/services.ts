/**
 * What stack rules read from a compose service: the programs and ports its
 * healthcheck uses, whether it reserves GPUs, whether it runs as a non-root
 * user. Values are the merged project's (`ComposeProject`), interpolated.
 */
import path from 'node:path';
import type { Span } from '../core/location.js';
import type { ComposeService } from '../parse/compose/document.js';
import type { ComposeProject } from '../parse/compose/project.js';
import { certainValue, innerRange, scalarList, type ComposeView } from '../parse/compose/values.js';
import type { SourceFile } from '../core/source.js';
import { isMap, isScalar, isSeq, type YNode, type YScalar } from '../parse/yaml/nodes.js';

/** Where something is written inside a compose scalar. */
export interface ScalarPart extends Span {
  readonly file: SourceFile;
  readonly node: YScalar;
}

export interface HealthcheckTest {
  /** The `test` value. */
  readonly node: YNode;
  /** `CMD` (exec form) or `CMD-SHELL` (a string, run by `/bin/sh -c`). */
  readonly form: 'CMD' | 'CMD-SHELL';
  /** The `CMD-SHELL` item, or the string: needs a shell in the image. */
  readonly shellNode: YScalar | undefined;
  /** The programs it runs (base names), where each is written; `guarded` when the script may do without it (see `shellPrograms`). */
  readonly programs: readonly (ScalarPart & { readonly name: string; readonly guarded: boolean })[];
  /** Container ports it probes on the container itself (`http://localhost:8080/…`, `nc -z localhost 5432`). */
  readonly ports: readonly (ScalarPart & { readonly port: number })[];
}

/** The service's healthcheck test, unless there is none or it is disabled (`disable: true`, `test: ["NONE"]`). */
export function healthcheckTest(project: ComposeProject, service: ComposeService): HealthcheckTest | undefined {
  const hc = service.get('healthcheck');
  if (!isMap(hc)) return undefined;
  const disable = hc.get('disable');
  if (isScalar(disable) && (disable.value === true || project.valueOf(disable)?.toLowerCase() === 'true')) return undefined;
  const test = hc.get('test');
  if (test === undefined) return undefined;
  const programs: (ScalarPart & { name: string; guarded: boolean })[] = [];
  const ports: (ScalarPart & { port: number })[] = [];
  if (isScalar(test)) {
    if (test.value === null) return undefined;
    const text = String(test.value);
    programs.push(...shellPrograms(test, text));
    ports.push(...probedPorts(test, text));
    return { node: test, form: 'CMD-SHELL', shellNode: test, programs, ports };
  }
  if (!isSeq(test)) return undefined;
  const items = test.items.filter(isScalar);
  const kind = items[0] && items[0].value !== null ? String(items[0].value).toUpperCase() : undefined;
  if (kind === 'NONE' || kind === undefined) return undefined;
  const rest = items.slice(1).filter((i) => i.value !== null);
  for (const item of rest) ports.push(...probedPorts(item, String(item.value)));
  if (kind === 'CMD-SHELL') {
    const shell = rest[0];
    if (shell) programs.push(...shellPrograms(shell, String(shell.value)));
    return { node: test, form: 'CMD-SHELL', shellNode: shell, programs, ports };
  }
  if (kind !== 'CMD') return undefined;
  const first = rest[0];
  if (first) {
    const name = path.posix.basename(String(first.value));
    programs.push({ name, guarded: false, ...partOf(first, 0, String(first.value).length) });
    // ["CMD", "sh", "-c", "curl …"]: the script's programs too
    const c = rest.findIndex((i) => String(i.value) === '-c');
    if (SHELLS.has(name) && c > 0 && rest[c + 1]) programs.push(...shellPrograms(rest[c + 1]!, String(rest[c + 1]!.value)));
  }
  return { node: test, form: 'CMD', shellNode: undefined, programs, ports };
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

function partOf(node: YScalar, from: number, to: number): ScalarPart {
  return { ...innerRange(node, from, to), file: node.file, node };
}

/** Words that start a command in a shell string, and words that are never programs. */
const OPERATORS = new Set([';', '&&', '||', '|', '&', '(', ')', '{', '}', '!', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', 'exec', 'time', 'command', 'nohup']);

/** Commands that end an `||` chain without trying another way: `curl … || exit 1`. */
const GIVING_UP = new Set(['exit', 'false', 'return', 'echo', 'printf', 'kill', 'true', ':']);
/** The script checks what is installed first: `command -v curl && … || …`, `if which wget; then`. */
const PROBES = /\b(?:command\s+-v|which|type\s+-[pP]|hash|if)\b/;

/**
 * The programs a `CMD-SHELL` string runs: the first word of each command
 * (after `;`, `&&`, `||`, `|`, `if`/`then`…), variable assignments skipped.
 * A light tokenizer: quotes are kept together, nothing is expanded.
 * `guarded` marks a program the script may do without: one side of an `||`
 * whose other side tries something else (`curl … || wget …`), or any program
 * of a script that checks what is installed (`command -v`, `which`, `if`).
 */
export function shellPrograms(node: YScalar, text: string): (ScalarPart & { name: string; guarded: boolean })[] {
  const commands: { name: string; start: number; end: number; before: string | undefined; after: string | undefined }[] = [];
  let atStart = true;
  let op: string | undefined;
  let last: (typeof commands)[number] | undefined;
  for (const t of tokenize(text)) {
    if (OPERATORS.has(t.text)) {
      atStart = true;
      if (last && last.after === undefined && [';', '&&', '||', '|', '&'].includes(t.text)) last.after = t.text;
      op = t.text;
      continue;
    }
    if (!atStart) continue;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t.text)) continue; // VAR=x before the command
    atStart = false;
    last = { name: /[$`"'\\]/.test(t.text) ? '' : path.posix.basename(t.text), start: t.start, end: t.end, before: op, after: undefined };
    commands.push(last);
    op = undefined;
  }
  const probing = PROBES.test(text);
  return commands.flatMap((c, i) => {
    if (!c.name) return [];
    const next = commands[i + 1];
    const prev = commands[i - 1];
    const fallback = c.after === '||' && next !== undefined && !GIVING_UP.has(next.name);
    const isFallback = c.before === '||' && prev !== undefined && !GIVING_UP.has(c.name);
    return [{ name: c.name, guarded: probing || fallback || isFallback, ...partOf(node, c.start, c.end) }];
  });
}

function tokenize(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      out.push({ text: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (';|&(){}'.includes(c)) {
      out.push({ text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && !/\s/.test(text[i]!) && !';|&()'.includes(text[i]!)) {
      const q = text[i]!;
      if (q === '"' || q === "'") {
        const close = text.indexOf(q, i + 1);
        i = close < 0 ? text.length : close + 1;
      } else if (q === '\\') i += 2;
      else i++;
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

const LOCAL = String.raw`(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])`;
const URL_PORT = new RegExp(String.raw`(?:(https?)://)?${LOCAL}(?::(\d{1,5}))?(?![\w.:-])`, 'gi');
const NC_PORT = new RegExp(String.raw`\b(?:nc|netcat)\b(?:\s+-[A-Za-z]+)*\s+${LOCAL}\s+(\d{1,5})\b`, 'g');

/** Ports the text probes on the container: `http://localhost:8080/x`, `localhost:5432`, `https://127.0.0.1/`, `nc -z localhost 6379`. */
export function probedPorts(node: YScalar, text: string): (ScalarPart & { port: number })[] {
  const out: (ScalarPart & { port: number })[] = [];
  for (const m of text.matchAll(URL_PORT)) {
    const scheme = m[1]?.toLowerCase();
    const digits = m[2];
    const at = m.index!;
    if (digits !== undefined) {
      const from = at + m[0].length - digits.length;
      out.push({ port: Number(digits), ...partOf(node, from, from + digits.length) });
    } else if (scheme) {
      out.push({ port: scheme === 'https' ? 443 : 80, ...partOf(node, at, at + m[0].length) });
    }
  }
  for (const m of text.matchAll(NC_PORT)) {
    const digits = m[1]!;
    const from = m.index! + m[0].length - digits.length;
    out.push({ port: Number(digits), ...partOf(node, from, from + digits.length) });
  }
  return out.filter((p) => p.port > 0 && p.port <= 65535);
}

/**
 * Where the service asks for GPUs: a `deploy.resources.reservations.devices`
 * entry with the `gpu` capability (or the `nvidia` driver), `gpus:`,
 * `runtime: nvidia`, or a CDI device `nvidia.com/gpu=…`. Undefined when it
 * does not, or when `NVIDIA_DRIVER_CAPABILITIES` leaves compute out (video or
 * graphics only: no CUDA needed).
 */
export function gpuRequest(project: ComposeProject, service: ComposeService): YNode | undefined {
  const env = service.get('environment');
  const caps = isMap(env)
    ? project.valueOf(env.get('NVIDIA_DRIVER_CAPABILITIES'))
    : isSeq(env)
      ? env.items.map((i) => project.valueOf(i)).find((v) => v?.startsWith('NVIDIA_DRIVER_CAPABILITIES='))?.split('=')[1]
      : undefined;
  if (caps !== undefined && !/\b(all|compute)\b/.test(caps)) return undefined;
  const deploy = service.get('deploy');
  const devices = isMap(deploy) ? mapPath(deploy, 'resources', 'reservations', 'devices') : undefined;
  if (isSeq(devices)) {
    for (const d of devices.items) {
      if (!isMap(d)) continue;
      const capabilities = d.get('capabilities');
      const gpu = isSeq(capabilities) ? capabilities.items.find((c) => project.valueOf(c)?.toLowerCase() === 'gpu') : undefined;
      if (gpu) return gpu;
      if (project.valueOf(d.get('driver'))?.toLowerCase() === 'nvidia') return d.get('driver');
    }
  }
  const gpus = service.get('gpus');
  if (gpus !== undefined && !(isScalar(gpus) && gpus.value === null)) return gpus;
  const runtime = service.get('runtime');
  if (project.valueOf(runtime)?.trim() === 'nvidia') return runtime;
  const devs = service.get('devices');
  if (isSeq(devs)) {
    const cdi = devs.items.find((i) => /^nvidia\.com\/gpu/i.test(project.valueOf(i) ?? ''));
    if (cdi) return cdi;
  }
  return undefined;
}

function mapPath(node: YNode, ...keys: string[]): YNode | undefined {
  let cur: YNode | undefined = node;
  for (const k of keys) cur = isMap(cur) ? cur.get(k) : undefined;
  return cur;
}

/**
 * The service sets `user:` to someone other than root. A value written with a
 * variable that is not set (`"${UID}:${GID}"`) counts: the user is picked at
 * run time; one whose default is root (`${UID:-0}`) does not.
 */
export function runsAsNonRoot(project: ComposeProject, service: ComposeService): boolean {
  const user = service.get('user');
  if (!isScalar(user) || user.value === null) return false;
  const r = project.interpolate(user);
  const name = r.value.trim().split(':')[0]!;
  if (name === '') return r.unset.length > 0;
  return name !== 'root' && !/^0+$/.test(name);
}

/**
 * The service's profiles as far as they are known: an unset variable makes
 * one unknown, and then the service counts as in none (it may always run).
 */
export function knownProfiles(project: ComposeView, service: ComposeService): readonly string[] {
  const names = scalarList(service.get('profiles')).map((p) => certainValue(project, p));
  return names.some((n) => n === undefined) ? [] : (names as string[]);
}

/**
 * Whether two services of a project can run at the same time: unless both
 * are in profiles and share none. Profiles that publish the same port or set
 * the same container name are alternatives (`--profile aio` or `--profile
 * aio-no-db`), not a stack that starts them together.
 */
export function canRunTogether(project: ComposeView, a: ComposeService, b: ComposeService): boolean {
  const pa = knownProfiles(project, a);
  const pb = knownProfiles(project, b);
  return !pa.length || !pb.length || pa.some((p) => pb.includes(p));
}
