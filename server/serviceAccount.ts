// The service's own engine account, used only to post audit events: the engine requires the
// `inject_external_events` permit to add an event, which the users who act on Gluster (e.g. the
// GlusterAdmin role) do not hold. The account logs in through the engine's SSO password grant; the
// token is kept in memory, renewed before it expires, and never logged.
import type { Agent as HttpsAgent } from 'node:https';
import axios from 'axios';

export interface ServiceAccount {
  user: string;
  password: string;
}

export function ssoTokenProvider(
  engineUrl: string,
  account: ServiceAccount,
  timeoutMs = 15_000,
  httpsAgent?: HttpsAgent,
): () => Promise<string | null> {
  const base = engineUrl.endsWith('/') ? engineUrl : `${engineUrl}/`;
  let token: { value: string; expires: number } | null = null;
  let pending: Promise<string | null> | null = null;
  const fetchToken = async (): Promise<string | null> => {
    const form = new URLSearchParams({
      grant_type: 'password',
      username: account.user,
      password: account.password,
      scope: 'ovirt-app-api',
    });
    const res = await axios.post<{ access_token?: string; exp?: string | number }>(
      `${base}sso/oauth/token`,
      form.toString(),
      {
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        timeout: timeoutMs,
        httpsAgent,
        proxy: false,
        validateStatus: () => true,
      },
    );
    if (res.status !== 200 || typeof res.data.access_token !== 'string') {
      // Never echo the request: it carries the password.
      throw new Error(
        `the engine refused the service account ${account.user} (HTTP ${res.status})`,
      );
    }
    const exp = Number(res.data.exp);
    // Renew a minute early; without a usable expiry, keep it for ten minutes.
    const expires = Number.isFinite(exp) && exp > Date.now() ? exp - 60_000 : Date.now() + 600_000;
    token = { value: res.data.access_token, expires };
    return token.value;
  };
  return async () => {
    if (token && token.expires > Date.now()) return token.value;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  };
}
