import {
  defineRule,
  isMap,
  isOverride,
  isReset,
  isScalar,
  isSeq,
  locate,
  mountsOf,
  portKey,
  svc,
  volumeTarget,
  type ComposeProject,
  type MountSpec,
  type ProjectService,
  type YNode,
  type YSeq,
} from '../kit/index.js';

/** The lists compose merges entry by entry, so a later file can add to them or change an entry, never drop one. */
const LISTS = ['volumes', 'ports'] as const;
type ListKey = (typeof LISTS)[number];

/** One entry of a list as the merge sees it: its unique key and what it says in full. */
interface Entry {
  readonly node: YNode;
  /** What compose merges it by: the container path (volumes), `ip:published:target/proto` (ports). */
  readonly key: string;
  /** The whole entry, normalised: two entries alike here are the same entry written twice. */
  readonly spec: string;
  readonly label: string;
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/merge-list-removal',
    kind: 'compose',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'A later compose file does not try to remove `volumes` or `ports` entries by listing the others again or writing an empty list',
    scope: 'environment',
  },
  check(ctx) {
    const { project, report } = ctx;
    for (const service of project.services) {
      for (const key of LISTS) {
        for (const finding of unremovedEntries(project, service, key)) {
          const { list, keyNode, survivors } = finding;
          const named = survivors.map((e) => `"${e.label}" (${locate(e.node, keyNode)})`).join(', ');
          const empty = list.items.length === 0;
          const tag = empty ? '!reset []' : '!override';
          report({
            node: keyNode,
            message: `${svc(service.name)}: ${empty ? `"${key}: []"` : `this ${key} list`} cannot remove entries: compose merges it into the earlier files' list ${key === 'volumes' ? 'by container path' : 'by mapping'}, so ${named} ${survivors.length === 1 ? 'is' : 'are'} still ${key === 'volumes' ? 'mounted' : 'published'}; write "${key}: ${tag}" to replace the list (Compose 2.24.4 or later)`,
            suggestions: [{ description: `tag the list ${tag}`, edits: [tagEdit(keyNode, empty)] }],
          });
        }
      }
    }
  },
});

interface Finding {
  readonly list: YSeq;
  readonly keyNode: YNode;
  readonly survivors: readonly Entry[];
}

/**
 * Walks a service's definitions in merge order, keeping the entries the merge
 * has so far, and returns each later list that looks meant to replace them
 * (it is empty, or it restates them word for word starting with the first,
 * as a copy of the list with lines deleted does, which only makes sense to
 * someone who expects the list to replace the earlier one) while earlier
 * entries it leaves out survive the merge.
 */
function unremovedEntries(project: ComposeProject, service: ProjectService, key: ListKey): Finding[] {
  const out: Finding[] = [];
  let merged: Entry[] = [];
  for (const def of service.definitions) {
    const pair = def.node.pair(key);
    if (!pair) continue;
    const value = pair.value;
    if (isReset(value)) {
      merged = [];
      continue;
    }
    if (!isSeq(value)) continue;
    const own = entriesOf(project, key, value);
    if (isOverride(value) || merged.length === 0) {
      merged = own;
      continue;
    }
    const keys = new Set(own.map((e) => e.key));
    const survivors = merged.filter((e) => !keys.has(e.key));
    // A copy of the earlier list with lines deleted keeps its first entry; a list that leaves that one out and
    // restates a later one names an entry it sets itself (a TLS override naming its TLS port), not a replacement.
    const specs = new Set(merged.map((e) => e.spec));
    const restates = own.some((e) => specs.has(e.spec)) && own.some((e) => e.spec === merged[0]!.spec);
    const laterFile = def.via === 'file' && project.layerOf(def.keyNode) > 0;
    if (laterFile && survivors.length > 0 && (value.items.length === 0 || restates)) out.push({ list: value, keyNode: pair.keyNode, survivors });
    merged = [...merged.filter((e) => !keys.has(e.key)), ...own];
  }
  return out;
}

function entriesOf(project: ComposeProject, key: ListKey, list: YSeq): Entry[] {
  if (key === 'ports') {
    return list.items.flatMap((node) => {
      const k = portKey(node, project.valueOf);
      if (k === undefined) return [];
      return [{ node, key: k, spec: k, label: isScalar(node) ? String(project.valueOf(node)) : portLabel(project, node) }];
    });
  }
  return mountsOf(project, { get: () => list }).flatMap((m) => {
    const target = m.target ?? volumeTarget(m.node, project.valueOf);
    if (target === undefined) return [];
    return [{ node: m.node, key: target, spec: mountSpec(m, target), label: m.text ?? `${m.source ? `${m.source}:` : ''}${target}${m.readOnly ? ':ro' : ''}` }];
  });
}

function mountSpec(m: MountSpec, target: string): string {
  return [m.kind, m.source ?? '', target, m.readOnly ? 'ro' : 'rw'].join('\u0000');
}

function portLabel(project: ComposeProject, node: YNode): string {
  if (!isMap(node)) return '';
  const published = project.valueOf(node.get('published'));
  const target = project.valueOf(node.get('target')) ?? '';
  return published ? `${published}:${target}` : target;
}

/** `volumes: [a]` becoming `volumes: !override [a]`, `volumes: []` becoming `volumes: !reset []`: the tag goes right after the key's colon. */
function tagEdit(keyNode: YNode, empty: boolean): { start: number; end: number; text: string } {
  const colon = keyNode.file.text.indexOf(':', keyNode.end);
  return { start: colon + 1, end: colon + 1, text: empty ? ' !reset' : ' !override' };
}
