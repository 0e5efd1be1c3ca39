import type { AnyRule } from '../../src/engine/define.js';
import pinnedBaseImage from './pinned-base-image.js';
import syntax from './syntax.js';

/** Every `dockerfile/…` rule. */
export const dockerfileRules: AnyRule[] = [syntax, pinnedBaseImage];
