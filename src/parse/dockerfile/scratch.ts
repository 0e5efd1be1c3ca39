import type { DfStage } from './types.js';

/**
 * The stage is built on `FROM scratch`, directly or through stages of the
 * file: its image starts empty, with `/` as the working directory.
 */
export function buildsOnScratch(stage: DfStage): boolean {
  let root = stage;
  while (root.parent) root = root.parent;
  return root.resolvedImage.toLowerCase() === 'scratch';
}

/**
 * An image that only carries files out of the build (`docker build --output`,
 * a stage other images `COPY --from`): built on scratch, with no `CMD` or
 * `ENTRYPOINT` anywhere in its chain, so it is never run as a container.
 */
export function isArtifactImage(chain: readonly DfStage[]): boolean {
  const final = chain[0];
  if (!final || !buildsOnScratch(final)) return false;
  return !chain.some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
}
