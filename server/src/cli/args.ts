// The command line, parsed strictly: a typo in a flag is a usage error (exit 2), never a silent default.
import type { Severity } from '../core/diagnostic';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check';
  paths: string[];
  files: string[];
  envFiles: string[];
  projectDirectory?: string;
  format: OutputFormat;
  failLevel: Severity;
}

export type CliArgs = CheckArgs | { command: 'lsp' } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  stacklens check [PATH...] [-f FILE]... [--env-file FILE]... [--project-directory DIR]
                  [--format text|json|sarif] [--fail-level error|warning|information|hint]
  stacklens lsp --stdio
  stacklens --help | --version

check   Checks compose files, .env files and the other files StackLens knows. With -f, those files
        are one stack, as with docker compose; --env-file replaces the default .env. A directory PATH
        is scanned for every file kind StackLens knows. Without PATH or -f, the compose files of the
        current directory are checked, as docker compose would load them.
        Exit status: 0 clean, 1 something reached the fail level (default warning), 2 usage error.
lsp     Starts the language server over standard input/output for any LSP client.`;

const FORMATS: OutputFormat[] = ['text', 'json', 'sarif'];
const LEVELS: Severity[] = ['error', 'warning', 'information', 'hint'];

function oneOf<T extends string>(flag: string, value: string, allowed: T[]): T {
  if (!(allowed as string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'lsp') {
    const unknown = rest.filter((a) => a !== '--stdio');
    if (unknown.length) throw new UsageError(`lsp takes only --stdio, not ${unknown.join(' ')}`);
    return { command: 'lsp' };
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  const args: CheckArgs = { command: 'check', paths: [], files: [], envFiles: [], format: 'text', failLevel: 'warning' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      if (i + 1 >= rest.length) throw new UsageError(`${flag} needs a value`);
      return rest[++i];
    };
    switch (flag) {
      case '-f': case '--file': args.files.push(value()); break;
      case '--env-file': args.envFiles.push(value()); break;
      case '--project-directory': args.projectDirectory = value(); break;
      case '--format': args.format = oneOf(flag, value(), FORMATS); break;
      case '--fail-level': args.failLevel = oneOf(flag, value(), LEVELS); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        args.paths.push(arg);
    }
  }
  return args;
}
