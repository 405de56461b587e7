import type { Path } from '../../parse/source-tree';

/**
 * A readable key for an endpoint at a template path: `Listener`, `Lb.Listeners[0]`,
 * `Dist.DistributionConfig.CacheBehaviors[1]`, `Globals.Api.Domain`.
 */
export function keyOf(path: Path): string {
  const steps = path[0] === 'Resources' ? [path[1], ...path.slice(path[2] === 'Properties' ? 3 : 2)] : path;
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

/** `['Resources', id]`. */
export function resourcePath(id: string): Path {
  return ['Resources', id];
}
