import type { FileKind } from '../parse/source.js';

const COMPOSE = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
const DOCKERFILE = /^(?:(?:docker|container)file(?:\.[^/]+)?|[^/]+\.(?:docker|container)file)$/i;
/** `Dockerfile.<ext>` in a data or document format: a CI workflow or a page about the image (`dockerfile.yaml`), not a Dockerfile. */
const NOT_A_DOCKERFILE = /\.(?:ya?ml|json|md|markdown|rst|txt|html?|toml|xml|lock)$/i;
const SHELL_EXT = /\.(?:sh|bash)$/i;
const SHEBANG = /^#![ \t]*(?:\/usr\/bin\/env[ \t]+(?:-S[ \t]+)?)?(?:\/\S*\/)?(?:sh|bash|dash|ash|ksh|busybox[ \t]+sh)(?:[ \t]|$)/;

/** Decides a file's kind from its base name; `undefined` when the name says nothing. */
export function kindFromName(basename: string): FileKind | undefined {
  if (COMPOSE.test(basename)) return 'compose';
  if (/\.dockerignore$/i.test(basename)) return undefined;
  if (DOCKERFILE.test(basename) && !NOT_A_DOCKERFILE.test(basename)) return 'dockerfile';
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
