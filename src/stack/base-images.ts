/**
 * What well-known base images ship, for the stack rules: which command-line
 * tools a healthcheck may call, whether the image carries a CUDA runtime, and
 * which ports its own `EXPOSE` declares.
 *
 * The table is small on purpose and only says what is known for every tag of
 * an entry; anything else is `undefined` (unknown), and rules give no finding
 * on unknown facts. Documented in docs/rules/stack/healthcheck-tool.md (the table) and the pages that use it.
 *
 * | image | curl | wget | sh | CUDA |
 * |---|---|---|---|---|
 * | `alpine`, `busybox` | no | yes (busybox applet) | yes | no |
 * | official `*-alpine*` tags (`python:3.12-alpine`, `nginx:alpine`, …) | — | yes (busybox) | yes | no¹ |
 * | `python`, `node`, `golang`, `rust` `*-alpine*` | no | yes (busybox) | yes | no |
 * | `debian`, `ubuntu` (every tag, `-slim` too) | no | no | yes | no |
 * | `python:*-slim*`, `node:*-slim*` | no | no | yes | no |
 * | `buildpack-deps` | yes | yes | yes | no |
 * | `python`, `node`, `golang`, `rust`, `ruby` full tags (built on `buildpack-deps`) | yes | yes | yes | no |
 * | `gcr.io/distroless/*` (not `:debug`) | no | no | no | no |
 * | `scratch` | no | no | no | no |
 *
 * `scratch` and distroless `static`, `base` and `cc` hold no program at all
 * (`complete`): any program a healthcheck names is absent unless the
 * Dockerfile brings it.
 * | `nvidia/cuda`, `nvidia/cudagl`, `nvcr.io/nvidia/*`, `pytorch/pytorch`, `tensorflow/tensorflow:*gpu*`, `rapidsai/*` | — | — | — | yes |
 *
 * ¹ official images of languages, operating systems and servers (the list in `NO_CUDA`).
 */
import { parseImageRef, type ImageRef } from '../parse/image-ref.js';

export type Availability = 'yes' | 'no' | 'unknown';

export interface BaseImageFacts {
  /** How messages name what matched: `alpine`, `python (slim)`, `distroless`. */
  readonly label: string;
  /** Tools known to be there (`true`) or not (`false`); a tool not listed is unknown, unless `complete`. */
  readonly tools: Readonly<Record<string, boolean>>;
  /** The image holds no program but the ones `tools` lists as there (`scratch`, distroless `static`/`base`/`cc`). */
  readonly complete?: boolean;
  /** Why a tool is there when it is not obvious (`wget` is a busybox applet). */
  readonly notes: Readonly<Record<string, string>>;
  /** Ships a CUDA runtime; undefined when unknown. */
  readonly cuda: boolean | undefined;
  /** The ports the image's own `EXPOSE` declares (`80`, `53/udp`); undefined when unknown. */
  readonly exposes: readonly string[] | undefined;
}

/** Official images that never ship CUDA (languages, operating systems, servers). */
const NO_CUDA = new Set([
  'alpine', 'busybox', 'debian', 'ubuntu', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux',
  'buildpack-deps', 'python', 'node', 'golang', 'rust', 'ruby', 'php', 'perl', 'openjdk', 'eclipse-temurin', 'amazoncorretto',
  'maven', 'gradle', 'nginx', 'httpd', 'redis', 'postgres', 'mysql', 'mariadb', 'mongo', 'tomcat', 'haproxy', 'caddy', 'traefik',
  'elixir', 'erlang', 'haskell', 'swift', 'dart', 'clojure', 'gcc',
]);

