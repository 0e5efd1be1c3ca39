/**
 * Env file templates: committed files that list the variables a project
 * needs, with placeholder values, for users to copy (`.env.example`,
 * `env.example`, `example.env`, `.env.sample`, `.env.dist`, `prod.env.example`,
 * `defaults.env` …). They declare variables for interpolation; their values
 * are placeholders, never real secrets.
 */
import path from 'node:path';

const TEMPLATE = /^(?:\.?env\.(?:example|sample|dist|template|defaults?|tmpl)|(?:example|sample|defaults?|template)\.env|.+\.env\.(?:example|sample|dist|template|tmpl)|\.env\..+\.(?:example|sample|dist|template))$/i;

/** Whether a file name is an env template's. */
export function isEnvTemplate(file: string): boolean {
  return TEMPLATE.test(path.basename(file));
}

const COMPOSE_TEMPLATE = /[.-](?:example|sample|dist|template|tmpl)(?:\.ya?ml)?$/i;

/**
 * Whether a compose file's name says it is a template users copy and adapt
 * (`docker-compose.override.example.yml`, `compose.override.yaml.sample`):
 * the files it names (env files) are made with the copy.
 */
export function isComposeTemplate(file: string): boolean {
  return COMPOSE_TEMPLATE.test(path.basename(file));
}
