// Runs a compose command for a stack as a task the user can read, with the stack's own -f, --env-file,
// --project-directory and -p, through the compose the user has (v2 `docker compose`, else v1).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { StackInfo } from '../../../server/src/protocol/stacks';
import { ComposeCommandError, composeArgv, detectCompose, type ComposeAction, type ComposeCli } from '../stacks/composeCommand';
import { requireTrust } from './commandTarget';

export const COMPOSE_TASK_TYPE = 'stacklens-compose';

let compose: ComposeCli | undefined;

/** `up -d obs/loki`: what the task is called in the terminal. */
export function taskLabel(stack: StackInfo, action: ComposeAction): string {
  const flags = action.verb === 'down' && action.volumes ? ' -v' : '';
  return `${action.verb}${flags} ${stack.name}${action.service ? `/${action.service}` : ''}`;
}

/** Resolves with the compose exit code when the task ends; undefined when it could not start. */
export async function runCompose(stack: StackInfo, action: ComposeAction): Promise<number | undefined> {
  if (!requireTrust('run docker compose')) return undefined;
  compose ??= await detectCompose();
  if (!compose) {
    void vscode.window.showErrorMessage(
      'StackLens: Docker Compose was not found: neither `docker compose version` (v2) nor `docker-compose version` (v1) worked. Install Docker Compose, or put it on the PATH VS Code starts with.',
    );
    return undefined;
  }
  let argv: string[];
  try {
    argv = composeArgv(compose, stack, action);
  } catch (error) {
    if (!(error instanceof ComposeCommandError)) throw error;
    void vscode.window.showErrorMessage(`StackLens: ${error.message}`);
    return undefined;
  }
  const id = randomUUID();
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(stack.projectDirectory));
  const task = new vscode.Task(
    { type: COMPOSE_TASK_TYPE, stack: stack.name, action: action.verb, service: action.service, id },
    folder ?? vscode.TaskScope.Workspace,
    taskLabel(stack, action),
    'StackLens',
    new vscode.ProcessExecution(argv[0], argv.slice(1), { cwd: stack.projectDirectory }),
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Shared, clear: true, showReuseMessage: false };
  // Listen before starting: a short command may end before executeTask resolves.
  return new Promise<number | undefined>((resolve, reject) => {
    const ended = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.definition.id !== id) return;
      ended.dispose();
      resolve(e.exitCode);
    });
    vscode.tasks.executeTask(task).then(undefined, (error) => {
      ended.dispose();
      reject(error);
    });
  });
}
