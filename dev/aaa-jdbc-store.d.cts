// Types of dev/aaa-jdbc-store.cjs (plain CommonJS so the ovirt-aaa-jdbc-tool stand-in needs no loader).
export interface StoredUser {
  id: string;
  attributes: Record<string, string>;
  /** Salted SHA-256, or null before a password-reset. */
  password: string | null;
  /** Epoch ms. */
  password_valid_to: number;
}
export interface Store {
  users: Record<string, StoredUser>;
}
export function load(file: string): Store;
export function save(file: string, store: Store): void;
export function hashPassword(password: string, salt?: string): string;
export function check(
  file: string,
  name: string,
  password: string,
): 'ok' | 'bad' | 'expired' | 'nopass';
