import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../analyzer';
import { loadStack, type Stack } from '../../compose/stack';
import { parseComposeFile } from '../../compose/composeFile';
import { memoryFileSource } from '../../workspace/fileSource';
import { schemaSource } from '../../compose/schema/composeSchema';
import type { Finding } from '../../diagnostic';
import { assertValidYaml, ROOT, spanText, withCode, workspace, type Workspace } from '../../testing/stackFixture';
import { schema } from './schema';

const CODE = 'compose/schema';

function findings(text: string, files: Record<string, string> = {}): { ws: Workspace; found: Finding[] } {
  const ws = workspace({ 'docker-compose.yml': text, ...files });
  return { ws, found: withCode(ws.check(), CODE) };
}

/** Each finding as `span text => message`, in file order. */
function described(text: string): string[] {
  const { ws, found } = findings(text);
  return found.sort((a, b) => a.span.start - b.span.start).map((f) => `${spanText(ws, f)} => ${f.message}`);
}

// A stack as people run it: anchors merged with `<<`, aliases, long forms, swarm-style deploy, extends.
const OBSERVABILITY_STACK = `name: observability

x-logging: &default-logging
  driver: json-file
  options:
    max-size: "10m"
    max-file: 3

x-common: &common
  restart: unless-stopped
  logging: *default-logging
  networks: [monitoring]
  labels:
    com.example.stack: observability

x-healthcheck-defaults: &healthcheck-defaults
  interval: 10s
  timeout: 5s
  retries: 5
  start_period: 30s
  start_interval: 2s

x-resources: &small
  resources:
    limits:
      cpus: "0.50"
      memory: 512M
    reservations:
      memory: 128M

services:
  loki:
    <<: *common
    image: grafana/loki:3.1.0
    command: -config.file=/etc/loki/config.yaml
    ports:
      - target: 3100
        published: "3100"
        protocol: tcp
        mode: host
    volumes:
      - type: bind
        source: ./loki/config.yaml
        target: /etc/loki/config.yaml
        read_only: true
      - type: volume
        source: loki-data
        target: /loki
        volume:
          nocopy: true
    healthcheck:
      <<: *healthcheck-defaults
      test: ["CMD-SHELL", "wget -q --spider http://localhost:3100/ready || exit 1"]
    deploy:
      <<: *small
      replicas: 1
      restart_policy:
        condition: on-failure
        max_attempts: 3
    ulimits:
      nofile:
        soft: 65536
        hard: 65536

  prometheus:
    <<: *common
    image: prom/prometheus:v2.53.0
    user: "65534:65534"
    command:
      - --config.file=/etc/prometheus/prometheus.yml
      - --storage.tsdb.retention.time=\${RETENTION:-15d}
      - --web.enable-remote-write-receiver
    ports: ["9090:9090"]
    volumes:
      - ./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro
      - prometheus-data:/prometheus
    configs:
      - source: prometheus-rules
        target: /etc/prometheus/rules.yml
        mode: 0444
    healthcheck:
      test: wget -q --spider http://localhost:9090/-/healthy
      <<: *healthcheck-defaults
    extra_hosts:
      - "host.docker.internal:host-gateway"

  tempo:
    <<: *common
    image: grafana/tempo:2.5.0
    command: [ "-config.file=/etc/tempo.yaml" ]
    volumes:
      - ./tempo/tempo.yaml:/etc/tempo.yaml:ro
      - tempo-data:/var/tempo
    ports:
      - "3200:3200"
      - "4317:4317"
      - 4318
    environment:
      - JAEGER_AGENT_HOST=tempo
    healthcheck:
      disable: false
      test: ["CMD", "/tempo", "-version"]
    tmpfs:
      - /tmp
    stop_grace_period: 1m30s

  alloy:
    <<: [*common]
    image: grafana/alloy:v1.5.0
    command: run --server.http.listen-addr=0.0.0.0:12345 --storage.path=/var/lib/alloy/data /etc/alloy/config.alloy
    ports:
      - 12345:12345
    volumes:
      - ./alloy/config.alloy:/etc/alloy/config.alloy:ro
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - /var/log:/var/log:ro
    depends_on:
      loki:
        condition: service_healthy
        restart: true
      tempo:
        condition: service_started
        required: false
      prometheus:
        condition: \${PROMETHEUS_CONDITION:-service_healthy}
    environment:
      LOKI_URL: http://loki:3100/loki/api/v1/push
      DEBUG: yes
      SAMPLE_RATE: 0.5
      EMPTY:
    privileged: false
    cap_add: [SYS_PTRACE]
    security_opt:
      - apparmor:unconfined
    pid: host

  grafana:
    <<: *common
    image: grafana/grafana:11.1.0
    container_name: grafana
    ports:
      - name: web
        target: 3000
        published: 3000
        host_ip: 127.0.0.1
        app_protocol: http
    environment:
      GF_SECURITY_ADMIN_PASSWORD__FILE: /run/secrets/grafana_admin_password
      GF_AUTH_ANONYMOUS_ENABLED: "true"
      GF_FEATURE_TOGGLES_ENABLE: traceqlEditor
    secrets:
      - grafana_admin_password
      - source: grafana_tls
        target: /etc/grafana/tls.pem
        uid: "472"
        mode: 0400
    volumes:
      - grafana-data:/var/lib/grafana
      - ./grafana/provisioning:/etc/grafana/provisioning:ro
    depends_on: [loki, prometheus, tempo]
    healthcheck:
      test: ["CMD-SHELL", "curl -f http://localhost:3000/api/health || exit 1"]
      <<: *healthcheck-defaults
    deploy:
      resources:
        limits: { cpus: "1", memory: 1G }
    profiles: [ui]
    x-traefik-rule: Host(\`grafana.localhost\`)

  grafana-dev:
    extends:
      service: grafana
    container_name: grafana-dev
    profiles: ["dev"]
    build:
      context: ./grafana
      dockerfile: Dockerfile.dev
      args:
        GRAFANA_VERSION: 11.1.0
      x-bake:
        platforms: [linux/amd64]
    develop:
      watch:
        - action: sync
          path: ./grafana/plugins
          target: /var/lib/grafana/plugins
          ignore: [node_modules/]
        - action: rebuild
          path: ./grafana/Dockerfile.dev

  node-exporter:
    image: prom/node-exporter:v1.8.1
    restart: on-failure:5
    network_mode: host
    pid: host
    volumes:
      - '/:/host:ro,rslave'
    command: ['--path.rootfs=/host']
    logging:
      driver: loki
      options:
        loki-url: "http://localhost:3100/loki/api/v1/push"
        loki-retries: 5
    mem_limit: 128m
    cpus: 0.25
    init: true
    stop_signal: SIGTERM
    sysctls:
      net.core.somaxconn: 1024
    dns: [8.8.8.8]
    gpus: all

networks:
  monitoring:
    driver: bridge
    ipam:
      config:
        - subnet: 172.28.0.0/16
  default:
  legacy:
    external: true
    name: legacy_net

volumes:
  loki-data:
  prometheus-data: {}
  tempo-data:
    driver: local
    driver_opts:
      type: none
      o: bind
      device: /srv/tempo
  grafana-data:
    external: true

secrets:
  grafana_admin_password:
    file: ./secrets/grafana_admin_password.txt
  grafana_tls:
    environment: GRAFANA_TLS_PEM

configs:
  prometheus-rules:
    file: ./prometheus/rules.yml
  inline-config:
    content: |
      hello: world

x-unused:
  anything: [goes, here]
`;