/** The ports official images `EXPOSE` themselves (none for the language and OS images). */
const EXPOSES: Record<string, readonly string[]> = {
  alpine: [], busybox: [], debian: [], ubuntu: [], 'buildpack-deps': [],
  python: [], node: [], golang: [], rust: [], ruby: [], perl: [],
  openjdk: [], 'eclipse-temurin': [], amazoncorretto: [], maven: [],
  nginx: ['80'], httpd: ['80'], redis: ['6379'], postgres: ['5432'], mysql: ['3306', '33060'], mariadb: ['3306'], mongo: ['27017'], tomcat: ['8080'],
};

/** Languages whose full tags are built on `buildpack-deps` (curl and wget included). */
const ON_BUILDPACK_DEPS = new Set(['python', 'node', 'golang', 'rust', 'ruby']);
/** Languages whose `-alpine` tags are known to leave curl out. */
const ALPINE_WITHOUT_CURL = new Set(['python', 'node', 'golang', 'rust']);
/** Languages whose `-slim` tags are known to ship neither curl nor wget. */
const SLIM_WITHOUT_TOOLS = new Set(['python', 'node']);

const BUSYBOX_NOTE = 'the busybox applet';

/** Registries that serve Docker Hub. */
const HUB = new Set([undefined, 'docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * The known facts about an image reference (`python:3.12-slim`,
 * `docker.io/library/alpine:3.21`, `nvidia/cuda:12.4.1-runtime-ubuntu22.04`);
 * undefined when the image is not in the table or the reference holds a variable.
 */
export function baseImageFacts(reference: string): BaseImageFacts | undefined {
  const text = reference.trim();
  if (!text || text.includes('$')) return undefined;
  if (text.toLowerCase() === 'scratch') return SCRATCH;
  const ref = parseImageRef(text);
  const repo = ref.repository.toLowerCase();
  const tag = ref.tag?.toLowerCase() ?? (ref.digest ? undefined : 'latest');
  if (HUB.has(ref.registry?.toLowerCase())) {
    const official = repo.startsWith('library/') ? repo.slice('library/'.length) : repo.includes('/') ? undefined : repo;
    if (official !== undefined) return officialFacts(official, tag);
    return vendorFacts(repo, tag);
  }
  return registryFacts(ref, repo, tag);
}

/** Whether a tool is in the base image: `yes`, `no`, or `unknown` when the table does not say. */
export function toolInBase(reference: string, tool: string): Availability {
  return toolInFacts(baseImageFacts(reference), tool);
}

/** What the table says of a tool: listed, else absent from an image whose programs are all known, else unknown. */
export function toolInFacts(facts: BaseImageFacts | undefined, tool: string): Availability {
  const v = facts?.tools[tool];
  if (v === undefined) return facts?.complete ? 'no' : 'unknown';
  return v ? 'yes' : 'no';
}

const SCRATCH: BaseImageFacts = {
  label: 'scratch',
  tools: { sh: false, bash: false, curl: false, wget: false, nc: false },
  notes: {},
  complete: true,
  cuda: false,
  exposes: [],
};

function facts(label: string, tools: Record<string, boolean>, extra: Partial<BaseImageFacts> = {}): BaseImageFacts {
  return { label, tools, notes: {}, cuda: undefined, exposes: undefined, ...extra };
}

function officialFacts(name: string, tag: string | undefined): BaseImageFacts | undefined {
  const cuda = NO_CUDA.has(name) ? false : undefined;
  const exposes = exposesOf(name, tag);
  const base = { cuda, exposes };
  if (name === 'alpine' || name === 'busybox') {
    return facts(name, { sh: true, wget: true, curl: false, bash: false }, { ...base, notes: { wget: BUSYBOX_NOTE } });
  }
  if (name === 'debian' || name === 'ubuntu') {
    return facts(tag !== undefined && /(^|-)slim(-|$)/.test(tag) ? `${name} (slim)` : name, { sh: true, curl: false, wget: false, nc: false }, base);
  }
  if (name === 'buildpack-deps') return facts(name, { sh: true, curl: true, wget: true }, base);
  if (tag === undefined || /windowsservercore|nanoserver/.test(tag)) return cuda === false || exposes ? facts(name, {}, base) : undefined;
  const alpine = /(^|-)alpine/.test(tag);
  const slim = /(^|-)slim(-|$)/.test(tag);
  if (alpine) {
    // Official `-alpine` tags are built on alpine: busybox's wget and sh are there.
    const tools: Record<string, boolean> = { sh: true, wget: true };
    if (ALPINE_WITHOUT_CURL.has(name)) tools.curl = false;
    return facts(`${name} (alpine)`, tools, { ...base, notes: { wget: BUSYBOX_NOTE } });
  }
  if (slim) {
    if (SLIM_WITHOUT_TOOLS.has(name)) return facts(`${name} (slim)`, { sh: true, curl: false, wget: false }, base);
    return cuda === false || exposes ? facts(`${name} (slim)`, {}, base) : undefined;
  }
  if (ON_BUILDPACK_DEPS.has(name)) return facts(name, { sh: true, curl: true, wget: true }, base);
  return cuda === false || exposes ? facts(name, {}, base) : undefined;
}

function exposesOf(name: string, tag: string | undefined): readonly string[] | undefined {
  if (name === 'php') {
    if (tag === undefined) return undefined;
    if (tag.includes('apache')) return ['80'];
    if (tag.includes('fpm')) return ['9000'];
    if (tag.includes('zts') || tag.includes('cli') || /^[\d.]+(-(alpine|bookworm|bullseye|buster|trixie)[\d.]*)?$/.test(tag)) return [];
    return undefined;
  }
  return EXPOSES[name];
}

/** Images of a namespace on Docker Hub. */
function vendorFacts(repo: string, tag: string | undefined): BaseImageFacts | undefined {
  if (repo === 'nvidia/cuda' || repo === 'nvidia/cudagl' || repo.startsWith('rapidsai/') || repo === 'pytorch/pytorch') {
    return facts(repo, {}, { cuda: true });
  }
  if (repo === 'tensorflow/tensorflow') {
    if (tag === undefined) return undefined;
    return facts(repo, {}, { cuda: tag.includes('gpu') });
  }
  return undefined;
}

/** Images of other registries. */
function registryFacts(ref: ImageRef, repo: string, tag: string | undefined): BaseImageFacts | undefined {
  const registry = ref.registry?.toLowerCase();
  if (registry === 'nvcr.io' && repo.startsWith('nvidia/')) return facts(`nvcr.io/${repo}`, {}, { cuda: true });
  if (registry === 'gcr.io' && repo.startsWith('distroless/')) {
    // `:debug` tags add a busybox shell; the rest have no shell and no tools at all.
    if (tag !== undefined && tag.includes('debug')) return facts('distroless (debug)', { sh: true, curl: false, bash: false }, { cuda: false, exposes: [] });
    // static, base and cc hold no program at all; the language images hold their runtime.
    const complete = /^distroless\/(?:static|base|cc)(?:-|$)/.test(repo);
    return facts('distroless', { sh: false, bash: false, curl: false, wget: false, nc: false }, { cuda: false, exposes: [], complete });
  }
  return undefined;
}

/** Packages that install a tool, per tool (the names apt, apk, dnf/yum and zypper use). */
export const TOOL_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  curl: ['curl', 'curl-minimal'],
  wget: ['wget', 'wget2', 'busybox', 'busybox-static'],
  nc: ['netcat-openbsd', 'netcat-traditional', 'netcat', 'nmap-ncat', 'ncat', 'busybox-extras', 'openbsd-netcat', 'gnu-netcat'],
  bash: ['bash'],
  sh: ['bash', 'dash', 'busybox', 'busybox-static'],
};

/** The tools whose presence the stack rules judge: the ones the table knows about. */
export const JUDGED_TOOLS: ReadonlySet<string> = new Set(Object.keys(TOOL_PACKAGES));
