import { attributesOf, stringLiteralValue } from '../../alloy/traverse';
import type { Service } from '../../compose/service';
import type { Check } from '../check';
import { quoteLike } from './stringLiterals';
import type { AlloyTarget } from './target';

const DOCKER_SOCKET = /^unix:\/\/\/(var\/)?run\/docker\.sock$/;
const PROXY_IMAGE = /(^|\/)(docker-socket-proxy|socket-proxy|docker-proxy|dockerproxy)(:|@|$)/;
const PROXY_NAME = /^(docker[-_]?)?socket[-_]?proxy$|^docker[-_]?proxy$/;

export const rawDockerSocket: Check<AlloyTarget> = {
  code: 'river/raw-docker-socket',
  severity: 'information',
  description: 'Alloy reads the Docker socket directly although the compose stack runs a socket proxy for that.',
  run(target, report) {
    const { file, model } = target;
    for (const node of model.nodes) {
      if (node.name !== 'discovery.docker' && node.name !== 'loki.source.docker') continue;
      const host = attributesOf(node.block.body).find((a) => a.name.name === 'host');
      const value = host && stringLiteralValue(host.value);
      if (!host || value === undefined || !DOCKER_SOCKET.test(value)) continue;
      const proxy = socketProxy(target);
      if (!proxy) continue;
      const url = `tcp://${proxy.name}:2375`;
      report({
        file,
        span: host.value.span,
        message: `${node.id} reads the Docker socket directly, but the stack runs the socket proxy "${proxy.name}": use host = "${url}" so Alloy gets only the read access the proxy allows.`,
        fixes: host.value.kind === 'literal'
          ? [{ title: `Use the socket proxy (${url})`, edits: [{ file, span: host.value.span, newText: quoteLike(host.value, url) }] }]
          : [],
      });
    }
  },
};

function socketProxy(target: AlloyTarget): Service | undefined {
  for (const stack of target.nearbyStacks()) {
    for (const service of stack.services.values()) {
      if (PROXY_NAME.test(service.name) || (service.image && PROXY_IMAGE.test(service.image.value))) return service;
    }
  }
  return undefined;
}
