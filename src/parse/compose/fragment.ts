/**
 * Whether a compose project can stand alone: a file meant as a layer on a
 * base (`docker compose -f base.yaml -f this.yaml`) names services without
 * an `image` or `build`, or volumes, networks, secrets and configs that only
 * the base declares. Such a file, linted alone, would give findings about
 * what the base provides.
 */
import { isMap, isScalar, isSeq, type YNode } from '../yaml/nodes.js';
import { namedEntries, splitVolume } from './nodes.js';
import type { ComposeProject } from './project.js';

/** Why the project cannot stand alone (empty when it can), one reason per kind, e.g. `service "web" has neither image nor build`. */
export function fragmentReasons(project: ComposeProject): string[] {
  const reasons: string[] = [];
  const declared = (section: string, name: string) => project.section(section)?.pair(name) !== undefined;
  const has = (n: YNode | undefined) => n !== undefined && !(isScalar(n) && n.value === null);
  for (const service of project.services) {
    if (!has(service.get('image')) && !has(service.get('build')) && !has(service.get('provider'))) {
      reasons.push(`service "${service.name}" has neither image nor build`);
    }
    const used: [string, string][] = [];
    for (const n of namedEntries(service.get('networks'))) used.push(['networks', n.name]);
    const volumes = service.get('volumes');
    if (isSeq(volumes)) {
      for (const v of volumes.items) {
        const source = isMap(v) ? project.valueOf(v.get('type')) === 'volume' ? project.valueOf(v.get('source')) : undefined : splitVolume(project.valueOf(v) ?? '').source;
        if (source && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(source)) used.push(['volumes', source]);
      }
    }
    for (const section of ['secrets', 'configs'] as const) {
      const list = service.get(section);
      if (isSeq(list)) for (const item of list.items) {
        const name = isMap(item) ? project.valueOf(item.get('source')) : project.valueOf(item);
        if (name) used.push([section, name]);
      }
    }
    for (const [section, name] of used) {
      if (section === 'networks' && name === 'default') continue;
      if (!declared(section, name)) reasons.push(`service "${service.name}" uses ${section.slice(0, -1)} "${name}", which it does not declare`);
    }
  }
  return [...new Set(reasons)];
}
