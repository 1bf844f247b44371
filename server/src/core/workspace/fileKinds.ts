// Which language a file is, by its name first and its content where names are not enough.
import * as path from 'node:path';
import { observabilityKind, type ObservabilityKind } from '../observability/configKind';

export type FileKind = 'compose' | 'dotenv' | 'alloy' | ObservabilityKind;

const COMPOSE_NAME = /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/;
const DOTENV_NAME = /^\.env(\.[\w.-]+)?$|^[\w.-]+\.env$/;
// A top-level `services:` holding a mapping: CI files (Travis, GitLab, Drone) have `services:` lists.
const TOP_LEVEL_SERVICES = /^services:[ \t]*(?:\{|(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*[ \t]+[^\s#-][^\n]*:)/m;

export function isDotenvFileName(file: string): boolean {
  return DOTENV_NAME.test(path.basename(file));
}

/** Folders no StackLens scan descends into: dependencies, build output, VCS and tool caches. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out', 'vendor', '.vscode-test', '.ci-cache', 'test-artifacts']);

export function isComposeFileName(file: string): boolean {
  return COMPOSE_NAME.test(path.basename(file));
}

export function fileKind(file: string, text?: string): FileKind | undefined {
  const name = path.basename(file);
  if (COMPOSE_NAME.test(name)) return 'compose';
  if (DOTENV_NAME.test(name)) return 'dotenv';
  if (name.endsWith('.alloy')) return 'alloy';
  if (/\.ya?ml$/.test(name) && text !== undefined && TOP_LEVEL_SERVICES.test(text)) return 'compose';
  // Dashboards, Prometheus, Promtail and Loki configurations only by content.
  if (text !== undefined) return observabilityKind(name, text);
  return undefined;
}
