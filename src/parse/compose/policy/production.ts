/**
 * Which compose files describe production: by name (`*prod*` by default,
 * `settings.productionFiles`), and the base file of a layered project (the
 * `compose.yaml` / `docker-compose.yml` that overrides such as
 * `docker-compose.dev.yml` or `compose.override.yaml` sit beside), which is
 * what `docker compose up` without `-f` runs in production.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { StackModel } from '../../../stack/model.js';
import type { SourceFile } from '../../source.js';
import { layeredBaseIsProduction, productionFiles } from './settings.js';

const BASE = /^((?:docker-)?compose)\.ya?ml$/i;

export type ProductionReason = 'name' | 'layered-base';

export function productionReason(file: SourceFile, stack: StackModel, settings: Readonly<Record<string, unknown>>): ProductionReason | undefined {
  const base = path.basename(file.path);
  for (const glob of productionFiles(settings)) {
    const target = glob.includes('/') ? file.relPath : base;
    if (picomatch.isMatch(target, glob, { dot: true, nocase: true })) return 'name';
  }
  const prefix = BASE.exec(base)?.[1]?.toLowerCase();
  if (layeredBaseIsProduction(settings) && prefix) {
    // Overrides share the base's name: docker-compose.yml ← docker-compose.dev.yml, compose.yaml ← compose.override.yaml.
    const dir = path.dirname(file.path);
    const layered = stack.composeFiles.some((d) => {
      const other = path.basename(d.file.path).toLowerCase();
      return d.file.path !== file.path && path.dirname(d.file.path) === dir && other.startsWith(prefix) && /^[.-].+\.ya?ml$/.test(other.slice(prefix.length));
    });
    if (layered) return 'layered-base';
  }
  return undefined;
}
