/**
 * Values that live as long as one request, keyed by the request object, so per-request helpers
 * (DataLoaders) can be singletons: NestJS request-scoped providers would instead rebuild every
 * resolver that depends on them, on every request.
 */
export class PerRequest<Value> {
  private readonly values = new WeakMap<object, Value>();

  constructor(private readonly create: () => Value) {}

  of(request: object): Value {
    let value = this.values.get(request);
    if (value === undefined) {
      value = this.create();
      this.values.set(request, value);
    }
    return value;
  }
}
