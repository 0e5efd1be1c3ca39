import type { DfStage, DockerfileDocument } from './types.js';

const WINDOWS_IMAGE = /(^|[/:_-])(windows|servercore|windowsservercore|nanoserver|ltsc\d{4})([/:_.-]|$)/i;
const WINDOWS_SHELL = /^\s*\[\s*"(?:[^"]*[\\/])?(powershell|pwsh|cmd)(\.exe)?"/i;

/**
 * A stage that builds a Windows image: the file uses the backtick escape, the
 * base image is a Windows one (`servercore`, `nanoserver`, `…:ltsc2022`), or
 * the stage's `SHELL` is PowerShell or cmd.
 */
export function isWindowsStage(doc: DockerfileDocument, stage: DfStage): boolean {
  if (doc.escapeChar === '`') return true;
  for (let s: DfStage | undefined = stage; s; s = s.parent) {
    if (!s.parent && WINDOWS_IMAGE.test(s.resolvedImage)) return true;
    if (s.instructions.some((i) => i.keyword === 'SHELL' && WINDOWS_SHELL.test(i.argsText))) return true;
  }
  return false;
}
