// Generates a realistic Docker Compose stack of N services and its .env, with a few deliberate
// mistakes so every server has something to report. Deterministic: the same N gives the same text.
//
// Every 10th service is a run-once init container (busybox chown); every 10th+1 is a database with a
// healthcheck. The others are apps: environment with ${VAR} references into .env (and defaults),
// depends_on in the short form and the long form (service_completed_successfully on their init,
// service_healthy on their database), ports, volumes, restart policies, logging, labels.
//
// Deliberate mistakes (stable, present in both variants):
//   - an undefined variable ${MISSING_*} (3 services)
//   - a short-form depends_on on an init service, which means service_started (3 services)
//   - service_healthy on a service without a healthcheck (2 services)
//   - depends_on a service that does not exist (1 service)
//   - an unpinned image (`:latest`, untagged) (2 services)
//   - a key the compose spec does not allow (`restrat:`) (1 service) — for schema validators
//
// The two variants differ in one service (TOGGLE): in variant "a" it waits for a service without a
// healthcheck with `condition: service_healthy` (a StackLens warning) and has a valid `restart:`; in
// variant "b" the condition is service_started and the key is misspelt `restarts:` (a schema error).
// So diagnostics change on every edit for StackLens and for yaml-language-server.

export function generateComposeStack(count = 500) {
  const env = [];
  const line = (s) => env.push(s);
  line('# Generated for the StackLens compose bench');
  line('COMPOSE_PROJECT_NAME=bench');
  line('LOG_LEVEL=info');
  line('REGISTRY=registry.example.com');
  line('TZ=UTC');
  for (let i = 0; i < count; i++) {
    const v = `SVC_${i}`;
    line(`${v}_TAG=1.${i % 17}.${i % 5}`);
    line(`${v}_PORT=${10000 + i}`);
    if (kind(i) !== 'init') line(`${v}_PASSWORD="p@ss-${i}-${(i * 7919) % 10007}"`);
  }
  const envText = env.join('\n') + '\n';
  const toggle = Math.floor(count / 2) + 4; // an app in the middle of the file, after an app without a healthcheck
  return {
    envText,
    variantA: composeText(count, toggle, 'a'),
    variantB: composeText(count, toggle, 'b'),
    toggleService: name(toggle),
  };
}

function kind(i) {
  if (i % 10 === 0) return 'init';
  if (i % 10 === 1) return 'db';
  return 'app';
}

function name(i) {
  const k = kind(i);
  return `${k === 'init' ? 'init' : k === 'db' ? 'db' : 'app'}-${String(i).padStart(3, '0')}`;
}

// A few services use the YAML anchor, the others spell it out: `yaml` resolves each alias by walking
// the document, so hundreds of aliases make yaml-language-server take seconds per edit on their own.
function logging(w, i) {
  if (i % 50 === 1 || i % 50 === 2) {
    w('    logging: *default-logging');
    return;
  }
  w('    logging:');
  w('      driver: json-file');
  w('      options:');
  w(`        max-size: "${i % 3 === 0 ? '50m' : '10m'}"`);
  w('        max-file: "3"');
}

const APP_IMAGES = ['grafana/grafana', 'prom/prometheus', 'grafana/loki', 'grafana/alloy', 'nginx', 'redis', 'traefik', 'grafana/tempo'];

