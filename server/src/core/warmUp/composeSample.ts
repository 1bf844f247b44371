// A small stack with what the compose checks read: an anchor and merge key, an init service, depends_on
// in both forms, a healthcheck and interpolation.
export const composeSample: Record<string, string> = {
  '/warm-up/compose/docker-compose.yml':
    'x-base: &base\n  restart: unless-stopped\nservices:\n  init:\n    image: busybox:1.36\n    command: ["chown", "-R", "1", "/d"]\n  app:\n    <<: *base\n    image: "app:${TAG:-1}"\n    depends_on:\n      init:\n        condition: service_completed_successfully\n    healthcheck:\n      test: ["CMD", "true"]\n',
  '/warm-up/compose/.env': 'TAG=1\n',
};
