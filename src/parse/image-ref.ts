/** A container image reference split into its parts: `[registry/]repository[:tag][@digest]`. */
export interface ImageRef {
  registry: string | undefined;
  /** Path without registry: `library/nginx` is written `nginx`; kept as written. */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Splits a reference the way the distribution spec reads it: the tag is after the last `:` that follows the last `/`. */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  return { registry, repository: rest, tag, digest };
}

/** The repository's last path part, lower-cased: `bitnami/postgresql` → `postgresql`. */
export function imageBaseName(ref: ImageRef): string {
  return ref.repository.split('/').pop()!.toLowerCase();
}
