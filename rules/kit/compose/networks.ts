/** Which networks a service is attached to, and whether they are internal. */
import type { ComposeService } from '../../../src/parse/compose/document.js';
import { isMap, isSeq } from '../../../src/parse/yaml/nodes.js';
import { boolOf, certainValue, scalarList, type ComposeView } from '../../../src/parse/compose/values.js';

/** Network names the service joins (`default` when it names none); undefined when `network_mode` replaces networking. */
export function networksOf(view: ComposeView, service: ComposeService): string[] | undefined {
  if (service.get('network_mode') !== undefined) return undefined;
  const n = service.get('networks');
  if (isMap(n)) return n.pairs.map((p) => p.key);
  if (isSeq(n)) return scalarList(n).map((s) => certainValue(view, s) ?? String(s.value));
  return ['default'];
}

/** The top-level network is declared `internal: true`. */
export function isInternalNetwork(view: ComposeView, name: string): boolean {
  const def = view.section('networks')?.get(name);
  return isMap(def) && boolOf(view, def.get('internal')) === true;
}
