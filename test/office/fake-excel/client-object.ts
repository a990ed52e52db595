import { fail } from "./errors";
import type { FakeRequestContext } from "./context";

/** Splits Office.js load arguments ("a, b", ["a"], "items/name") into property paths. */
export function parseLoad(propertyNames?: string | string[]): string[] {
  if (propertyNames === undefined) return [];
  const list = Array.isArray(propertyNames) ? propertyNames : propertyNames.split(",");
  return list.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * A proxy object as Office.js has them: it resolves to its target only when the queued commands run at
 * `sync()`, and its scalar properties can be read only after they were loaded and synced.
 */
export abstract class FakeClientObject<T> {
  private resolved: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeRequestContext,
    private readonly resolver: () => T | null,
  ) {}

  /** The target, resolved once when a command first needs it; null for a null object. */
  protected resolveOrNull(): T | null {
    if (this.resolved === undefined) this.resolved = this.resolver();
    return this.resolved;
  }

  /** The target; ItemNotFound for a null object. */
  protected resolve(): T {
    const t = this.resolveOrNull();
    if (t === null) fail("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
    return t;
  }

  /** True after a sync when the object does not exist. */
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  /** Reads a loaded property; PropertyNotLoaded otherwise. */
  protected read<V>(name: string): V {
    if (!this.loaded.has(name)) {
      fail(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as V;
  }

  /** Records loaded values (called when a sync succeeds). */
  protected publish(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  /** Queues a command on this object. */
  protected queue(op: string, args: unknown, run: () => void): void {
    this.ctx.enqueue({ op, args, run });
  }

  /** The names a load may ask for. */
  protected abstract loadable(): string[];

  /** Snapshot of the requested properties of the resolved target. */
  protected abstract snapshot(target: T, names: string[]): Record<string, unknown>;

  /** Queues a load of scalar properties; they can be read after the next sync. */
  protected queueLoad(propertyNames?: string | string[]): void {
    const names = parseLoad(propertyNames);
    const wanted = names.length === 0 ? this.loadable() : names;
    for (const n of wanted) if (!this.loadable().includes(n)) fail("InvalidArgument", `Cannot load unknown property '${n}'.`);
    this.ctx.enqueue({
      op: "load",
      args: wanted,
      run: () => {
        const t = this.resolveOrNull();
        const data = t === null ? { isNullObject: true } : { ...this.snapshot(t, wanted), isNullObject: false };
        return { data, publish: () => this.publish(data) };
      },
    });
  }

  /** Queues the resolution of this object, so that `isNullObject` is known after the sync. */
  resolveNow(op: string, args: unknown): void {
    this.ctx.enqueue({
      op,
      args,
      run: () => {
        const isNull = this.resolveOrNull() === null;
        return { data: { isNullObject: isNull }, publish: () => this.publish({ isNullObject: isNull }) };
      },
    });
  }
}
