import type { RuleMeta } from './rule.js';

/** What config loading and reporting need to know about the rules: their metadata. */
export interface RuleRegistry {
  get(id: string): RuleMeta | undefined;
  /** Every known rule id, sorted. */
  ids(): string[];
  /**
   * Rule ids that stand in for a peer tool's code: `DL3008`, `SC2086`,
   * `JSONArgsRecommended`. Empty when none does.
   */
  byCompatCode(code: string): string[];
}

export function createRegistry(metas: readonly RuleMeta[]): RuleRegistry {
  const byId = new Map<string, RuleMeta>();
  const byCode = new Map<string, string[]>();
  for (const meta of metas) {
    byId.set(meta.id, meta);
    for (const codes of Object.values(meta.compat ?? {})) {
      for (const code of codes ?? []) {
        const list = byCode.get(code) ?? [];
        list.push(meta.id);
        byCode.set(code, list);
      }
    }
  }
  const ids = [...byId.keys()].sort();
  return {
    get: (id) => byId.get(id),
    ids: () => ids,
    byCompatCode: (code) => byCode.get(code) ?? [],
  };
}
