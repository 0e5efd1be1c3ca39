/**
 * The check dnf-hygiene and yum-hygiene share: RPM package managers run
 * without `-y` wait for a confirmation a build cannot give, and an install
 * leaves metadata and packages in the layer unless the same `RUN` ends with
 * `<manager> clean all`, removes the cache, or mounts it as a cache.
 */
import type { DockerfileContext } from './define.js';
import { packageCommands, runInstructions, type PackageCommand } from '../../src/parse/dockerfile/packages.js';
import { mountsCacheOn, removesPath } from '../../src/parse/dockerfile/run-commands.js';

export interface RpmManagers {
  /** The managers a rule looks at (`dnf` and `microdnf`, or `yum`). */
  readonly managers: readonly string[];
  /** Those that ask before installing (microdnf never does). */
  readonly prompting: readonly string[];
  /** Cache folders whose removal or cache mount counts as cleaning. */
  readonly cache: readonly string[];
  /** hadolint's codes for a missing `-y` and for a cache left behind. */
  readonly codes: { readonly prompt: string; readonly cache: string };
}

const prompts = (p: PackageCommand): boolean => p.action === 'install' || p.action === 'remove' || p.action === 'upgrade';
const cleansAll = (p: PackageCommand): boolean => p.action === 'clean' && p.view.args.some((a) => a.value === 'all');

export function checkRpmHygiene(ctx: DockerfileContext, { managers, prompting, cache, codes }: RpmManagers): void {
  for (const view of runInstructions(ctx.dockerfile)) {
    const found = packageCommands(view.commands).filter((p) => managers.includes(p.manager));
    for (const p of found) {
      if (!prompting.includes(p.manager) || !prompts(p) || !p.subcommandWord || p.hasFlag('-y', '--assumeyes')) continue;
      ctx.report({
        node: p.subcommandWord,
        compat: codes.prompt,
        message: `${p.manager} ${p.subcommand} without -y waits for a confirmation no one can give during a build`,
        fix: { description: 'add -y', edits: [{ start: p.subcommandWord.end, end: p.subcommandWord.end, text: ' -y' }] },
      });
    }
    const install = found.filter((p) => p.action === 'install').at(-1);
    if (!install) continue;
    if (found.some((p) => cleansAll(p) && p.command.start > install.command.start)) continue;
    if (removesPath(view.commands, ...cache) || mountsCacheOn(view, [...cache])) continue;
    ctx.report({
      node: install.toolWord,
      compat: codes.cache,
      message: `${install.manager} install leaves its metadata and package cache in the layer; end the RUN with && ${install.manager} clean all (or mount ${cache[0]} as a cache)`,
    });
  }
}
