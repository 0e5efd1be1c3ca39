import type { ComposeDocument } from '../parse/compose/document.js';
import type { ComposeProject } from '../parse/compose/project.js';
import type { DockerfileDocument } from '../parse/dockerfile/types.js';
import type { ShellDocument } from '../parse/shell/types.js';

/**
 * Every parsed file of a run, so rules can look across files. Rules never read
 * the file system; whatever they may need from other files is here.
 */
export interface StackModel {
  readonly composeFiles: readonly ComposeDocument[];
  readonly dockerfiles: readonly DockerfileDocument[];
  readonly scripts: readonly ShellDocument[];
  /**
   * The Compose projects the linted compose files form: layered environments
   * (`compose.yaml` + `compose.override.yaml`, + `compose.<env>.yaml`), the
   * projects `settings.composeProjects` declares, and single files.
   */
  readonly composeProjects: readonly ComposeProject[];
  composeAt(path: string): ComposeDocument | undefined;
  dockerfileAt(path: string): DockerfileDocument | undefined;
  /** The project a linted compose file is checked in (its `ctx.project`). */
  composeProjectOf(path: string): ComposeProject | undefined;
}

export function createStackModel(parts: {
  composeFiles: ComposeDocument[];
  dockerfiles: DockerfileDocument[];
  scripts: ShellDocument[];
  composeProjects?: readonly ComposeProject[];
  composeProjectOf?: (path: string) => ComposeProject | undefined;
}): StackModel {
  const compose = new Map(parts.composeFiles.map((d) => [d.file.path, d]));
  const docker = new Map(parts.dockerfiles.map((d) => [d.file.path, d]));
  const { composeProjectOf, ...rest } = parts;
  return {
    ...rest,
    composeProjects: parts.composeProjects ?? [],
    composeAt: (p) => compose.get(p),
    dockerfileAt: (p) => docker.get(p),
    composeProjectOf: (p) => composeProjectOf?.(p),
  };
}
