import type { AnyRule } from '../../src/engine/define.js';

/** Every `stack/…` rule. */
export const stackRules: AnyRule[] = [];
