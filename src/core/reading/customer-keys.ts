import type { RegisterRow } from "../register/register-row";

/**
 * Resolves the customer key of an evaluation row from its id and/or name, the way the register keys
 * customers: the id where the register has one, else the trimmed name; a name alone finds its register key.
 */
export class KeyResolver {
  private readonly byName = new Map<string, string>();
  private readonly byId = new Map<string, string>();

  constructor(rows: RegisterRow[], private readonly registerHasIds: boolean) {
    for (const r of rows) {
      if (r.name && !this.byName.has(r.name)) this.byName.set(r.name, r.key);
      if (r.id) this.byId.set(r.id, r.key);
    }
  }

  /** The key for an id/name pair; undefined when both are empty. */
  resolve(id: string | undefined, name: string | undefined): string | undefined {
    if (id && (this.registerHasIds || this.byId.has(id))) return id;
    if (name) return this.byName.get(name) ?? (id && !this.registerHasIds ? id : name);
    return id || undefined;
  }
}