test('a realistic observability stack with anchors, merge keys, long forms and extends has no schema finding', () => {
  assert.deepEqual(described(OBSERVABILITY_STACK), []);
});

test('obsolete version, include, models and top-level extensions are all allowed', () => {
  const text = `version: "3.8"
include:
  - ./monitoring/compose.yaml
  - path: [./a.yaml, ./b.yaml]
    project_directory: ./a
    env_file: ./a.env
x-defaults: &d
  image: busybox
services:
  app:
    <<: *d
    models:
      llm:
        endpoint_var: LLM_URL
      embedder:
models:
  llm:
    model: ai/smollm2
    context_size: 4096
`;
  assert.deepEqual(described(text), []);
});

test('an unknown top-level key: did you mean, or the x- hint', () => {
  assert.deepEqual(described('servics:\n  a:\n    image: busybox\nextra:\n  b: 1\n'), [
    `servics => additional properties 'servics' not allowed: did you mean "services"?`,
    `extra => additional properties 'extra' not allowed (extension keys start with "x-")`,
  ]);
});

test('an unknown service key names the key, suggests the property and renames it', () => {
  const text = 'services:\n  web:\n    imgae: nginx:1.27\n    ports:\n      - "8080:80"\n';
  const { ws, found } = findings(text);
  assert.equal(found.length, 1);
  const [finding] = found;
  assert.equal(finding.severity, 'error');
  assert.equal(spanText(ws, finding), 'imgae');
  assert.equal(finding.message, `services.web additional properties 'imgae' not allowed: did you mean "image"?`);
  const fixed = ws.apply(finding.fixes![0])['docker-compose.yml'];
  assertValidYaml(fixed);
  assert.match(fixed, /^ {4}image: nginx:1\.27$/m);
  assert.deepEqual(findings(fixed).found, []);
});

