// How the plugin and the service read the engine's REST API: the headers of an engine read, one
// truth for both. No `Filter` header (nor `filter` parameter): the engine then decides as it does
// for WebAdmin itself. In oVirt/ovirt-engine:
// - BaseBackendResource.isFiltered (restapi/jaxrs/.../resource/BaseBackendResource.java): with no
//   `filter` parameter (ParametersHelper.getParameter: query, matrix, then the `Filter` header), an
//   admin user (DbUser.isAdmin: any role of type ADMIN, the user's or a group's —
//   CreateUserSessionCommand, GetAnyAdminRoleByUserIdAndGroupIds) runs unfiltered, anyone else
//   filtered (ENGINE_API_FILTER_BY_DEFAULT="true", packaging/services/ovirt-engine/ovirt-engine.conf.in);
// - WebAdmin runs every query unfiltered (WebAdminHostPageServlet.filterQueries and
//   webadmin ApplicationInit.filterFrontendQueries return false), and only admins log in to it
//   (CreateUserSessionCommand: isAdminRequired), so it shows an admin every cluster;
// - a *filtered* read counts only USER-type roles (role_type = 2 in create_views.sql's
//   user_cluster_permissions_view_base and the other user_*_permissions_view_base): GlusterAdmin,
//   ReadOnlyAdmin, ClusterAdmin and SuperUser are admin roles (role_type 1, packaging/dbscripts/
//   data/00500_insert_roles.sql), so `Filter: true` would show a WebAdmin user no cluster at all;
// - ovirt-engine-ui-extensions (the Dashboard plugin) sends no Filter either (src/utils/fetch.js,
//   engineRequestHeaders: Accept, Content-Type, Authorization).
// What a user may *do* is not decided by what they see: the service checks the permit on the
// cluster, its data center or the system for every action (server/auth.ts).

/**
 * The headers of a read of the engine's REST API (`api/...`) with the user's SSO token (null: a
 * client that adds it at each call, as WebAdmin may renew it).
 */
export function engineReadHeaders(token: string | null): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json', Version: '4' };
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}
