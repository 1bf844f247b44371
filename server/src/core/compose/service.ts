// A service as compose sees it after merging every file of the stack; each value remembers where it was written.
import type { Pair, Scalar } from 'yaml';
import type { Span } from '../diagnostic';
import type { ComposeFile } from './composeFile';

export interface Located<T> {
  value: T;
  file: string;
  span: Span;
}

export type DependsOnCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';
export const DEPENDS_ON_CONDITIONS: DependsOnCondition[] = ['service_started', 'service_healthy', 'service_completed_successfully'];

export interface DependsOn {
  service: string;
  file: string;
  /** The dependency's name: a list item in the short form, a mapping key in the long form. */
  serviceSpan: Span;
  form: 'short' | 'long';
  /** The condition as written; undefined when implied (short form, or long form without `condition`). */
  condition?: Located<string>;
  effectiveCondition: string;
  required: boolean;
}

export type ReferenceKind = 'depends_on' | 'links' | 'extends' | 'network_mode' | 'volumes_from';

/** A place where one service names another. */
export interface ServiceReference {
  kind: ReferenceKind;
  service: string;
  file: string;
  span: Span;
}

export interface Healthcheck {
  disabled: boolean;
}

export interface Service {
  name: string;
  /** Every file's definition, in the order the files were given. */
  definitions: { file: ComposeFile; pair: Pair<Scalar, unknown> }[];
  image?: Located<string>;
  /** Absolute path of the Dockerfile the service builds from. */
  dockerfile?: Located<string>;
  restart?: Located<string>;
  healthcheck?: Located<Healthcheck>;
  command?: Located<string[] | string>;
  entrypoint?: Located<string[] | string>;
  user?: Located<string>;
  /** `stdin_open` or `tty`: a shell or `cat` kept alive, not a command that finishes. */
  interactive?: boolean;
  /** The service builds its image; `image:` then only names the build's tag. */
  builds?: boolean;
  /** Services whose image the build uses (`additional_contexts: service:NAME`). */
  buildsFrom: Set<string>;
  loggingDriver?: Located<string>;
  volumes: Located<string>[];
  dependsOn: Map<string, DependsOn>;
  references: ServiceReference[];
}

export function emptyService(name: string): Service {
  return { name, definitions: [], volumes: [], dependsOn: new Map(), references: [], buildsFrom: new Set() };
}