test('no rename when the suggested key is already there', () => {
  const { found } = findings('services:\n  web:\n    image: nginx\n    imgae: nginx\n');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].fixes, []);
});

test('unknown keys nested in healthcheck, deploy, long-form ports and volumes', () => {
  const text = `services:
  web:
    image: nginx
    healthcheck:
      test: ["CMD", "true"]
      intervall: 5s
    deploy:
      resources:
        limits:
          memroy: 512M
      placment:
        constraints: [node.role == manager]
    ports:
      - target: 80
        publish: 8080
    volumes:
      - type: bind
        source: ./html
        target: /usr/share/nginx/html
        bind:
          create_host_pat: true
`;
  assert.deepEqual(described(text), [
    `intervall => services.web.healthcheck additional properties 'intervall' not allowed: did you mean "interval"?`,
    `memroy => services.web.deploy.resources.limits additional properties 'memroy' not allowed: did you mean "memory"?`,
    `placment => services.web.deploy additional properties 'placment' not allowed: did you mean "placement"?`,
    `publish => services.web.ports.0 additional properties 'publish' not allowed: did you mean "published"?`,
    `create_host_pat => services.web.volumes.0.bind additional properties 'create_host_pat' not allowed: did you mean "create_host_path"?`,
  ]);
});

test('wrong types point at the value and say what is accepted', () => {
  const text = `version: 3.8
services:
  web:
    image: [nginx]
    ports: "8080:80"
    environment: FOO=bar
    healthcheck:
      retries: [3]
    depends_on:
      db:
        required: maybe
  db:
networks:
  front: some-network
`;
  assert.deepEqual(described(text), [
    '3.8 => version must be a string',
    '[nginx] => services.web.image must be a string',
    '"8080:80" => services.web.ports must be an array',
    'FOO=bar => services.web.environment must be an array or mapping',
    '[3] => services.web.healthcheck.retries must be a number or string',
    // `db:` with nothing after it is an empty service: the finding points at its name.
    'db => services.db must be a mapping',
    'some-network => networks.front must be a mapping or null',
  ]);
});

test('values outside an enum or pattern: depends_on condition, restart policy, volume type', () => {
  const text = `services:
  web:
    image: nginx
    restart: sometimes
    pull_policy: sometimes
    depends_on:
      db:
        condition: service_ready
    volumes:
      - type: bindd
        source: ./a
        target: /a
  db:
    image: postgres
    restart: "no"
`;
  assert.deepEqual(described(text), [
    `sometimes => services.web.restart 'sometimes' is not allowed: use "no", "always", "on-failure[:max-retries]" or "unless-stopped"`,
    `sometimes => services.web.pull_policy 'sometimes' does not match pattern 'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+'`,
    `service_ready => services.web.depends_on.db.condition value must be one of 'service_started', 'service_healthy', 'service_completed_successfully'`,
    `bindd => services.web.volumes.0.type value must be one of 'bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'`,
  ]);
});

test('interpolated values are not checked as literal strings', () => {
  const text = `services:
  web:
    image: nginx
    restart: \${RESTART_POLICY:-always}
    deploy:
      replicas: \${REPLICAS}
    depends_on:
      db:
        condition: $DB_CONDITION
        required: \${DB_REQUIRED:-true}
    ports:
      - target: \${PORT}
  db:
    image: postgres
`;
  assert.deepEqual(described(text), []);
});

test('YAML 1.2 scalars: yes is a string, and compose-go casts it where it expects a boolean', () => {
  // use_api_socket takes only a boolean and compose-go does not cast it: "yes" is a string there.
  assert.deepEqual(described('services:\n  a:\n    image: x\n    use_api_socket: yes\n'), ['yes => services.a.use_api_socket must be a boolean']);
  // depends_on.required is cast from a string before validation: compose loads `required: yes`.
  assert.deepEqual(described('services:\n  a:\n    image: x\n    depends_on:\n      b:\n        required: yes\n  b:\n    image: x\n'), []);
});

