import path from 'node:path';
import {
  addedByLaterFile,
  defineRule,
  didYouMean,
  isScalar,
  type ComposeCall,
  type ComposeProject,
  type ReportDescriptor,
  type StackModel,
  type YNode,
} from '../kit/index.js';

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/layered-environments',
    kind: 'stack',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'An override file configures only services its base files define (or adds complete ones)',
  },
  parts: [
    {
      // Each environment, except one found by file names that no script layers that way.
      scope: 'environment',
      check(ctx) {
        if (layeredAsScriptsDo(ctx.stack, ctx.project)) overridesOfMissing(ctx.project, ctx.report);
      },
    },
    {
      // The projects scripts layer themselves, each once.
      check(ctx) {
        const seen = new Set<ComposeProject>();
        for (const call of scriptedLayers(ctx.stack).scripted) {
          if (seen.has(call.project!)) continue;
          seen.add(call.project!);
          overridesOfMissing(call.project!, ctx.report);
        }
      },
    },
  ],
});

/**
 * The files scripts layer with `-f a -f b` (base + test + ci…) form projects of their own, and say
 * how a file is really layered: an environment found by file names that no script runs is not checked.
 */
function layeredAsScriptsDo(stack: StackModel, project: ComposeProject): boolean {
  if (project.declared) return true;
  const paths = project.files.map((f) => f.file.path);
  const before = scriptedLayers(stack).layeredBy.get(paths.at(-1)!);
  return !before || before.has(paths.slice(0, -1).join('\u0000'));
}

const layersOf = new WeakMap<StackModel, { scripted: ComposeCall[]; layeredBy: Map<string, Set<string>> }>();

/** The compose calls of scripts that layer files, and for each file the files they put before it. */
function scriptedLayers(stack: StackModel): { scripted: ComposeCall[]; layeredBy: Map<string, Set<string>> } {
  const known = layersOf.get(stack);
  if (known) return known;
  const scripted = stack.composeCalls().filter((c) => c.project && !c.partial && c.files.length > 1);
  const layeredBy = new Map<string, Set<string>>(); // file → the files scripts put before it
  for (const call of scripted) {
    const paths = call.project!.files.map((f) => f.file.path);
    paths.forEach((p, i) => i > 0 && (layeredBy.get(p) ?? layeredBy.set(p, new Set()).get(p)!).add(paths.slice(0, i).join('\u0000')));
  }
  const out = { scripted, layeredBy };
  layersOf.set(stack, out);
  return out;
}

const present = (n: YNode | undefined): boolean => n !== undefined && !(isScalar(n) && n.value === null);

/**
 * Services a later file configures that no earlier file defines and that get
 * no `image`, `build` or `extends` of their own: on its own such a block
 * cannot run, so it is most likely a misspelt or removed service of the base.
 */
function overridesOfMissing(project: ComposeProject, report: (d: ReportDescriptor) => void): void {
  if (project.files.length < 2 || project.partial) return;
  for (const service of project.services) {
    const def = addedByLaterFile(project, service);
    if (!def) continue;
    if (present(service.get('image')) || present(service.get('build')) || present(service.get('provider'))) continue;
    const earlier = project.files.slice(0, project.layerOf(def.keyNode));
    const names = new Set(earlier.flatMap((d) => d.services.map((s) => s.name)));
    const files = earlier.map((d) => path.basename(d.file.path)).join(' + ');
    report({
      node: def.keyNode,
      message: `${path.basename(def.doc.file.path)} configures service "${service.name}", which ${files} ${earlier.length > 1 ? 'do' : 'does'} not define, and gives it no image or build of its own${didYouMean(service.name, names)}`,
    });
  }
}
