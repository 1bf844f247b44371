// A Docker log pipeline: discovery, a relabel rule with a regex, a source and a writer.
export const alloySample: Record<string, string> = {
  '/warm-up/alloy/config.alloy':
    'discovery.docker "c" {\n\thost = "unix:///var/run/docker.sock"\n}\n\ndiscovery.relabel "c" {\n\ttargets = discovery.docker.c.targets\n\n\trule {\n\t\tsource_labels = ["__meta_docker_container_name"]\n\t\tregex         = "/(.*)"\n\t\ttarget_label  = "container"\n\t}\n}\n\nloki.source.docker "c" {\n\thost       = "unix:///var/run/docker.sock"\n\ttargets    = discovery.relabel.c.output\n\tforward_to = [loki.write.l.receiver]\n}\n\nloki.write "l" {\n\tendpoint {\n\t\turl = "http://loki:3100/loki/api/v1/push"\n\t}\n}\n',
};
