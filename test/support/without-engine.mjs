// Loaded with `node --import`: '@grafeo-db/js' then fails to load as it does on
// a platform that has no prebuilt Grafeo binary (napi-rs's loader throws).
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === '@grafeo-db/js') {
    return { url: 'data:text/javascript,throw new Error("Cannot find native binding. npm has a bug related to optional dependencies")', shortCircuit: true };
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
