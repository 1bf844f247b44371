// `stacklens/stacks`: the workspace's stacks for the client's live tree, from the same stack model the
// diagnostics use.
import * as path from 'node:path';
import type { Stack } from '../core/compose/stack';
import { workspaceStacks } from '../core/compose/workspaceStacks';
import { isRunOnce, hasHealthcheck } from '../core/compose/lifecycle';
import { dockerLabelMapping, logSelectorFor, type DockerLabelMapping } from '../core/logs/logSelector';
import { LineIndex } from '../core/text/lineIndex';
import type { FileSource } from '../core/workspace/fileSource';
import { STACKS_REQUEST, type StackInfo } from '../protocol/stacks';
import type { ServerContext } from './server';

/** Alloy and Promtail files in the project directory and its direct subdirectories. */
function pipelineMapping(stack: Stack, source: FileSource): DockerLabelMapping {
  const files: { kind: 'alloy' | 'promtail'; text: string }[] = [];
  const dirs = [stack.projectDirectory, ...(source.listDir(stack.projectDirectory) ?? []).map((n) => path.join(stack.projectDirectory, n))];
  for (const dir of dirs) {
    for (const name of source.listDir(dir) ?? []) {
      const kind = name.endsWith('.alloy') ? 'alloy' : /promtail.*\.ya?ml$/.test(name) ? 'promtail' : undefined;
      const text = kind && source.readFile(path.join(dir, name));
      if (kind && text !== undefined) files.push({ kind, text });
    }
  }
  return dockerLabelMapping(files);
}

export function stackInfo(stack: Stack, source: FileSource): StackInfo {
  const mapping = pipelineMapping(stack, source);
  return {
    name: stack.name,
    projectName: stack.projectName,
    projectDirectory: stack.projectDirectory,
    files: stack.files.map((f) => f.path),
    envFiles: stack.definition.envFiles ?? [],
    services: [...stack.services.values()].map((service) => {
      const last = service.definitions[service.definitions.length - 1];
      const start = last.pair.key?.range?.[0] ?? 0;
      const position = LineIndex.of(last.file.text).positionAt(start);
      return {
        name: service.name,
        runOnce: isRunOnce(stack, service),
        healthcheck: hasHealthcheck(service),
        image: service.image?.value,
        definition: { file: last.file.path, ...position },
        logSelector: logSelectorFor(mapping, stack.projectName, service.name),
      };
    }),
  };
}

export function registerStacks(context: ServerContext): void {
  context.connection.onRequest(STACKS_REQUEST, () => {
    const analyzer = context.analyzer();
    const definitions = workspaceStacks(context.roots(), context.configuredStacks(), process.env, analyzer.source);
    return definitions.map((d) => stackInfo(analyzer.loadStack(d), analyzer.source));
  });
}
