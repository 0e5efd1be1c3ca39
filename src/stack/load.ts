/**
 * The stack model's part of the parse stage: which paths the model will look
 * at beyond the run's files (build contexts, Dockerfiles, `.dockerignore`s,
 * compose files scripts name), read once, ahead of the rules.
 *
 * The engine calls it after building the compose projects; rules get the
 * model it hands back.
 */
import type { ComposeProject } from '../parse/compose/project.js';
import { createStackModel, type StackModel, type StackParts } from './model.js';
import { getShellParser } from '../parse/shell/tree-sitter.js';
import { NO_RESOURCES, readResources, recordingResources, type LoadOptions, type StackResources } from './resources.js';

/**
 * Passes of the model: the first asks with nothing known; an answer can raise
 * new questions (a `Containerfile` found in place of a `Dockerfile` has its own
 * `.dockerignore`; a `cd` into a folder that turns out missing moves where a
 * script's `-f` files are looked for), so the model is asked again with what
 * was read until it asks nothing new. Bounded: what is still unread stays unknown.
 */
const MAX_PASSES = 3;

export interface LoadedStack {
  /** The model, its answers read ahead: rules ask it and never wait on the disk. */
  readonly model: StackModel;
  /** What was read (`consulted` lists the paths, for the cache key). */
  readonly resources: StackResources;
}

/**
 * Reads what the stack's model will look at, and builds the model on it. The
 * model of the pass that asked nothing new already has every answer (and has
 * worked out every service's image and scripts while being asked): it is the
 * one handed back, not built a third time.
 */
export async function loadStack(parts: Omit<StackParts, 'resources'>, options: LoadOptions): Promise<LoadedStack> {
  const asked = { stat: new Set<string>(), text: new Set<string>(), dockerfile: new Set<string>() };
  let resources: StackResources = NO_RESOURCES;
  // A `dockerfile_inline` is parsed while the model runs, which cannot wait: have the shell parser ready for its RUN lines.
  if (parts.composeFiles.some((d) => d.file.text.includes('dockerfile_inline'))) await getShellParser();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const recorder = recordingResources(resources);
    const model = createStackModel({ ...parts, resources: recorder, cwd: options.cwd, ...(options.root ? { root: options.root } : {}) });
    askEverything(model);
    let added = false;
    for (const kind of ['stat', 'text', 'dockerfile'] as const) {
      for (const p of recorder.asked[kind]) {
        if (asked[kind].has(p)) continue;
        asked[kind].add(p);
        added = true;
      }
    }
    if (!added) return { model, resources };
    resources = await readResources(asked, options);
  }
  return { model: createStackModel({ ...parts, resources, cwd: options.cwd, ...(options.root ? { root: options.root } : {}) }), resources };
}

/** Asks the model every question a rule may ask of it, so the recorder sees every path. */
function askEverything(model: StackModel): void {
  const projects = new Set<ComposeProject>();
  const add = (p: ComposeProject | undefined): void => {
    if (!p || projects.has(p)) return;
    projects.add(p);
    p.group.forEach(add);
    p.included.forEach(add);
  };
  model.composeProjects.forEach(add);
  for (const call of model.composeCalls()) add(call.project);
  for (const project of projects) {
    for (const service of project.services) {
      model.serviceImage(service, project);
      model.serviceScripts(service, project);
    }
  }
  for (const d of model.dockerfiles) model.buildContextsOf(d.file.path);
}
