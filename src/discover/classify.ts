import type { FileKind } from '../core/source.js';

const COMPOSE = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
/** A committed template of a compose file users copy (`compose.override.yaml.example`). */
const COMPOSE_TEMPLATE = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml\.(?:example|sample|dist|template)$/i;
/** `Dockerfile`, `Dockerfile.dev`, `Dockerfile-dev`, `Dockerfile_dev`, `dev.Dockerfile`, and the `Containerfile` forms. */
const DOCKERFILE = /^(?:(?:docker|container)file(?:[._-][^/]+)?|[^/]+\.(?:docker|container)file)$/i;
const SHELL_EXT = /\.(?:sh|bash)$/i;
/**
 * Extensions of data and documentation files, never of a Dockerfile: `dockerfile.yaml` is a CI
 * workflow, `Dockerfile.md` notes about one. Template suffixes (`Dockerfile.j2`) stay Dockerfiles.
 */
const NOT_DOCKERFILE_EXT = /\.(?:ya?ml|json5?|jsonc|md|markdown|rst|txt|toml|xml|html?|lock)$/i;
const SHEBANG = /^#![ \t]*(?:\/usr\/bin\/env[ \t]+(?:-S[ \t]+)?)?(?:\/\S*\/)?(?:sh|bash|dash|ash|ksh|busybox[ \t]+sh)(?:[ \t]|$)/;

/** Decides a file's kind from its base name; `undefined` when the name says nothing. */
export function kindFromName(basename: string): FileKind | undefined {
  if (COMPOSE.test(basename) || COMPOSE_TEMPLATE.test(basename)) return 'compose';
  if (/\.dockerignore$/i.test(basename)) return undefined;
  if (DOCKERFILE.test(basename) && !NOT_DOCKERFILE_EXT.test(basename)) return 'dockerfile';
  if (SHELL_EXT.test(basename)) return 'shell';
  return undefined;
}

/** An extension-less file is a script when its first line is a sh-family shebang. */
export function mayHaveShebang(basename: string): boolean {
  return !basename.includes('.');
}

export function kindFromShebang(firstLine: string): FileKind | undefined {
  return SHEBANG.test(firstLine) ? 'shell' : undefined;
}
