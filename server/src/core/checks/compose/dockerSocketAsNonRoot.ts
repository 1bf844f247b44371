import type { Check } from '../check';
import type { ComposeTarget } from './target';

const SOCKET = /^(\/var)?\/run\/docker\.sock(:|$)/;

export const dockerSocketAsNonRoot: Check<ComposeTarget> = {
  code: 'compose/docker-socket-non-root',
  severity: 'information',
  description: 'The Docker socket mounted into a container that runs as a non-root user.',
  run({ stack }, report) {
    for (const service of stack.services.values()) {
      const user = service.user?.value.trim();
      if (!user || /^(0|root)(:|$)/.test(user)) continue;
      for (const volume of service.volumes.filter((v) => SOCKET.test(v.value))) {
        report({
          file: volume.file,
          span: volume.span,
          message: `"${service.name}" runs as user "${user}" with the Docker socket mounted: on Linux it needs the docker group (add \`group_add\` with the socket's group id); on Docker Desktop for macOS the socket is root-only and this fails. Consider a socket proxy.`,
        });
      }
    }
  },
};
