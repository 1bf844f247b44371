// Does a service run once and exit (an init container), or does it run until stopped? Compose cannot
// tell, but depends_on conditions only work when they match: a dependant waiting for
// service_completed_successfully on a service that never exits is never started.
import type { Service } from './service';
import type { Stack } from './stack';

/** Utilities that do their work and exit, as the first word of an init container's command. */
const ONE_SHOT_PROGRAMS = new Set([
  'chown', 'chmod', 'chgrp', 'mkdir', 'cp', 'mv', 'rm', 'ln', 'touch', 'echo', 'printf', 'true', 'false', 'tar',
  'install', 'setfacl', 'sed', 'cat', 'test', '[', 'find', 'wget', 'curl', 'envsubst', 'ls', 'id', 'stat', 'sleep',
  'cd', 'set', 'export', 'if', 'then', 'else', 'elif', 'fi', 'for', 'do', 'done', 'exit', 'unzip', 'gunzip', 'openssl',
]);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const FOREVER = /\bsleep\s+(infinity|inf)\b|\btail\s+-f\b|\bwhile\s+(true|:)\b/;

export type CommandShape = 'finite' | 'forever' | 'unknown';

/** Splits a string command the way compose does (shell words: quotes group, backslash escapes). */
export function shellWords(command: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) word += command[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + (c === '\\' && i + 1 < command.length ? command[++i] : c);
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

function words(command: string[] | string): string[] {
  return Array.isArray(command) ? command : shellWords(command);
}

function scriptShape(script: string): CommandShape {
  if (FOREVER.test(script)) return 'forever';
  const commands = script.split(/&&|\|\||;|\||\n/).map((c) => c.trim()).filter(Boolean);
  const known = commands.every((c) => ONE_SHOT_PROGRAMS.has(basename(c.split(/\s+/)[0])) || /^\w+=/.test(c));
  return known ? 'finite' : 'unknown';
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The last shape found per service, with the values it was found from (a merge replaces them, never edits them). */
const shapes = new WeakMap<Service, { entrypoint: Service['entrypoint']; command: Service['command']; shape: CommandShape }>();

/**
 * What the command (entrypoint + command) evidently does; `unknown` for servers and anything unsure.
 * Kept per service: checks ask once per dependency on it, and a service unchanged by an edit is reused.
 */
export function commandShape(service: Service): CommandShape {
  const known = shapes.get(service);
  if (known && known.entrypoint === service.entrypoint && known.command === service.command) return known.shape;
  const shape = shapeOf(service);
  shapes.set(service, { entrypoint: service.entrypoint, command: service.command, shape });
  return shape;
}

function shapeOf(service: Service): CommandShape {
  const argv = [...(service.entrypoint ? words(service.entrypoint.value) : []), ...(service.command ? words(service.command.value) : [])];
  if (argv.length === 0) return 'unknown';
  const program = basename(argv[0]);
  if (SHELLS.has(program)) {
    const c = argv.indexOf('-c');
    if (c < 0) return 'unknown';
    return scriptShape(argv.slice(c + 1).join(' '));
  }
  if (program === 'sleep') return /^(infinity|inf)$/.test(argv[1] ?? '') ? 'forever' : 'finite';
  if (program === 'tail' && argv.includes('-f')) return 'forever';
  return ONE_SHOT_PROGRAMS.has(program) ? scriptShape(argv.join(' ')) : 'unknown';
}

function restartPolicy(service: Service): string {
  return service.restart?.value.trim() || 'no';
}

function hasHealthcheck(service: Service): boolean {
  return service.healthcheck !== undefined && !service.healthcheck.value.disabled;
}

/** Services that someone in the stack awaits with service_completed_successfully. */
function awaitedForCompletion(stack: Stack, name: string): boolean {
  for (const other of stack.services.values()) {
    if (other.dependsOn.get(name)?.effectiveCondition === 'service_completed_successfully') return true;
  }
  return false;
}

export type LongRunningReason = 'restart' | 'healthcheck' | 'command';

/** Why a service does not exit by design, or undefined when it may well exit. */
export function longRunningReason(service: Service): LongRunningReason | undefined {
  if (/^(always|unless-stopped)$/.test(restartPolicy(service))) return 'restart';
  if (hasHealthcheck(service)) return 'healthcheck';
  if (commandShape(service) === 'forever') return 'command';
  return undefined;
}

/** A run-once service: it exits after its work, so dependants should wait for its completion. */
export function isRunOnce(stack: Stack, service: Service): boolean {
  if (longRunningReason(service)) return false;
  if (!/^(no|on-failure(:\d+)?)$/.test(restartPolicy(service)) || service.interactive) return false;
  return commandShape(service) === 'finite' || awaitedForCompletion(stack, service.name);
}

export { hasHealthcheck };
