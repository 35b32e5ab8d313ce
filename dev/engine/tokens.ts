// SSO tokens: random, opaque, with an absolute expiry. The emulator keeps only the user id and the
// granted scope per token; passwords are checked and forgotten.
import { randomBytes } from 'node:crypto';

export interface TokenEntry {
  userId: string;
  /** Space-separated, as the SSO returns it. */
  scope: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenEntry>();

  constructor(private readonly ttlMs: number) {}

  issue(userId: string, scope: string): { token: string; entry: TokenEntry } {
    // 64 random bytes, base64url without padding, as the engine's SSO makes them.
    const token = randomBytes(64).toString('base64url');
    const entry = { userId, scope, exp: Date.now() + this.ttlMs };
    this.tokens.set(token, entry);
    return { token, entry };
  }

  /** The live entry for a token, or null (unknown, revoked or expired). */
  lookup(token: string): TokenEntry | null {
    const e = this.tokens.get(token);
    if (!e) return null;
    if (Date.now() >= e.exp) {
      this.tokens.delete(token);
      return null;
    }
    return e;
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }
}
