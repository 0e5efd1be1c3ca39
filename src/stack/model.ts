import type { ComposeDocument } from '../parse/compose/document.js';
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
  composeAt(path: string): ComposeDocument | undefined;
  dockerfileAt(path: string): DockerfileDocument | undefined;
}

export function createStackModel(parts: {
  composeFiles: ComposeDocument[];
  dockerfiles: DockerfileDocument[];
  scripts: ShellDocument[];
}): StackModel {
  const compose = new Map(parts.composeFiles.map((d) => [d.file.path, d]));
  const docker = new Map(parts.dockerfiles.map((d) => [d.file.path, d]));
  return {
    ...parts,
    composeAt: (p) => compose.get(p),
    dockerfileAt: (p) => docker.get(p),
  };
}
