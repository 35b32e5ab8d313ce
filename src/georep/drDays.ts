// The days of a weekly storage domain sync (oVirt's StorageSyncSchedule days MON..SUN): a leaf
// shared by the rules (./dr.ts) and the wire contract (./contract/dr.ts).
export const DR_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DrDay = (typeof DR_DAYS)[number];
