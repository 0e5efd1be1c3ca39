import type { AnyRule } from '../../src/engine/define.js';
import strictMode from './strict-mode.js';
import syntax from './syntax.js';

/** Every `shell/…` rule. */
export const shellRules: AnyRule[] = [syntax, strictMode];
