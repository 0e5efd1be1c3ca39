/**
 * Bridges to peer tools: a rule whose work an external program does (it
 * declares `meta.bridge` and has no `check`). The engine runs each bridge
 * whose rule is in the run once per stack, before the rules, and adds its
 * findings to the files they are in, where suppressions apply to them like
 * to any other. A bridge batches over the whole run: when its rule is on for
 * a file of its kinds that the run reports on, the run is planned as one
 * stack. The loop knows no bridge by name; a new one is an entry here.
 */
import type { AnyRule } from '../core/rule.js';
import type { FileKind } from '../core/source.js';
import type { BridgeResult, BridgeRun } from './types.js';
import { runShellcheck } from './shellcheck.js';

interface Bridge {
  /** The kinds of file the bridge reads. */
  readonly kinds: readonly FileKind[];
  run(args: BridgeRun): Promise<BridgeResult>;
}

const BRIDGES: Readonly<Record<string, Bridge>> = {
  shellcheck: { kinds: ['shell', 'dockerfile'], run: runShellcheck },
};

/** The run's bridge rules, each with its bridge. */
export function bridgesOf(rules: readonly AnyRule[]): { rule: AnyRule; bridge: Bridge }[] {
  const out: { rule: AnyRule; bridge: Bridge }[] = [];
  for (const rule of rules) {
    const bridge = rule.meta.bridge !== undefined ? BRIDGES[rule.meta.bridge] : undefined;
    if (bridge) out.push({ rule, bridge });
  }
  return out;
}
