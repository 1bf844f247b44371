// Generates a realistic Alloy configuration of about `lines` lines: Docker discovery and a Loki and
// Prometheus output shared by one pipeline per service (relabel, docker logs source, processing
// with JSON and label stages, a scrape). Deterministic: the same size gives the same text.
//
// Deliberate mistakes, so diagnostics have work to do: one misspelt export (`.reciever`) and one
// argument the component does not have. The variants differ in one pipeline: in "b" its scrape
// forwards to a component that does not exist, so every edit changes the diagnostics.

const HEADER = `logging {
	level  = "info"
	format = "logfmt"
}

discovery.docker "containers" {
	host             = "unix:///var/run/docker.sock"
	refresh_interval = "15s"
}

loki.write "local" {
	endpoint {
		url = sys.env("LOKI_URL")
	}
	external_labels = {cluster = constants.hostname}
}

prometheus.remote_write "default" {
	endpoint {
		url = "http://prometheus:9090/api/v1/write"
	}
}
`;

function pipeline(i, { typo = false, unknownArgument = false, missingTarget = false } = {}) {
  const name = `app_${i}`;
  const service = `app-${i}`;
  return `
// ${service}: container logs to Loki, metrics to Prometheus.
discovery.relabel "${name}" {
	targets = discovery.docker.containers.targets

	rule {
		source_labels = ["__meta_docker_container_label_com_docker_compose_service"]
		regex         = "${service}"
		action        = "keep"
	}

	rule {
		source_labels = ["__meta_docker_container_name"]
		regex         = "/(.*)"
		target_label  = "container"
	}
}

loki.source.docker "${name}" {
	host          = "unix:///var/run/docker.sock"
	targets       = discovery.relabel.${name}.output
	forward_to    = [loki.process.${name}.${typo ? 'reciever' : 'receiver'}]
	relabel_rules = discovery.relabel.${name}.rules
}

loki.process "${name}" {
	forward_to = [loki.write.local.receiver]

	stage.json {
		expressions = {level = "level", msg = "message"}
	}

	stage.labels {
		values = {level = ""}
	}
}

prometheus.scrape "${name}" {
	targets         = [{"__address__" = "${service}:9090"}]
	forward_to      = [${missingTarget ? 'prometheus.remote_write.missing' : 'prometheus.remote_write.default'}.receiver]
	job_name        = "${service}"
	scrape_interval = "${unknownArgument ? '30s"\n\tscrape_intervall = "30s' : '30s'}"
}
`;
}

export function generateAlloyConfig(lines = 5000) {
  const perPipeline = pipeline(0).split('\n').length - 1;
  const count = Math.ceil((lines - HEADER.split('\n').length) / perPipeline);
  const variant = (b) => HEADER + Array.from({ length: count }, (_, i) => pipeline(i, {
    typo: i === 7,
    unknownArgument: i === 11,
    missingTarget: b && i === Math.floor(count / 2),
  })).join('');
  return { variantA: variant(false), variantB: variant(true), pipelines: count };
}
