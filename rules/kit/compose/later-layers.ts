/**
 * Services a later file of a layered project brings in: the base file does
 * not define them, an override or environment file does. Both
 * stack/layered-environments (which reports such a service when it cannot
 * run) and compose/build-or-image (which leaves it to that rule) ask this,
 * so that they agree on what it covers.
 */
import type { ComposeProject, ProjectService, ServiceDefinition } from '../../../src/parse/compose/project.js';

/**
 * The definition, in the earliest file that writes the service, when that is
 * not the project's first file. Undefined for a service of the first file,
 * one of a one-file project, one pulled in by `include`, and one that
 * `extends` another (what it inherits is that other service's business).
 */
export function addedByLaterFile(project: ComposeProject, service: ProjectService): ServiceDefinition | undefined {
  if (project.files.length < 2 || service.includedBy || service.definitions.some((d) => d.via === 'extends')) return undefined;
  let first: ServiceDefinition | undefined;
  let firstLayer = Infinity;
  for (const d of service.definitions) {
    const layer = project.layerOf(d.keyNode);
    if (layer >= 0 && layer < firstLayer) [first, firstLayer] = [d, layer];
  }
  return firstLayer > 0 ? first : undefined;
}
