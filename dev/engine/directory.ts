// The `internal` profile's directory (aaa-jdbc) beside the lab's own users: users that
// ovirt-aaa-jdbc-tool added (the stand-in's store file, dev/aaa-jdbc-store.cjs). The engine keeps
// its own table of users (DbUser) apart from the directory: a directory user enters it when it
// logs in (CreateUserSessionCommand.buildUser) or is added with `POST /users` (AddUserCommand).
import { createHash } from 'node:crypto';
import * as store from '../aaa-jdbc-store.cjs';
import type { Lab, LabUser } from '../lab';

export const INTERNAL_PROFILE = 'internal';
export const INTERNAL_AUTHZ = 'internal-authz';

export class Directory {
  constructor(
    private readonly lab: Lab,
    private readonly file?: string,
  ) {}

  /** The directory entry of `name` in `profile`, if the store has it. */
  lookup(profile: string, name: string): store.StoredUser | undefined {
    if (!this.file || profile !== INTERNAL_PROFILE) return undefined;
    return store.load(this.file).users[name];
  }

  check(name: string, password: string): 'ok' | 'bad' | 'expired' | 'nopass' {
    return this.file ? store.check(this.file, name, password) : 'bad';
  }

  /** The engine's user for a directory user, added to the engine's table when it is not there yet. */
  dbUser(profile: string, name: string, entry: store.StoredUser): LabUser {
    const userName = `${name}@${profile}`;
    const existing = this.lab.users.find((u) => u.user_name === userName);
    if (existing) return existing;
    const h = createHash('sha256').update(`dbuser:${entry.id}`).digest('hex');
    const u: LabUser = {
      id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
      user_name: userName,
      // Never used: a directory user's password is checked against the directory.
      password: '',
      first_name: entry.attributes.firstName ?? name,
      last_name: entry.attributes.lastName ?? '',
    };
    this.lab.users.push(u);
    return u;
  }
}
