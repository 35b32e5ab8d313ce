// The demo lab: one definition of the data centers, clusters, hosts, volumes, users and roles that
// the engine emulator serves and the Gluster simulator runs. Changing the lab changes both, so
// they can never disagree about which host is in which cluster or which volume exists.
import { createHash } from 'node:crypto';

export type HostStatus = 'up' | 'maintenance' | 'non_responsive' | 'down' | 'installing';
export type VolumeType = 'distribute' | 'replicate' | 'distributed_replicate' | 'disperse';

export interface LabDataCenter {
  id: string;
  name: string;
}
export interface LabCluster {
  id: string;
  name: string;
  data_center_id: string;
  gluster_service: boolean;
  virt_service: boolean;
  version: { major: number; minor: number };
}
export interface LabHost {
  id: string;
  name: string;
  /** The address the engine and Gluster use (peer name in the trusted pool). */
  address: string;
  cluster_id: string;
  status: HostStatus;
  ssh_port: number;
  /** The host's sshd key, as `ssh-keygen -lf` prints it: `SHA256:<base64>` (no padding). */
  ssh_fingerprint: string;
  ssh_key_type: 'ssh-ed25519' | 'ecdsa-sha2-nistp256' | 'ssh-rsa';
  /** The host's sshd public key as the engine stores it (`ssh-ed25519 AAAA...`). */
  ssh_public_key?: string;
  /** Gluster version on the host. */
  gluster_version: string;
}
export interface LabBrick {
  host_id: string;
  dir: string;
}
export interface LabVolume {
  id: string;
  name: string;
  cluster_id: string;
  type: VolumeType;
  replica_count: number;
  bricks: LabBrick[];
  status: 'up' | 'down';
  size_bytes: number;
  used_bytes: number;
  /** Number of entries at the volume root besides .trashcan: 0 means empty. */
  root_entries: number;
}
export interface LabRole {
  id: string;
  name: string;
  administrative: boolean;
  /** Permit names as the engine's REST API spells them (e.g. `manipulate_gluster_volume`). */
  permits: string[];
}
export interface LabUser {
  id: string;
  /** `name@domain`, as WebAdmin and the SSO token endpoint use it. */
  user_name: string;
  password: string;
  first_name: string;
  last_name: string;
}
export interface LabPermission {
  id: string;
  user_id: string;
  role_id: string;
  /** What the permission is on. */
  on: { type: 'system' } | { type: 'data_center'; id: string } | { type: 'cluster'; id: string };
}
/** A standalone remote machine (not managed by this engine) that can be a geo-rep target. */
export interface LabRemoteHost {
  address: string;
  ssh_port: number;
  ssh_fingerprint: string;
  ssh_key_type: LabHost['ssh_key_type'];
  ssh_public_key?: string;
  gluster_version: string | null;
  /** Users that exist on it, with their passwords (simulator only). */
  users: { name: string; password: string }[];
  /** Gluster volumes on it (a single-node trusted pool), for the Gluster simulator. */
  volumes?: LabRemoteVolume[];
}
/** A single-brick volume on a remote host. */
export interface LabRemoteVolume {
  name: string;
  /** The brick directory; default `/gluster_bricks/<name>/brick1`. */
  brick_dir?: string;
  status: 'up' | 'down';
  size_bytes: number;
  used_bytes: number;
  /** Number of entries at the volume root besides .trashcan: 0 means empty. */
  root_entries: number;
}
export interface Lab {
  data_centers: LabDataCenter[];
  clusters: LabCluster[];
  hosts: LabHost[];
  volumes: LabVolume[];
  roles: LabRole[];
  users: LabUser[];
  permissions: LabPermission[];
  remote_hosts: LabRemoteHost[];
}

const GiB = 1024 ** 3;
/**
 * A made-up but well-formed ed25519 host key for a name, and its fingerprint computed the way
 * `ssh-keygen -lf` does (SHA256 of the key blob, base64 without padding), so the two always agree.
 */
