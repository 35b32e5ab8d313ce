// The demo lab: one definition of the data centers, clusters, hosts, volumes, users and roles that
// the engine emulator serves and the Gluster simulator runs. Changing the lab changes both, so
// they can never disagree about which host is in which cluster or which volume exists.
import { createHash } from 'node:crypto';
import { fingerprintOfBlob } from '../server/ssh/keys';

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
  /** The user the engine logs in to the host as (VdsStatic.sshUsername); root by default. */
  ssh_user?: string;
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
  /**
   * The engine's roles.role_type: true for ADMIN (1), false for USER (2). As predefined
   * (packaging/dbscripts/data/00500_insert_roles.sql): SuperUser, ClusterAdmin, GlusterAdmin,
   * ReadOnlyAdmin are 1; UserRole, ExternalEventsCreator are 2. It decides DbUser.isAdmin (any
   * role_type 1 role) and what a filtered read shows (role_type 2 only): dev/engine/access.ts.
   */
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
  /** Given to a user ... */
  user_id?: string;
  /** ... or to a group (the engine's ad_element_id is either). */
  group_id?: string;
  role_id: string;
  /** What the permission is on. */
  on:
    | { type: 'system' }
    | { type: 'data_center'; id: string }
    | { type: 'cluster'; id: string }
    | { type: 'host'; id: string }
    | { type: 'gluster_volume'; id: string }
    | { type: 'vm'; id: string };
}
/** A directory group the engine knows (DbGroup), with the lab users who belong to it. */
export interface LabGroup {
  id: string;
  /** `name@domain`. */
  name: string;
  members: string[];
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
/**
 * A storage domain as the engine records it (StorageDomainStatic + its storage server connection):
 * a glusterfs data domain's connection is `<host>:/<volume>` (StorageDomainMapper, mapFileDomain).
 */
export interface LabStorageDomain {
  id: string;
  name: string;
  data_center_id: string;
  storage_type: 'glusterfs' | 'nfs';
  /** The connection's host part (`address`) and path part (`path`, `/<volume>` for glusterfs). */
  address: string;
  path: string;
  mount_options?: string;
  available_bytes: number;
  used_bytes: number;
}
/** A VM and the storage domains its disks are on. */
export interface LabVm {
  id: string;
  name: string;
  cluster_id: string;
  status: 'up' | 'down' | 'paused';
  disk_storage_domain_ids: string[];
}
export interface Lab {
  /** Storage domains and VMs (disaster recovery of Gluster storage domains); none when absent. */
  storage_domains?: LabStorageDomain[];
  vms?: LabVm[];
  /** The engine's version (product_info; what the REST API and the pluginApi offer depend on it). */
  engine_version?: string;
  data_centers: LabDataCenter[];
  clusters: LabCluster[];
  hosts: LabHost[];
  volumes: LabVolume[];
  roles: LabRole[];
  users: LabUser[];
  permissions: LabPermission[];
  groups?: LabGroup[];
  remote_hosts: LabRemoteHost[];
}

/**
 * The lab's ids: UUIDs, as the engine's are (Guid everywhere in the REST API). The predefined
 * roles keep the engine's own (PredefinedRoles.java; packaging/dbscripts/data/00500_insert_roles.sql);
 * the rest are fixed name-based UUIDs, so tests can name them.
 */
export const LAB_IDS = {
  clusterDefault: '18d77d06-7266-3dfe-9df1-76438dd2f450',
  clusterProd: '9d89dd81-a594-3d63-a06d-d4e8df16b64e',
  clusterDr: 'c56ac4fe-c636-3534-bc3c-7e9093801d29',
  dcDefault: '7269c799-435a-3dfc-b78e-5ef9cbe34401',
  dcDr: '1761f6ca-df8d-3359-bffd-1a7a78e2614b',
  hostDr1: '1dc3d0cd-9e54-3c41-a1ef-23b9673be8cb',
  hostDr2: '4511d37a-bafa-34bd-bf89-cdd43f283563',
  hostDr3: 'd45dffea-82a9-3d48-a60c-f477721846ec',
  hostProd1: 'c81b92ae-997c-3484-baa3-e5fded264355',
  hostProd2: '8d00c721-20c9-36da-97cc-ed559cab14cc',
  hostProd3: '33eba627-6ede-35b6-b4cd-dda3787d9ae6',
  hostVirt1: '4fdde4f1-e968-3d49-a397-1fa22265f3e5',
  permission0: '1ec090f9-7c58-32b0-a535-5021b2c1bb11',
  permission0r: '5b0f1c1e-8f4e-3c8a-9d3f-2a7c4e1b6d90',
  permission1: 'edd1ae04-a17e-3d06-8675-cfca47bff0e8',
  permission2: '26535a62-2601-3b7a-824d-79736a0cb860',
  permission3: '29d12dde-b051-3653-9764-1164293b59f8',
  permission4: 'ffc9c054-307a-3652-b1cb-207f26d5fc2c',
  permission5: 'bba238e8-cbc5-325e-a070-ace8689bcfd5',
  permission6: '6f58125b-72f9-310d-a309-555a0cc28cf1',
  roleExternaleventscreator: 'def0000c-0000-0000-0000-def000000000',
  roleGlusteradmin: 'def0000b-0000-0000-0000-def00000000b',
  roleReadonlyadmin: 'def0000c-0000-0000-0000-def00000000c',
  roleSuperuser: '00000000-0000-0000-0000-000000000001',
  roleUserrole: '00000000-0000-0000-0001-000000000001',
  userAdmin: '59c035ea-763e-3ad9-a8e6-532bf4d0cdba',
  userGeorepService: 'd3d3c646-f597-3847-8ac1-281785c4e295',
  userGlusteradmin: 'ab541927-e9af-3366-9349-95577c67a111',
  userGlusterviewer: 'f45780d3-e140-36fc-9943-6fa47e83138a',
  userVirtonly: 'd8d3c937-4bff-351f-875c-1b13afd3cfc1',
  userVolumeadmin: 'c0e70ab2-53ba-35f3-82a0-effbac728099',
  userGroupadmin: '5999bfa3-3cfe-38c6-8570-4c51fb07467a',
  groupGlusterOps: '1a10531f-c38c-38c8-a944-29d50f54337b',
  permissionVolumeadmin1: 'c3b3ff21-6dc4-3135-934e-6a62ca046f54',
  permissionVolumeadmin2: '7fb19854-985f-32be-b9a6-f9661612f507',
  permissionGlusterOps: '6a2a7ce1-7fc6-34ae-8f37-1ca0f2e64e7c',
  volumeArchive: 'a12c9d02-8a4f-3b9e-9d19-fc8d4a2429d8',
  volumeArchiveDr: '60ce3321-3320-3b78-a813-d740dec3a03c',
  volumeBackupDr: 'aa134325-52b1-3235-ad40-d12621bba6e3',
  volumeData: '491760ca-4684-32a8-b802-880ce7d27156',
  volumeDataDr: '40e97077-cf9f-3b95-83d0-77e53dda9a40',
  volumeHome: 'a2697e6e-f0aa-3869-be4e-b83acb3c2dfc',
  volumeHomeDr: '372d86f5-96db-34d6-bc2b-c0fe770fc1a3',
  volumeOfflineDr: '8f3e5f43-1eb7-308d-8c21-a48b7018470e',
  volumeScratch: '1e6a88d6-c412-311c-a688-d5b12cae36de',
  volumeSmallDr: 'b847e719-8048-39be-b1b5-2dcfc5ecbce3',
  volumeUsedDr: 'f2f54b6c-1f87-3ea0-ba10-49bf18e02578',
  volumeVmstore: '9b62da60-805c-387b-9252-c2d6ab2d5dae',
  volumeVmstoreDr: 'e7a39667-a38f-33ce-94b8-2c3ea3fd4bda',
  // disaster recovery of storage domains (name-based UUIDs, as the rest)
  sdData: '3f0c1a86-62f4-3b8d-9a4e-1d2f3c4b5a60',
  sdVmstore: '6a1b2c3d-4e5f-3a6b-8c7d-9e0f1a2b3c4d',
  sdIso: '7b2c3d4e-5f6a-3b7c-9d8e-0f1a2b3c4d5e',
  vmWeb01: 'a1b2c3d4-e5f6-3a7b-8c9d-0e1f2a3b4c5d',
  vmDb01: 'b2c3d4e5-f6a7-3b8c-9d0e-1f2a3b4c5d6e',
  vmTest01: 'c3d4e5f6-a7b8-3c9d-8e1f-2a3b4c5d6e7f',
  vmApp02: 'd4e5f6a7-b8c9-3d0e-9f2a-3b4c5d6e7f80',
  roleUservmmanager: 'def00006-0000-0000-0000-def000000006',
  permissionServiceVms: '0c9d8e7f-6a5b-3c4d-8e2f-1a0b9c8d7e6f',
} as const;

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
    ssh_fingerprint: fingerprintOfBlob(blob),
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
    engine_version: '4.5.7',
    data_centers: [
      { id: LAB_IDS.dcDefault, name: 'Default' },
      { id: LAB_IDS.dcDr, name: 'DR-Site' },
    ],
    clusters: [
      {
        id: LAB_IDS.clusterDefault,
        name: 'Default',
        data_center_id: LAB_IDS.dcDefault,
        gluster_service: false,
        virt_service: true,
        version: { major: 4, minor: 7 },
      },
      {
        id: LAB_IDS.clusterProd,
        name: 'gluster-prod',
        data_center_id: LAB_IDS.dcDefault,
        gluster_service: true,
        virt_service: false,
        version: { major: 4, minor: 7 },
      },
      {
        id: LAB_IDS.clusterDr,
        name: 'gluster-dr',
        data_center_id: LAB_IDS.dcDr,
        gluster_service: true,
        virt_service: false,
        version: { major: 4, minor: 6 },
      },
    ],
    hosts: [
      host(LAB_IDS.hostVirt1, 'virt1.lab.example', LAB_IDS.clusterDefault, 'up', null),
      host(LAB_IDS.hostProd1, 'gprod1.lab.example', LAB_IDS.clusterProd, 'up', '10.3'),
      host(LAB_IDS.hostProd2, 'gprod2.lab.example', LAB_IDS.clusterProd, 'up', '10.3'),
      host(LAB_IDS.hostProd3, 'gprod3.lab.example', LAB_IDS.clusterProd, 'maintenance', '10.3'),
      host(LAB_IDS.hostDr1, 'gdr1.lab.example', LAB_IDS.clusterDr, 'up', '10.3'),
      host(LAB_IDS.hostDr2, 'gdr2.lab.example', LAB_IDS.clusterDr, 'up', '10.3'),
      host(LAB_IDS.hostDr3, 'gdr3.lab.example', LAB_IDS.clusterDr, 'non_responsive', '10.3'),
    ],
    volumes: [
      vol(
        LAB_IDS.volumeVmstore,
        'vmstore',
        'prod',
        'replicate',
        3,
        bricks([LAB_IDS.hostProd1, LAB_IDS.hostProd2, LAB_IDS.hostProd3], 1, 'vmstore'),
        'up',
        500,
        210,
        12,
      ),
      vol(
        LAB_IDS.volumeData,
        'data',
        'prod',
        'distributed_replicate',
        3,
        bricks([LAB_IDS.hostProd1, LAB_IDS.hostProd2, LAB_IDS.hostProd3], 2, 'data'),
        'up',
        2000,
        800,
        40,
      ),
      vol(
        LAB_IDS.volumeArchive,
        'archive',
        'prod',
        'distribute',
        1,
        bricks([LAB_IDS.hostProd1, LAB_IDS.hostProd2], 1, 'archive'),
        'up',
        4000,
        3100,
        7,
      ),
      vol(
        LAB_IDS.volumeHome,
        'home',
        'prod',
        'replicate',
        2,
        bricks([LAB_IDS.hostProd1, LAB_IDS.hostProd2], 1, 'home'),
        'up',
        300,
        120,
        30,
      ),
      vol(
        LAB_IDS.volumeScratch,
        'scratch',
        'prod',
        'distribute',
        1,
        bricks([LAB_IDS.hostProd2], 1, 'scratch'),
        'down',
        100,
        0,
        0,
      ),
      vol(
        LAB_IDS.volumeVmstoreDr,
        'vmstore-dr',
        'dr',
        'replicate',
        2,
        bricks([LAB_IDS.hostDr1, LAB_IDS.hostDr2], 1, 'vmstore-dr'),
        'up',
        600,
        200,
        12,
      ),
      vol(
        LAB_IDS.volumeDataDr,
        'data-dr',
        'dr',
        'replicate',
        2,
        bricks([LAB_IDS.hostDr1, LAB_IDS.hostDr2], 1, 'data-dr'),
        'up',
        2500,
        790,
        40,
      ),
      vol(
        LAB_IDS.volumeArchiveDr,
        'archive-dr',
        'dr',
        'distribute',
        1,
        bricks([LAB_IDS.hostDr1], 1, 'archive-dr'),
        'up',
        5000,
        3000,
        7,
      ),
      vol(
        LAB_IDS.volumeHomeDr,
        'home-dr',
        'dr',
        'replicate',
        2,
        bricks([LAB_IDS.hostDr1, LAB_IDS.hostDr2], 1, 'home-dr'),
        'up',
        300,
        100,
        29,
      ),
      vol(
        LAB_IDS.volumeBackupDr,
        'backup-dr',
        'dr',
        'replicate',
        2,
        bricks([LAB_IDS.hostDr1, LAB_IDS.hostDr2], 1, 'backup-dr'),
        'up',
        3000,
        0,
        0,
      ),
      vol(
        LAB_IDS.volumeSmallDr,
        'small-dr',
        'dr',
        'distribute',
        1,
        bricks([LAB_IDS.hostDr2], 1, 'small-dr'),
        'up',
        50,
        0,
        0,
      ),
      vol(
        LAB_IDS.volumeUsedDr,
        'used-dr',
        'dr',
        'distribute',
        1,
        bricks([LAB_IDS.hostDr2], 1, 'used-dr'),
        'up',
        3000,
        400,
        9,
      ),
      vol(
        LAB_IDS.volumeOfflineDr,
        'offline-dr',
        'dr',
        'distribute',
        1,
        bricks([LAB_IDS.hostDr1], 1, 'offline-dr'),
        'down',
        3000,
        0,
        0,
      ),
    ],
    // Storage domains on the prod cluster's volumes (and one NFS domain, not eligible), used by
    // the VMs of the virt cluster.
    storage_domains: [
      {
        id: LAB_IDS.sdData,
        name: 'data',
        data_center_id: LAB_IDS.dcDefault,
        storage_type: 'glusterfs',
        address: 'gprod1.lab.example',
        path: '/data',
        mount_options: 'backup-volfile-servers=gprod2.lab.example:gprod3.lab.example',
        available_bytes: 1200 * GiB,
        used_bytes: 800 * GiB,
      },
      {
        id: LAB_IDS.sdVmstore,
        name: 'vmstore',
        data_center_id: LAB_IDS.dcDefault,
        storage_type: 'glusterfs',
        address: 'gprod1.lab.example',
        path: '/vmstore',
        available_bytes: 290 * GiB,
        used_bytes: 210 * GiB,
      },
      {
        id: LAB_IDS.sdIso,
        name: 'iso',
        data_center_id: LAB_IDS.dcDefault,
        storage_type: 'nfs',
        address: 'nfs.lab.example',
        path: '/exports/iso',
        available_bytes: 90 * GiB,
        used_bytes: 10 * GiB,
      },
    ],
    vms: [
      {
        id: LAB_IDS.vmWeb01,
        name: 'web01',
        cluster_id: LAB_IDS.clusterDefault,
        status: 'up',
        disk_storage_domain_ids: [LAB_IDS.sdData],
      },
      {
        id: LAB_IDS.vmDb01,
        name: 'db01',
        cluster_id: LAB_IDS.clusterDefault,
        status: 'up',
        disk_storage_domain_ids: [LAB_IDS.sdData, LAB_IDS.sdVmstore],
      },
      {
        id: LAB_IDS.vmTest01,
        name: 'test01',
        cluster_id: LAB_IDS.clusterDefault,
        status: 'down',
        disk_storage_domain_ids: [LAB_IDS.sdData],
      },
      {
        id: LAB_IDS.vmApp02,
        name: 'app02',
        cluster_id: LAB_IDS.clusterDefault,
        status: 'up',
        disk_storage_domain_ids: [LAB_IDS.sdVmstore],
      },
    ],
    roles: [
      { id: LAB_IDS.roleSuperuser, name: 'SuperUser', administrative: true, permits: ['*'] },
      {
        id: LAB_IDS.roleGlusteradmin,
        name: 'GlusterAdmin',
        administrative: true,
        permits: [
          'create_gluster_volume',
          'manipulate_gluster_volume',
          'delete_gluster_volume',
          'login',
        ],
      },
      {
        id: LAB_IDS.roleReadonlyadmin,
        name: 'ReadOnlyAdmin',
        administrative: true,
        permits: ['login'],
      },
      { id: LAB_IDS.roleUserrole, name: 'UserRole', administrative: false, permits: ['login'] },
      // A user role (role_type 2) with every VM operation, snapshots included (00500_insert_roles.sql).
      {
        id: LAB_IDS.roleUservmmanager,
        name: 'UserVmManager',
        administrative: false,
        permits: [
          'delete_vm',
          'edit_vm_properties',
          'vm_basic_operations',
          'change_vm_cd',
          'connect_to_vm',
          'configure_vm_network',
          'configure_vm_storage',
          'manipulate_vm_snapshots',
          'reconnect_to_vm',
          'login',
        ],
      },
      // As the engine defines it: a user role (role_type 2) whose only permit is
      // INJECT_EXTERNAL_EVENTS (packaging/dbscripts/data/00500_insert_roles.sql, 00700_insert_roles_groups.sql):
      // alone it cannot even log in. The service account also holds ReadOnlyAdmin (login, and the
      // unfiltered reads of the hosts' pinned SSH keys), as ovirt-gluster-georep-setup gives it.
      {
        id: LAB_IDS.roleExternaleventscreator,
        name: 'ExternalEventsCreator',
        administrative: false,
        permits: ['inject_external_events'],
      },
    ],
    users: [
      // The service account the geo-rep service posts audit events with (development lab only).
      {
        id: LAB_IDS.userGeorepService,
        user_name: 'georep-service@internal',
        password: 'georep-service',
        first_name: 'Geo-rep',
        last_name: 'Service',
      },
      {
        id: LAB_IDS.userAdmin,
        user_name: 'admin@internal',
        password: 'admin',
        first_name: 'admin',
        last_name: '',
      },
      {
        id: LAB_IDS.userVirtonly,
        user_name: 'virtonly@internal',
        password: 'virtonly',
        first_name: 'Virt',
        last_name: 'Only',
      },
      {
        id: LAB_IDS.userGlusterviewer,
        user_name: 'glusterviewer@internal',
        password: 'glusterviewer',
        first_name: 'Gluster',
        last_name: 'Viewer',
      },
      {
        id: LAB_IDS.userGlusteradmin,
        user_name: 'glusteradmin@internal',
        password: 'glusteradmin',
        first_name: 'Gluster',
        last_name: 'Admin',
      },
      // GlusterAdmin on the volume vmstore only (and read-only on its cluster, to see it).
      {
        id: LAB_IDS.userVolumeadmin,
        user_name: 'volumeadmin@internal',
        password: 'volumeadmin',
        first_name: 'Volume',
        last_name: 'Admin',
      },
      // No permission of their own: GlusterAdmin on gluster-dr through the group gluster-ops.
      {
        id: LAB_IDS.userGroupadmin,
        user_name: 'groupadmin@internal',
        password: 'groupadmin',
        first_name: 'Group',
        last_name: 'Admin',
      },
    ],
    groups: [
      {
        id: LAB_IDS.groupGlusterOps,
        name: 'gluster-ops@internal',
        members: [LAB_IDS.userGroupadmin],
      },
    ],
    permissions: [
      // Disaster recovery: the service account snapshots the VMs of a storage domain it syncs
      // (CreateSnapshotForVm needs MANIPULATE_VM_SNAPSHOTS on the VM, which UserVmManager holds;
      // ovirt-gluster-georep-setup --dr gives it on the data centers to protect).
      {
        id: LAB_IDS.permissionServiceVms,
        user_id: LAB_IDS.userGeorepService,
        role_id: LAB_IDS.roleUservmmanager,
        on: { type: 'data_center', id: LAB_IDS.dcDefault },
      },
      {
        id: LAB_IDS.permission0,
        user_id: LAB_IDS.userGeorepService,
        role_id: LAB_IDS.roleExternaleventscreator,
        on: { type: 'system' },
      },
      {
        id: LAB_IDS.permission0r,
        user_id: LAB_IDS.userGeorepService,
        role_id: LAB_IDS.roleReadonlyadmin,
        on: { type: 'system' },
      },
      {
        id: LAB_IDS.permission1,
        user_id: LAB_IDS.userAdmin,
        role_id: LAB_IDS.roleSuperuser,
        on: { type: 'system' },
      },
      {
        id: LAB_IDS.permission2,
        user_id: LAB_IDS.userVirtonly,
        role_id: LAB_IDS.roleUserrole,
        on: { type: 'cluster', id: LAB_IDS.clusterDefault },
      },
      {
        id: LAB_IDS.permission3,
        user_id: LAB_IDS.userGlusterviewer,
        role_id: LAB_IDS.roleReadonlyadmin,
        on: { type: 'cluster', id: LAB_IDS.clusterProd },
      },
      {
        id: LAB_IDS.permission4,
        user_id: LAB_IDS.userGlusterviewer,
        role_id: LAB_IDS.roleReadonlyadmin,
        on: { type: 'cluster', id: LAB_IDS.clusterDr },
      },
      {
        id: LAB_IDS.permission5,
        user_id: LAB_IDS.userGlusteradmin,
        role_id: LAB_IDS.roleGlusteradmin,
        on: { type: 'data_center', id: LAB_IDS.dcDefault },
      },
      {
        id: LAB_IDS.permission6,
        user_id: LAB_IDS.userGlusteradmin,
        role_id: LAB_IDS.roleGlusteradmin,
        on: { type: 'cluster', id: LAB_IDS.clusterDr },
      },
      {
        id: LAB_IDS.permissionVolumeadmin1,
        user_id: LAB_IDS.userVolumeadmin,
        role_id: LAB_IDS.roleGlusteradmin,
        on: { type: 'gluster_volume', id: LAB_IDS.volumeVmstore },
      },
      {
        id: LAB_IDS.permissionVolumeadmin2,
        user_id: LAB_IDS.userVolumeadmin,
        role_id: LAB_IDS.roleReadonlyadmin,
        on: { type: 'cluster', id: LAB_IDS.clusterProd },
      },
      {
        id: LAB_IDS.permissionGlusterOps,
        group_id: LAB_IDS.groupGlusterOps,
        role_id: LAB_IDS.roleGlusteradmin,
        on: { type: 'cluster', id: LAB_IDS.clusterDr },
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
    cluster_id: site === 'prod' ? LAB_IDS.clusterProd : LAB_IDS.clusterDr,
    type,
    replica_count,
    bricks: b,
    status,
    size_bytes: sizeGiB * GiB,
    used_bytes: usedGiB * GiB,
    root_entries,
  };
}
