import { defineRule, type DfStage, type DockerfileDocument, type TextEdit } from '../kit/index.js';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/stage-name-casing',
    kind: 'dockerfile',
    category: 'style',
    severity: 'warning',
    fix: 'safe',
    summary: 'The `AS` of a `FROM` matches the case of `FROM`, and stage names are lower-case',
    compat: { buildkit: ['StageNameCasing', 'FromAsCasing'] },
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    for (const stage of doc.stages) {
      const from = stage.from;
      const args = from.args;
      const asArg = args.length >= 3 && args.at(-2)!.value.toLowerCase() === 'as' ? args.at(-2)! : undefined;
      if (asArg) {
        const keyword = from.keywordText;
        const asText = ctx.file.text.slice(asArg.start, asArg.end);
        const want = keyword === keyword.toUpperCase() ? 'AS' : keyword === keyword.toLowerCase() ? 'as' : undefined;
        if (want && asText !== want) {
          ctx.report({
            node: asArg,
            message: `"${asText}" does not match the case of "${keyword}": write "${want}"`,
            fix: { description: `replace "${asText}" with "${want}"`, edits: [{ start: asArg.start, end: asArg.end, text: want }] },
          });
        }
      }
      if (!stage.nameSpan) continue;
      const written = ctx.file.text.slice(stage.nameSpan.start, stage.nameSpan.end);
      if (written === written.toLowerCase()) continue;
      const lower = written.toLowerCase();
      ctx.report({
        range: stage.nameSpan,
        message: `stage name "${written}" is not lower-case; BuildKit compares stage names in lower case, so write "${lower}"`,
        fix: { description: `rename the stage to "${lower}" here and where it is referenced`, edits: renameEdits(doc, stage, stage.nameSpan, lower) },
      });
    }
  },
});

/** Edits that write the stage's name in lower case at its declaration and at every reference to it. */
function renameEdits(doc: DockerfileDocument, stage: DfStage, nameSpan: { start: number; end: number }, lower: string): TextEdit[] {
  const text = doc.file.text;
  const edits: TextEdit[] = [{ start: nameSpan.start, end: nameSpan.end, text: lower }];
  const replace = (start: number, end: number) => {
    if (text.slice(start, end) !== lower) edits.push({ start, end, text: lower });
  };
  for (const later of doc.stages) {
    // FROM Builder (a later stage built on this one)
    if (later.parent === stage && later.imageSpan && later.image.toLowerCase() === lower) replace(later.imageSpan.start, later.imageSpan.end);
  }
  for (const ins of doc.instructions) {
    if (ins.start < stage.from.end) continue;
    const target = ins.trigger ?? ins;
    for (const flag of target.flags) {
      const name = flag.name.toLowerCase();
      if (name === 'from' && flag.value?.toLowerCase() === lower && flag.valueSpan) {
        // COPY --from=Builder
        replace(flag.valueSpan.start, flag.valueSpan.end);
      } else if (name === 'mount' && flag.value && flag.valueSpan) {
        // RUN --mount=type=bind,from=Builder,…
        const re = /(^|,)from=([^,]*)/gi;
        for (let m = re.exec(flag.value); m; m = re.exec(flag.value)) {
          if (m[2]!.toLowerCase() !== lower) continue;
          const start = flag.valueSpan.start + m.index + m[1]!.length + 'from='.length;
          if (text.slice(start, start + m[2]!.length) === m[2]) replace(start, start + m[2]!.length);
        }
      }
    }
  }
  return edits;
}