function sshIdentity(seed: string): { ssh_fingerprint: string; ssh_public_key: string } {
  const field = (b: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const key = createHash('sha256').update(seed).digest(); // 32 bytes, the size of an ed25519 key
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(key)]);
  return {
    ssh_fingerprint:
      'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, ''),
    ssh_public_key: `ssh-ed25519 ${blob.toString('base64')}`,
  };
}

function bricks(hosts: string[], perHost: number, vol: string): LabBrick[] {
  const out: LabBrick[] = [];
  for (let i = 0; i < perHost; i++) {
    for (const h of hosts) out.push({ host_id: h, dir: `/gluster_bricks/${vol}/brick${i + 1}` });
  }
  return out;
}

/** The default lab of `npm start` and the end-to-end tests. */
export function defaultLab(): Lab {
  return {
    data_centers: [
      { id: 'dc-00000000-0000-0000-0000-000000000001', name: 'Default' },
      { id: 'dc-00000000-0000-0000-0000-000000000002', name: 'DR-Site' },
    ],
    clusters: [
      {
        id: 'cl-00000000-0000-0000-0000-000000000001',
        name: 'Default',
        data_center_id: 'dc-00000000-0000-0000-0000-000000000001',
        gluster_service: false,
        virt_service: true,
        version: { major: 4, minor: 7 },
      },
      {
        id: 'cl-00000000-0000-0000-0000-000000000002',
        name: 'gluster-prod',
        data_center_id: 'dc-00000000-0000-0000-0000-000000000001',
        gluster_service: true,
        virt_service: false,
        version: { major: 4, minor: 7 },
      },
      {
        id: 'cl-00000000-0000-0000-0000-000000000003',
        name: 'gluster-dr',
        data_center_id: 'dc-00000000-0000-0000-0000-000000000002',
        gluster_service: true,
        virt_service: false,
        version: { major: 4, minor: 6 },
      },
    ],
    hosts: [
      host('h-virt1', 'virt1.lab.example', 'cl-00000000-0000-0000-0000-000000000001', 'up', null),
      host(
        'h-prod1',
        'gprod1.lab.example',
        'cl-00000000-0000-0000-0000-000000000002',
        'up',
        '10.3',
      ),
      host(
        'h-prod2',
        'gprod2.lab.example',
        'cl-00000000-0000-0000-0000-000000000002',
        'up',
        '10.3',
      ),
      host(
        'h-prod3',
        'gprod3.lab.example',
        'cl-00000000-0000-0000-0000-000000000002',
        'maintenance',
        '10.3',
      ),
      host('h-dr1', 'gdr1.lab.example', 'cl-00000000-0000-0000-0000-000000000003', 'up', '10.3'),
      host('h-dr2', 'gdr2.lab.example', 'cl-00000000-0000-0000-0000-000000000003', 'up', '10.3'),
      host(
        'h-dr3',
        'gdr3.lab.example',
        'cl-00000000-0000-0000-0000-000000000003',
        'non_responsive',
        '10.3',
      ),
    ],
    volumes: [
      vol(
        'v-vmstore',
        'vmstore',
        'prod',
        'replicate',
        3,
        bricks(['h-prod1', 'h-prod2', 'h-prod3'], 1, 'vmstore'),
        'up',
        500,
        210,
        12,
      ),
      vol(
        'v-data',
        'data',
        'prod',
        'distributed_replicate',
        3,
        bricks(['h-prod1', 'h-prod2', 'h-prod3'], 2, 'data'),
        'up',
        2000,
        800,
        40,
      ),
      vol(
        'v-archive',
        'archive',
        'prod',
        'distribute',
        1,
        bricks(['h-prod1', 'h-prod2'], 1, 'archive'),
        'up',
        4000,
        3100,
        7,
      ),
      vol(
        'v-home',
        'home',
        'prod',
        'replicate',
        2,
        bricks(['h-prod1', 'h-prod2'], 1, 'home'),
        'up',
        300,
        120,
        30,
      ),
      vol(
        'v-scratch',
        'scratch',
        'prod',
        'distribute',
        1,
        bricks(['h-prod2'], 1, 'scratch'),
        'down',
        100,
        0,
        0,
      ),
      vol(
        'v-vmstore-dr',
        'vmstore-dr',
        'dr',
        'replicate',
        2,
        bricks(['h-dr1', 'h-dr2'], 1, 'vmstore-dr'),
        'up',
        600,
        200,
        12,
      ),
      vol(
        'v-data-dr',
        'data-dr',
        'dr',
        'replicate',
        2,
        bricks(['h-dr1', 'h-dr2'], 1, 'data-dr'),
        'up',
        2500,
        790,
        40,
      ),
      vol(
        'v-archive-dr',
        'archive-dr',
        'dr',
        'distribute',
        1,
        bricks(['h-dr1'], 1, 'archive-dr'),
        'up',
        5000,
        3000,
        7,
      ),
      vol(
        'v-home-dr',
        'home-dr',
        'dr',
        'replicate',
        2,
        bricks(['h-dr1', 'h-dr2'], 1, 'home-dr'),
        'up',
        300,
        100,
        29,
      ),
      vol(
        'v-backup-dr',
        'backup-dr',
        'dr',
        'replicate',
        2,
        bricks(['h-dr1', 'h-dr2'], 1, 'backup-dr'),
        'up',
        3000,
        0,
        0,
      ),
      vol(
        'v-small-dr',
        'small-dr',
        'dr',
        'distribute',
        1,
        bricks(['h-dr2'], 1, 'small-dr'),
        'up',
        50,
        0,
        0,
      ),
      vol(
        'v-used-dr',
        'used-dr',
        'dr',
        'distribute',
        1,
        bricks(['h-dr2'], 1, 'used-dr'),
        'up',
        3000,
        400,
        9,
      ),
      vol(
        'v-offline-dr',
        'offline-dr',
        'dr',
        'distribute',
        1,
        bricks(['h-dr1'], 1, 'offline-dr'),
        'down',
        3000,
        0,
        0,
      ),
    ],
    roles: [
      { id: 'role-superuser', name: 'SuperUser', administrative: true, permits: ['*'] },
      {
        id: 'role-glusteradmin',
        name: 'GlusterAdmin',
        administrative: true,
        permits: [
          'create_gluster_volume',
          'manipulate_gluster_volume',
          'delete_gluster_volume',
          'login',
        ],
      },
      { id: 'role-readonlyadmin', name: 'ReadOnlyAdmin', administrative: true, permits: ['login'] },
      { id: 'role-userrole', name: 'UserRole', administrative: false, permits: ['login'] },
      // As the engine defines it: a user role (role_type 2) whose only permit is
      // INJECT_EXTERNAL_EVENTS (packaging/dbscripts/data/00500_insert_roles.sql, 00700_insert_roles_groups.sql):
      // alone it cannot even log in. The service account also holds ReadOnlyAdmin (login, and the
      // unfiltered reads of the hosts' pinned SSH keys), as ovirt-gluster-georep-setup gives it.
      {
        id: 'role-externaleventscreator',
        name: 'ExternalEventsCreator',
        administrative: false,
        permits: ['inject_external_events'],
      },
    ],
    users: [
      // The service account the geo-rep service posts audit events with (development lab only).
      {
        id: 'u-georep-service',
        user_name: 'georep-service@internal',
        password: 'georep-service',
        first_name: 'Geo-rep',
        last_name: 'Service',
      },
      {
        id: 'u-admin',
        user_name: 'admin@internal',
        password: 'admin',
        first_name: 'admin',
        last_name: '',
      },
      {
        id: 'u-virtonly',
        user_name: 'virtonly@internal',
        password: 'virtonly',
        first_name: 'Virt',
        last_name: 'Only',
      },
      {
        id: 'u-glusterviewer',
        user_name: 'glusterviewer@internal',
        password: 'glusterviewer',
        first_name: 'Gluster',
        last_name: 'Viewer',
      },
      {
        id: 'u-glusteradmin',
        user_name: 'glusteradmin@internal',
        password: 'glusteradmin',
        first_name: 'Gluster',
        last_name: 'Admin',
      },
    ],
    permissions: [
      {
        id: 'p-0',
        user_id: 'u-georep-service',
        role_id: 'role-externaleventscreator',
        on: { type: 'system' },
      },
      {
        id: 'p-0r',
        user_id: 'u-georep-service',
        role_id: 'role-readonlyadmin',
        on: { type: 'system' },
      },
      { id: 'p-1', user_id: 'u-admin', role_id: 'role-superuser', on: { type: 'system' } },
      {
        id: 'p-2',
        user_id: 'u-virtonly',
        role_id: 'role-userrole',
        on: { type: 'cluster', id: 'cl-00000000-0000-0000-0000-000000000001' },
      },
      {
        id: 'p-3',
        user_id: 'u-glusterviewer',
        role_id: 'role-readonlyadmin',
        on: { type: 'cluster', id: 'cl-00000000-0000-0000-0000-000000000002' },
      },
      {
        id: 'p-4',
        user_id: 'u-glusterviewer',
        role_id: 'role-readonlyadmin',
        on: { type: 'cluster', id: 'cl-00000000-0000-0000-0000-000000000003' },
      },
      {
        id: 'p-5',
        user_id: 'u-glusteradmin',
        role_id: 'role-glusteradmin',
        on: { type: 'data_center', id: 'dc-00000000-0000-0000-0000-000000000001' },
      },
      {
        id: 'p-6',
        user_id: 'u-glusteradmin',
        role_id: 'role-glusteradmin',
        on: { type: 'cluster', id: 'cl-00000000-0000-0000-0000-000000000003' },
      },
    ],
    remote_hosts: [
      {
        address: 'backup.remote.example',
        ssh_port: 22,
        ...sshIdentity('backup.remote.example'),
        ssh_key_type: 'ssh-ed25519',
        gluster_version: '10.3',
        users: [
          { name: 'root', password: 'remote-root-pw' },
          { name: 'geoaccount', password: 'geo-pw' },
        ],
        volumes: [
          {
            name: 'vmstore-backup',
            status: 'up',
            size_bytes: 1000 * GiB,
            used_bytes: 0,
            root_entries: 0,
          },
          {
            name: 'home-backup',
            status: 'up',
            size_bytes: 500 * GiB,
            used_bytes: 0,
            root_entries: 0,
          },
        ],
      },
      {
        address: 'nogluster.remote.example',
        ssh_port: 22,
        ...sshIdentity('nogluster.remote.example'),
        ssh_key_type: 'ssh-ed25519',
        gluster_version: null,
        users: [{ name: 'root', password: 'remote-root-pw' }],
      },
    ],
  };
}

function host(
  id: string,
  name: string,
  cluster_id: string,
  status: HostStatus,
  gluster: string | null,
): LabHost {
  return {
    id,
    name: name.split('.')[0]!,
    address: name,
    cluster_id,
    status,
    ssh_port: 22,
    ...sshIdentity(name),
    ssh_key_type: 'ssh-ed25519',
    gluster_version: gluster ?? '',
  };
}

function vol(
  id: string,
  name: string,
  site: 'prod' | 'dr',
  type: VolumeType,
  replica_count: number,
  b: LabBrick[],
  status: 'up' | 'down',
  sizeGiB: number,
  usedGiB: number,
  root_entries: number,
): LabVolume {
  return {
    id,
    name,
    cluster_id:
      site === 'prod'
        ? 'cl-00000000-0000-0000-0000-000000000002'
        : 'cl-00000000-0000-0000-0000-000000000003',
    type,
    replica_count,
    bricks: b,
    status,
    size_bytes: sizeGiB * GiB,
    used_bytes: usedGiB * GiB,
    root_entries,
  };
}
