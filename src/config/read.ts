/**
 * Reading a config file's text into data: YAML and JSON loaders whose errors
 * name the file, line and column. Shared by our own configs and the peers'.
 */
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError } from './errors.js';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** YAML loader naming file, line and column on a syntax error. */
export function loadYaml(file: string, content: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(stripBom(content), { lineCounter, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const { line, col } = lineCounter.linePos(err.pos[0]);
    throw new ConfigError(`invalid YAML: ${err.message}`, { file, line, column: col });
  }
  try {
    // A file of comments only is an empty config, like an empty file.
    return doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new ConfigError(`invalid YAML: ${(e as Error).message}`, { file });
  }
}

/** JSON loader naming file, line and column when the parser tells the position. */
export function loadJson(file: string, content: string): unknown {
  const text = stripBom(content);
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /\bat position (\d+)/.exec(message);
    const reason = `invalid JSON: ${message.replace(/\s*\bin JSON at position \d+.*$/s, '')}`;
    if (!at) throw new ConfigError(reason, { file });
    throw new ConfigError(reason, { file, ...lineAndColumn(text, Number(at[1])) });
  }
}