function composeText(count, toggle, variant) {
  const out = [];
  const w = (s) => out.push(s);
  w('name: bench');
  w('');
  w('x-logging: &default-logging');
  w('  driver: json-file');
  w('  options:');
  w('    max-size: "10m"');
  w('    max-file: "3"');
  w('');
  w('services:');
  for (let i = 0; i < count; i++) {
    const v = `SVC_${i}`;
    const n = name(i);
    const group = i - (i % 10); // this service's init is `group`, its database `group + 1`
    w(`  ${n}:`);
    if (kind(i) === 'init') {
      w('    image: busybox:1.36');
      w(`    command: ["chown", "-R", "10001:10001", "/data/${n}"]`);
      w('    volumes:');
      w(`      - ${n}-data:/data/${n}`);
      w('');
      continue;
    }
    if (kind(i) === 'db') {
      w(`    image: postgres:\${${v}_TAG:-16.3}`);
      w('    restart: unless-stopped');
      w('    environment:');
      w(`      POSTGRES_PASSWORD: \${${v}_PASSWORD}`);
      w(`      POSTGRES_DB: ${n.replace('-', '_')}`);
      w('      TZ: ${TZ}');
      w('    healthcheck:');
      w('      test: ["CMD-SHELL", "pg_isready -U postgres"]');
      w('      interval: 10s');
      w('      timeout: 5s');
      w('      retries: 5');
      w('      start_period: 30s');
      w('    volumes:');
      w(`      - ${n}-pg:/var/lib/postgresql/data`);
      w('    depends_on:');
      w(`      ${name(group)}:`);
      w('        condition: service_completed_successfully');
      logging(w, i);
      w('');
      continue;
    }
    // An app.
    let image = `\${REGISTRY}/${APP_IMAGES[i % APP_IMAGES.length]}:\${${v}_TAG}`;
    if (i === 7) image = 'nginx:latest';
    if (i === 13) image = 'redis';
    w(`    image: ${image}`);
    if (i === 27) w('    restrat: always');
    else if (i === toggle && variant === 'b') w('    restarts: unless-stopped');
    else w(`    restart: ${i % 3 === 0 ? 'always' : 'unless-stopped'}`);
    w('    environment:');
    w('      LOG_LEVEL: ${LOG_LEVEL:-info}');
    w(`      PORT: \${${v}_PORT}`);
    w(`      DATABASE_URL: postgres://postgres:\${SVC_${group + 1}_PASSWORD}@${name(group + 1)}:5432/${name(group + 1).replace('-', '_')}`);
    w(`      SECRET: \${${v}_PASSWORD:?set ${v}_PASSWORD in .env}`);
    if (i === 42 || i === 242 || i === 442) w(`      API_KEY: \${MISSING_${i}_KEY}`);
    w(`      UPSTREAM: http://${name(i - 1)}:8080`);
    w('    ports:');
    w(`      - "\${${v}_PORT}:8080"`);
    w('    volumes:');
    w(`      - ./config/${n}.yaml:/etc/app/config.yaml:ro`);
    w(`      - ${n}-data:/var/lib/app`);
    w('    depends_on:');
    if (i === 35 || i === 235 || i === 435) {
      // The short form on an init service: service_started, a race.
      w(`      - ${name(group)}`);
      w(`      - ${name(group + 1)}`);
    } else if (i % 4 === 0 && i !== toggle) {
      // Short form on long-running services (the database, the previous service): fine.
      w(`      - ${name(group + 1)}`);
      if (i - 1 !== group + 1) w(`      - ${name(i - 1)}`);
    } else {
      w(`      ${name(group)}:`);
      w('        condition: service_completed_successfully');
      w(`      ${name(group + 1)}:`);
      w('        condition: service_healthy');
      if (i === 66) {
        w('        restart: true');
        w('      ghost-service:');
        w('        condition: service_started');
      }
      if (i === 89 || i === 289) {
        w(`      ${name(i - 1)}:`); // an app without a healthcheck
        w('        condition: service_healthy');
      }
      if (i === toggle) {
        w(`      ${name(i - 1)}:`);
        w(`        condition: ${variant === 'a' ? 'service_healthy' : 'service_started'}`);
      }
    }
    if (i % 5 === 2) {
      w('    healthcheck:');
      w('      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]');
      w('      interval: 15s');
      w('      retries: 3');
    }
    w('    labels:');
    w(`      com.example.team: team-${i % 12}`);
    w(`      com.example.service: ${n}`);
    logging(w, i);
    w('');
  }
  w('volumes:');
  for (let i = 0; i < count; i++) {
    if (kind(i) === 'db') w(`  ${name(i)}-pg: {}`);
    else w(`  ${name(i)}-data: {}`);
  }
  return out.join('\n') + '\n';
}
