/**
 * Generates the ahead-of-time compose schema validator that `npm run build`
 * puts in place of `compile.ts`: ajv standalone code exporting `validator()`.
 */
import standaloneCode from 'ajv/dist/standalone/index.js';
import { composeSpec, createComposeAjv } from './spec.js';

export function standaloneValidatorModule(): string {
  const ajv = createComposeAjv({ source: true, esm: true });
  const validate = ajv.compile(composeSpec());
  const generate = ((standaloneCode as unknown as { default?: unknown }).default ?? standaloneCode) as (a: typeof ajv, v: typeof validate) => string;
  const code = generate(ajv, validate).replace(/require\("ajv\/dist\/runtime\/equal"\)\.default/g, '__ajvEqual');
  return `import __ajvEqualModule from 'ajv/dist/runtime/equal.js';\nconst __ajvEqual = __ajvEqualModule.default ?? __ajvEqualModule;\n${code}\nexport function validator() { return validate; }\n`;
}
