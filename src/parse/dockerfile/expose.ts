import { instructionWords, type DfWord } from './words.js';
import type { DfInstruction } from './types.js';

export interface ExposedPort {
  readonly word: DfWord;
  /** The text before `/proto` (a port, a range, or an invalid `ip:host:container` form). */
  readonly port: string;
  /** `tcp`, `UDP`, … as written; undefined when none is given. */
  readonly protocol: string | undefined;
  /** File offsets of the protocol text (after the `/`). */
  readonly protocolSpan: { start: number; end: number } | undefined;
  /** The value holds a variable: nothing about it can be judged. */
  readonly dynamic: boolean;
}

/** The ports of an `EXPOSE` instruction (`80`, `8000-8010/udp`, `$PORT`). */
export function exposedPorts(ins: DfInstruction): ExposedPort[] {
  return instructionWords(ins).map((word) => {
    const slash = word.value.lastIndexOf('/');
    const port = slash < 0 ? word.value : word.value.slice(0, slash);
    const protocol = slash < 0 ? undefined : word.value.slice(slash + 1);
    // offsets of the protocol are exact when the word is written without quotes
    const rawSlash = word.raw.lastIndexOf('/');
    const protocolSpan =
      protocol !== undefined && !word.quoted && rawSlash >= 0 ? { start: word.start + rawSlash + 1, end: word.end } : undefined;
    return { word, port, protocol, protocolSpan, dynamic: word.value.includes('$') };
  });
}

/** The port numbers of `80` or `8000-8010`; undefined when the text is not one. */
export function portNumbers(port: string): number[] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!m) return undefined;
  return m[2] === undefined ? [Number(m[1])] : [Number(m[1]), Number(m[2])];
}
