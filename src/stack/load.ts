/**
 * The stack model's part of the parse stage: which paths the model will look
 * at beyond the run's files (build contexts, Dockerfiles, `.dockerignore`s,
 * compose files scripts name), read once, ahead of the rules.
 *
 * The engine calls it after building the compose projects and hands the
 * result to `createStackModel({ …, resources })`.
 */
import { createStackModel, type StackParts } from './model.js';
import { readResources, recordingResources, type LoadOptions, type StackResources } from './resources.js';

export async function loadStackResources(parts: Omit<StackParts, 'resources'>, options: LoadOptions): Promise<StackResources> {
  const recorder = recordingResources();
  const model = createStackModel({ ...parts, resources: recorder, cwd: options.cwd });
  for (const project of model.composeProjects) {
    for (const service of project.services) {
      model.serviceImage(service, project);
      model.serviceScripts(service, project);
    }
  }
  model.composeCalls();
  return readResources(recorder.asked, options);
}
