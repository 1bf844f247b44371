// Log and metric pipelines as real configurations repeat them, about 1,500 lines: enough of the
// scanner, the parser and the checks runs for V8 to optimise them before the user's first file.
// Clean: warming up must take the path a correct file takes.
const HEADER = `discovery.docker "c" {
\thost = "unix:///var/run/docker.sock"
}

loki.write "l" {
\tendpoint {
\t\turl = "http://loki:3100/loki/api/v1/push"
\t}
}

prometheus.remote_write "p" {
\tendpoint {
\t\turl = "http://prometheus:9090/api/v1/write"
\t}
}
`;

function pipeline(i: number): string {
  const name = `svc_${i}`;
  return `
// ${name}: logs and metrics
discovery.relabel "${name}" {
\ttargets = discovery.docker.c.targets

\trule {
\t\tsource_labels = ["__meta_docker_container_label_com_docker_compose_service"]
\t\tregex         = "${name}"
\t\taction        = "keep"
\t}

\trule {
\t\tsource_labels = ["__meta_docker_container_name"]
\t\tregex         = "/(.*)"
\t\ttarget_label  = "container"
\t}
}

loki.source.docker "${name}" {
\thost          = "unix:///var/run/docker.sock"
\ttargets       = discovery.relabel.${name}.output
\tforward_to    = [loki.process.${name}.receiver]
\trelabel_rules = discovery.relabel.${name}.rules
}

loki.process "${name}" {
\tforward_to = [loki.write.l.receiver]

\tstage.json {
\t\texpressions = {"level" = "", "msg" = "message"}
\t}

\tstage.labels {
\t\tvalues = {"level" = ""}
\t}
}

prometheus.scrape "${name}" {
\ttargets         = [{"__address__" = "${name}:9100"}]
\tforward_to      = [prometheus.remote_write.p.receiver]
\tjob_name        = "${name}"
\tscrape_interval = "15s"
}
`;
}

const PIPELINES = 36;

export const alloySample: Record<string, string> = {
  '/warm-up/alloy/config.alloy': HEADER + Array.from({ length: PIPELINES }, (_, i) => pipeline(i)).join(''),
};
