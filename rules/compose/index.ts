import type { AnyRule } from '../../src/engine/define.js';
import imagePinned from './image-pinned.js';
import syntax from './syntax.js';

/** Every `compose/…` rule. */
export const composeRules: AnyRule[] = [syntax, imagePinned];
