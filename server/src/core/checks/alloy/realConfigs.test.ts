// Configs in the style of grafana/alloy-scenarios and the Alloy docs' examples: no check may report
// an error or a warning on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspace } from '../../testing/stackFixture';

const DOCKER_LOGS = `// Collect the logs of every container and send them to Loki.
discovery.docker "linux" {
  host = "unix:///var/run/docker.sock"
}

discovery.relabel "logs_integrations_docker" {
  targets = []

  rule {
    source_labels = ["__meta_docker_container_name"]
    regex         = "/(.*)"
    target_label  = "service_name"
  }

  rule {
    source_labels = ["__meta_docker_container_label_com_docker_compose_service"]
    regex         = "(.+)"
    target_label  = "compose_service"
  }

  rule {
    action        = "labelmap"
    regex         = "__meta_docker_container_label_(.+)"
  }
}

loki.source.docker "default" {
  host             = "unix:///var/run/docker.sock"
  targets          = discovery.docker.linux.targets
  labels           = {"platform" = "docker"}
  relabel_rules    = discovery.relabel.logs_integrations_docker.rules
  forward_to       = [loki.process.containers.receiver]
  refresh_interval = "5s"
}

loki.process "containers" {
  stage.docker { }

  stage.json {
    expressions = { level = "level", msg = "msg" }
  }

  stage.labels {
    values = { level = "" }
  }

  stage.drop {
    expression          = ".*healthcheck.*"
    drop_counter_reason = "healthchecks"
  }

  forward_to = [loki.write.local.receiver]
}

loki.write "local" {
  endpoint {
    url = sys.env("LOKI_URL") + "/loki/api/v1/push"
    tenant_id = "demo"
  }
  external_labels = { cluster = "docker-compose" }
}

livedebugging {
  enabled = true
}

logging {
  level  = "info"
  format = "logfmt"
}
`;

const METRICS = `prometheus.exporter.unix "node" {
  disable_collectors = ["ipvs", "btrfs", "infiniband", "xfs", "zfs"]
  enable_collectors  = ["meminfo"]

  filesystem {
    fs_types_exclude     = "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|tmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs)$"
    mount_points_exclude = "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+)($|/)"
    mount_timeout        = "5s"
  }
}

discovery.relabel "node" {
  targets = prometheus.exporter.unix.node.targets
  rule {
    target_label = "instance"
    replacement  = constants.hostname
  }
  rule {
    target_label = "job"
    replacement  = "integrations/node_exporter"
  }
}

prometheus.scrape "node" {
  targets         = discovery.relabel.node.output
  forward_to      = [prometheus.relabel.drop_go.receiver]
  scrape_interval = "15s"
  scrape_timeout  = "10s"
}

prometheus.scrape "self" {
  targets    = [{"__address__" = "localhost:12345", "job" = "alloy"}]
  forward_to = [prometheus.remote_write.mimir.receiver]
}

prometheus.relabel "drop_go" {
  forward_to = [prometheus.remote_write.mimir.receiver]
  rule {
    source_labels = ["__name__"]
    regex         = "go_.*|process_.*"
    action        = "drop"
  }
  rule {
    action = "labeldrop"
    regex  = "id|name"
  }
}

prometheus.remote_write "mimir" {
  endpoint {
    url = "http://mimir:9009/api/v1/push"
    basic_auth {
      username = "admin"
      password = sys.env("MIMIR_PASSWORD")
    }
    queue_config {
      max_samples_per_send = 1000
    }
    write_relabel_config {
      source_labels = ["__name__"]
      regex         = "up|scrape_.*"
      action        = "keep"
    }
  }
  external_labels = { env = "dev" }
}
`;

const OTEL = `otelcol.receiver.otlp "default" {
  grpc {
    endpoint = "0.0.0.0:4317"
  }
  http {
    endpoint = "0.0.0.0:4318"
  }
  output {
    metrics = [otelcol.processor.batch.default.input]
    logs    = [otelcol.processor.batch.default.input]
    traces  = [otelcol.processor.memory_limiter.default.input]
  }
}

otelcol.processor.memory_limiter "default" {
  check_interval = "1s"
  limit          = "1GiB"
  output {
    traces = [otelcol.processor.batch.default.input]
  }
}

otelcol.processor.batch "default" {
  timeout = "5s"
  output {
    metrics = [otelcol.exporter.prometheus.default.input]
    logs    = [otelcol.exporter.loki.default.input]
    traces  = [otelcol.exporter.otlp.tempo.input]
  }
}

otelcol.exporter.prometheus "default" {
  forward_to = [prometheus.remote_write.default.receiver]
}

otelcol.exporter.loki "default" {
  forward_to = [loki.write.default.receiver]
}

otelcol.exporter.otlp "tempo" {
  client {
    endpoint = "tempo:4317"
    tls {
      insecure             = true
      insecure_skip_verify = true
    }
  }
}

otelcol.exporter.otlphttp "backup" {
  client {
    endpoint = "http://collector:4318"
    headers  = { "X-Scope-OrgID" = "demo" }
  }
}

prometheus.remote_write "default" {
  endpoint {
    url = "http://prometheus:9090/api/v1/write"
  }
}

loki.write "default" {
  endpoint {
    url = "http://loki:3100/loki/api/v1/push"
  }
}
`;

