import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];

let installed = false;

/**
 * Memoizes class-validator's rule lookup per input class. Unpatched, every validation of every
 * object (each nested answer of a quiz submission included) scans all registered classes for
 * ancestors (typestack/class-validator#2686): about a tenth of a quiz submission's CPU time.
 * A class's rules, its inherited ones included, are all registered when it is defined, before
 * anything can be validated against it, so the first answer for a class and options stays
 * right for the life of the process.
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const cache = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let byOptions = cache.get(target);
    if (!byOptions) {
      byOptions = new Map();
      cache.set(target, byOptions);
    }
    let metadata = byOptions.get(key);
    if (!metadata) {
      metadata = lookup(target, schema, always, strictGroups, groups);
      byOptions.set(key, metadata);
    }
    return metadata;
  };
}
