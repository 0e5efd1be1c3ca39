import { type AnyRule } from '../kit/index.js';
import buildRefs from './build-refs.js';
import exposedPorts from './exposed-ports.js';
import gpuImage from './gpu-image.js';
import healthcheckTool from './healthcheck-tool.js';
import layeredEnvironments from './layered-environments.js';
import rootUserOverride from './root-user-override.js';
import scriptComposeRefs from './script-compose-refs.js';
import scriptScaleConflicts from './script-scale-conflicts.js';
import unreadServiceVariable from './unread-service-variable.js';

/** Every `stack/…` rule. */
export const stackRules: AnyRule[] = [buildRefs, exposedPorts, gpuImage, healthcheckTool, layeredEnvironments, rootUserOverride, scriptComposeRefs, scriptScaleConflicts, unreadServiceVariable];