const FILE_LOGS = `local.file_match "applogs" {
  path_targets = [
    {"__path__" = "/var/log/app/**/*.log", "job" = "app"},
    {__path__ = "/var/log/{nginx,apache}/*.log", __path_exclude__ = "/var/log/nginx/*.gz", job = "web"},
  ]
  sync_period = "15s"
}

loki.source.file "applogs" {
  targets    = local.file_match.applogs.targets
  forward_to = [loki.process.app.receiver]
  tail_from_end = true
}

loki.process "app" {
  forward_to = [loki.relabel.cleanup.receiver]

  stage.multiline {
    firstline     = "^\\\\d{4}-\\\\d{2}-\\\\d{2}"
    max_wait_time = "3s"
  }

  stage.regex {
    expression = "^(?P<time>\\\\S+) (?P<level>[A-Z]+) (?P<msg>.*)$"
  }

  stage.timestamp {
    source = "time"
    format = "RFC3339"
  }

  stage.match {
    selector = "{job=\\"web\\"} |~ \\"GET /health\\""
    action   = "drop"
  }

  stage.match {
    selector = "{job=\\"app\\"}"
    stage.replace {
      expression = "password=(\\\\S+)"
      replace    = "****"
    }
    stage.labels {
      values = { level = "" }
    }
  }

  stage.static_labels {
    values = { source = "file" }
  }
}

loki.relabel "cleanup" {
  forward_to = [loki.write.grafana_cloud.receiver]
  rule {
    action = "labeldrop"
    regex  = "filename"
  }
}

loki.write "grafana_cloud" {
  endpoint {
    url = "https://logs-prod-us-central1.grafana.net/loki/api/v1/push"
    basic_auth {
      username = sys.env("LOKI_USER")
      password = sys.env("GRAFANA_CLOUD_API_KEY")
    }
  }
}
`;

const MODULES = `declare "self_monitoring" {
  argument "metrics_destinations" {
    comment = "Where to send metrics."
  }

  argument "scrape_interval" {
    optional = true
    default  = "60s"
  }

  prometheus.exporter.self "alloy" { }

  prometheus.scrape "alloy" {
    targets         = prometheus.exporter.self.alloy.targets
    scrape_interval = argument.scrape_interval.value
    forward_to      = argument.metrics_destinations.value
  }

  export "targets" {
    value = prometheus.exporter.self.alloy.targets
  }
}

self_monitoring "default" {
  metrics_destinations = [prometheus.remote_write.default.receiver]
}

import.git "k8s" {
  repository     = "https://github.com/grafana/alloy-modules.git"
  revision       = "main"
  path           = "modules/kubernetes/"
  pull_frequency = "15m"
}

k8s.pods "default" {
  forward_to = [prometheus.remote_write.default.receiver]
}

foreach "endpoints" {
  collection = ["a:9100", "b:9100"]
  var        = "each"
  template {
    prometheus.scrape "node" {
      targets    = [{"__address__" = each}]
      forward_to = [prometheus.remote_write.default.receiver]
    }
  }
}

prometheus.remote_write "default" {
  endpoint {
    url = string.format("http://%s:9009/api/v1/push", coalesce(sys.env("MIMIR_HOST"), "mimir"))
  }
}
`;

const CONFIGS: Record<string, string> = { DOCKER_LOGS, METRICS, OTEL, FILE_LOGS, MODULES };

for (const [name, text] of Object.entries(CONFIGS)) {
  test(`no error or warning on a realistic config: ${name}`, () => {
    const ws = workspace({ 'config.alloy': text });
    const loud = ws.check('config.alloy').filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(loud.map((f) => `${f.code}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`), []);
  });
}

test('the realistic configs are all linked up: no unused-component advice either', () => {
  for (const [name, text] of Object.entries(CONFIGS)) {
    const ws = workspace({ 'config.alloy': text });
    const unused = ws.check('config.alloy').filter((f) => f.code === 'river/unused-component').map((f) => text.slice(f.span.start, f.span.end));
    assert.deepEqual(unused, [], name);
  }
});
