// A language server is judged by its first answer: checking small samples of each language once at
// start loads the registries and compiles the hot code before the user's first file arrives.
import { Analyzer } from './analyzer';
import { memoryFileSource } from './workspace/fileSource';

const SAMPLES: Record<string, string> = {
  '/warm-up/docker-compose.yml': 'x-base: &base\n  restart: unless-stopped\nservices:\n  init:\n    image: busybox:1.36\n    command: ["chown", "-R", "1", "/d"]\n  app:\n    <<: *base\n    image: "app:${TAG:-1}"\n    depends_on: [init]\n    healthcheck:\n      test: ["CMD", "true"]\n',
  '/warm-up/.env': 'TAG=1\n',
  '/warm-up/config.alloy': 'discovery.docker "c" {\n\thost = "unix:///var/run/docker.sock"\n}\n\ndiscovery.relabel "c" {\n\ttargets = discovery.docker.c.targets\n\n\trule {\n\t\tsource_labels = ["__meta_docker_container_name"]\n\t\tregex         = "/(.*)"\n\t\ttarget_label  = "container"\n\t}\n}\n\nloki.source.docker "c" {\n\thost       = "unix:///var/run/docker.sock"\n\ttargets    = discovery.relabel.c.output\n\tforward_to = [loki.write.l.receiver]\n}\n\nloki.write "l" {\n\tendpoint {\n\t\turl = "http://loki:3100/loki/api/v1/push"\n\t}\n}\n',
  '/warm-up/dashboard.json': JSON.stringify({ panels: [{ datasource: { type: 'prometheus' }, targets: [{ expr: 'rate(up{job=~"a.*"}[$__rate_interval])' }] }, { datasource: { type: 'loki' }, targets: [{ expr: '{app="x"} |= "e"' }] }] }),
};

export function warmUp(): void {
  const analyzer = new Analyzer({ source: memoryFileSource(SAMPLES), environment: {} });
  for (let round = 0; round < 3; round++) for (const file of Object.keys(SAMPLES)) analyzer.checkFile(file);
}
