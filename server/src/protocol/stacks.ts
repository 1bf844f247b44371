// The custom request the VS Code client uses to learn the workspace's stacks: the client draws the live
// tree from it and never parses compose files itself. Plain data, shared by both sides.

export const STACKS_REQUEST = 'stacklens/stacks';

export interface StackServiceInfo {
  name: string;
  /** Exits after its work by design (an init container): exit 0 means "completed", not "stopped". */
  runOnce: boolean;
  healthcheck: boolean;
  image?: string;
  /** Where the service is defined (the last file that defines it), 0-based as in LSP. */
  definition: { file: string; line: number; character: number };
  /** LogQL stream selector for the service's logs, from the labels the stack's log pipeline sets. */
  logSelector: string;
}

export interface StackInfo {
  name: string;
  /** The compose project name, as in the containers' com.docker.compose.project label. */
  projectName: string;
  projectDirectory: string;
  files: string[];
  /** `--env-file` files to pass to compose; empty when the stack uses the default `.env`. */
  envFiles: string[];
  services: StackServiceInfo[];
}
