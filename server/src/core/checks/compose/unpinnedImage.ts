import type { Check } from '../check';
import type { ComposeTarget } from './target';

/** The tag of an image reference, ignoring a registry port (`host:5000/app`); undefined when untagged. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return 'digest';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon < 0 ? undefined : lastSegment.slice(colon + 1);
}

export const unpinnedImage: Check<ComposeTarget> = {
  code: 'compose/unpinned-image',
  severity: 'information',
  description: 'An image without a tag, or with `latest`, changes under the stack on the next pull.',
  run({ stack }, report) {
    for (const service of stack.services.values()) {
      const image = service.image;
      // With `build:`, `image:` only tags the local build: there is nothing to pull.
      if (!image || service.builds || image.value.includes('$') || image.value === '') continue;
      const tag = imageTag(image.value);
      if (tag !== undefined && tag !== 'latest') continue;
      report({
        file: image.file,
        span: image.span,
        message: `"${image.value}" is ${tag ? 'tagged latest' : 'not tagged (so it is latest)'}: the next pull may bring a new major version. Pin a version tag or a digest.`,
      });
    }
  },
};
