// The demo lab plus the callers the Filter rules are checked with (tests only): a GlusterAdmin on
// one cluster alone, and a user whose only role is a user-type one (UserRole, role_type 2) on a
// Gluster cluster: that user could not log in to WebAdmin (only admins can), but can call the REST
// API, and is the one whom a filtered read shows a cluster.
import { defaultLab, LAB_IDS, type Lab } from '../../dev/lab';

export const FILTER_IDS = {
  userDrAdmin: '0b7f3c52-5a1e-4d6c-9e0f-6f1d2b3c4a51',
  userProdUser: '2c9e4d63-6b2f-4e7d-8f10-7a2e3c4d5b62',
  permissionDrAdmin: '3dae5e74-7c30-4f8e-9021-8b3f4d5e6c73',
  permissionProdUser: '4ebf6f85-8d41-4a9f-a132-9c405e6f7d84',
};

export function filterLab(lab: Lab = defaultLab()): Lab {
  lab.users.push(
    {
      id: FILTER_IDS.userDrAdmin,
      user_name: 'dradmin@internal',
      password: 'dradmin',
      first_name: 'DR',
      last_name: 'Admin',
    },
    {
      id: FILTER_IDS.userProdUser,
      user_name: 'produser@internal',
      password: 'produser',
      first_name: 'Prod',
      last_name: 'User',
    },
  );
  lab.permissions.push(
    {
      id: FILTER_IDS.permissionDrAdmin,
      user_id: FILTER_IDS.userDrAdmin,
      role_id: LAB_IDS.roleGlusteradmin,
      on: { type: 'cluster', id: LAB_IDS.clusterDr },
    },
    {
      id: FILTER_IDS.permissionProdUser,
      user_id: FILTER_IDS.userProdUser,
      role_id: LAB_IDS.roleUserrole,
      on: { type: 'cluster', id: LAB_IDS.clusterProd },
    },
  );
  return lab;
}
