// Which language a file is, by its name first and its content where names are not enough.
import * as path from 'node:path';
import { observabilityKind, type ObservabilityKind } from '../observability/configKind';
import { isComposeFileName, isDotenvFileName } from './fileNames';

export type FileKind = 'compose' | 'dotenv' | 'alloy' | ObservabilityKind;

// A top-level `services:` holding a mapping: CI files (Travis, GitLab, Drone) have `services:` lists.
const TOP_LEVEL_SERVICES = /^services:[ \t]*(?:\{|(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*[ \t]+[^\s#-][^\n]*:)/m;

export function fileKind(file: string, text?: string): FileKind | undefined {
  const name = path.basename(file);
  if (isComposeFileName(name)) return 'compose';
  if (isDotenvFileName(name)) return 'dotenv';
  if (name.endsWith('.alloy')) return 'alloy';
  if (/\.ya?ml$/.test(name) && text !== undefined && TOP_LEVEL_SERVICES.test(text)) return 'compose';
  // Dashboards, Prometheus, Promtail and Loki configurations only by content.
  if (text !== undefined) return observabilityKind(name, text);
  return undefined;
}