test('a typo inside a merged anchor is reported once, where the anchor defines it', () => {
  const text = `x-common: &common
  restrat: always
  image: busybox
services:
  a:
    <<: *common
  b:
    <<: *common
  c:
    <<: *common
    restrat: always
`;
  const { ws, found } = findings(text);
  assert.deepEqual(
    found.map((f) => [spanText(ws, f), f.span.start < text.indexOf('services:') ? 'anchor' : 'service']),
    [
      ['restrat', 'anchor'],
      ['restrat', 'service'],
    ],
  );
});

test('an alias is checked against the place that uses it', () => {
  const text = `x-logging: &log
  driver: json-file
  option:
    max-size: 10m
services:
  a:
    image: x
    logging: *log
  b:
    image: x
    logging: *log
`;
  assert.deepEqual(described(text), [`option => services.a.logging additional properties 'option' not allowed: did you mean "options"?`]);
});

test('!reset and !override in an override file', () => {
  const base = 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n';
  const override = 'services:\n  web:\n    ports: !override\n      - "8080:80"\n    image: !reset null\n    healthcheck: !reset {}\n';
  const ws = workspace({ 'docker-compose.yml': base, 'docker-compose.override.yml': override });
  assert.deepEqual(withCode(ws.check('docker-compose.override.yml'), CODE), []);
});

test('service, network and volume names must match the spec pattern', () => {
  assert.deepEqual(described('services:\n  "my web":\n    image: x\nvolumes:\n  "data/1":\n'), [
    `"my web" => services additional properties 'my web' not allowed`,
    `"data/1" => volumes additional properties 'data/1' not allowed`,
  ]);
});

test('numbers out of bounds', () => {
  assert.deepEqual(described('services:\n  a:\n    image: x\n    oom_score_adj: 2000\n    cpu_percent: -1\n'), [
    '2000 => services.a.oom_score_adj must be less than or equal to 1000',
    '-1 => services.a.cpu_percent must be greater than or equal to 0',
  ]);
});

test('silent when schema validation is turned off', () => {
  const source = memoryFileSource({ [path.join(ROOT, 'docker-compose.yml')]: 'services:\n  web:\n    imgae: nginx\n' });
  const analyzer = new Analyzer({ source, environment: {}, compose: { schemaValidation: false } });
  assert.deepEqual(withCode([...analyzer.checkFile(path.join(ROOT, 'docker-compose.yml')).values()].flat(), CODE), []);
});

test('never throws on a half-typed file', () => {
  // Only the files are read: a stack of one parsed file is enough, and cheap enough to cut everywhere.
  const check = (text: string) => {
    const stack = { files: [parseComposeFile(path.join(ROOT, 'docker-compose.yml'), text)] } as Stack;
    schema.run({ stack, source: memoryFileSource({}), settings: { schemaValidation: true } }, () => {});
  };
  for (let end = 0; end <= OBSERVABILITY_STACK.length; end += 9) check(OBSERVABILITY_STACK.slice(0, end));
  for (const text of ['', '---\n', 'services', '- a\n- b\n', 'services:\n  web:\n    <<: 3\n', 'services:\n  web:\n    <<: [*x]\n', '? [a]\n: b\n', 'services:\n  web: !!binary aGVsbG8=\n']) {
    check(text);
  }
});

test('a 500-service file is checked in a few milliseconds', () => {
  const services = Array.from(
    { length: 500 },
    (_, i) => `  svc${i}:
    image: grafana/loki:3.1.0
    restart: unless-stopped
    ports: ["${3000 + i}:3100"]
    environment:
      A: "1"
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
    deploy:
      resources:
        limits: { cpus: "0.5", memory: 256M }
    depends_on:
      svc0:
        condition: service_started
`,
  ).join('');
  const file = path.join(ROOT, 'docker-compose.yml');
  const source = memoryFileSource({ [file]: `services:\n${services}` });
  const stack = loadStack({ files: [file] }, {}, source);
  const run = () => {
    const out: unknown[] = [];
    schema.run({ stack, source, settings: { schemaValidation: true } }, (f) => out.push(f));
    return out;
  };
  assert.deepEqual(run(), []);
  const start = process.hrtime.bigint();
  for (let i = 0; i < 5; i++) run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / 5;
  assert.ok(ms < 50, `took ${ms.toFixed(1)} ms`);
});

test('the table says where it came from', () => {
  assert.equal(schemaSource.package, 'dclint');
  assert.match(schemaSource.version, /^\d+\.\d+\.\d+/);
});
