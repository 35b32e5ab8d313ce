// What the Start dialog and the Passwordless SSH dialog call: the part of the one service
// interface (src/api/services.ts) they use, and the request and answer types they speak.
import type { GeoRepServices } from '../../api/services';

export type {
  CreateSessionRequest,
  PreflightRequest,
  PreflightResult,
  RemoteHostSuggestion,
} from '../../api/create';
export type {
  SshHostKey,
  SshKeySetupRequest,
  SshRemote,
  SshSetupRequest,
  SshVerifyRequest,
  SshVerifyResult,
} from '../../api/ssh';

export type StartServices = Pick<
  GeoRepServices,
  | 'listClusterHosts'
  | 'listClusterVolumes'
  | 'listRemoteHosts'
  | 'getHostKey'
  | 'getRemoteKey'
  | 'verifySsh'
  | 'setupSsh'
  | 'setupSshWithKey'
  | 'preflight'
  | 'createSession'
  | 'controlSession'
  | 'listSessions'
>;
