import type { RegisterRow } from "../register/register-row";

/**
 * Resolves the customer key of an evaluation row from its id and/or name, the way the register keys
 * customers: the id where the register has one, else the trimmed name; a name alone finds its register key.
 */
export class KeyResolver {
  private byName?: Map<string, string>;
  private byId?: Map<string, string>;

  constructor(private readonly rows: RegisterRow[], private readonly registerHasIds: boolean) {}

  /** The register's names and ids, indexed on first need: evaluation rows keyed by register ids never need them. */
  private index(): { byName: Map<string, string>; byId: Map<string, string> } {
    if (!this.byName || !this.byId) {
      this.byName = new Map();
      this.byId = new Map();
      for (const r of this.rows) {
        if (r.name && !this.byName.has(r.name)) this.byName.set(r.name, r.key);
        if (r.id) this.byId.set(r.id, r.key);
      }
    }
    return { byName: this.byName, byId: this.byId };
  }

  /** The key for an id/name pair; undefined when both are empty. */
  resolve(id: string | undefined, name: string | undefined): string | undefined {
    if (id && this.registerHasIds) return id;
    if (id && this.index().byId.has(id)) return id;
    if (name) return this.index().byName.get(name) ?? (id && !this.registerHasIds ? id : name);
    return id || undefined;
  }
}
