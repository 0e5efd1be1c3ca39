import type { RuleFamily, RuleMeta } from './rule.js';
import { SHELLCHECK_FAMILY } from './shellcheck-family.js';

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


/** The families every registry knows unless told otherwise. */
export const DEFAULT_FAMILIES: readonly RuleFamily[] = [SHELLCHECK_FAMILY];

export function createRegistry(metas: readonly RuleMeta[], families: readonly RuleFamily[] = DEFAULT_FAMILIES): RuleRegistry {
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
  const familyMeta = (id: string): RuleMeta | undefined => {
    for (const f of families) if (id.startsWith(f.prefix)) return f.meta(id);
    return undefined;
  };
  return {
    get: (id) => byId.get(id) ?? familyMeta(id),
    ids: () => ids,
    byCompatCode: (code) => {
      const declared = byCode.get(code);
      if (declared) return declared;
      for (const f of families) {
        const id = f.idForCode?.(code);
        if (id) return [id];
      }
      return [];
    },
  };
}
