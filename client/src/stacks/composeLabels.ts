// The labels Docker Compose (v1 and v2) puts on the containers it creates. Containers are matched to
// stacks and services by these, never by name: v1 names them `p_s_1`, v2 `p-s-1`.
import * as path from 'node:path';

export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  oneoff: 'com.docker.compose.oneoff',
  configFiles: 'com.docker.compose.project.config_files',
  workingDir: 'com.docker.compose.project.working_dir',
  containerNumber: 'com.docker.compose.container-number',
} as const;

export type Labels = Record<string, string> | null | undefined;

/** `docker compose run` containers: they carry the service label but are not the service's container. */
export function isOneOff(labels: Labels): boolean {
  return labels?.[LABEL.oneoff] === 'True';
}

export function containerNumber(labels: Labels): number {
  return Number(labels?.[LABEL.containerNumber] ?? 0) || 0;
}

/** The `-f` files compose recorded, comma-separated; v1 writes them as given, relative to working_dir. */
export function configFiles(labels: Labels): string[] {
  const dir = labels?.[LABEL.workingDir] ?? '';
  return (labels?.[LABEL.configFiles] ?? '')
    .split(',')
    .filter(Boolean)
    .map((f) => (dir && !isAbsolute(f) ? `${dir}/${f}` : f));
}

function isAbsolute(p: string): boolean {
  return path.posix.isAbsolute(p) || path.win32.isAbsolute(p);
}

/** Paths as compose writes them in labels: a Windows engine may use `C:\x` where we have `c:/x`. */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => {
    const slashed = p.replace(/\\/g, '/');
    const windows = /^[a-zA-Z]:\//.test(slashed);
    const n = (windows ? path.win32 : path.posix).normalize(slashed).replace(/\\/g, '/').replace(/\/+$/, '');
    return windows ? n.toLowerCase() : n;
  };
  return norm(a) === norm(b);
}
