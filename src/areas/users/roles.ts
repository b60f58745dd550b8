// Who may do what: each user's roles, which the office's admins give and take.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";
import { createUserStore } from "./store.js";

export type { Role };
export const ROLES: readonly Role[] = ["admin", "manager", "staff"];

// A higher role can do what a lower one can: an admin manages, a manager also does staff work.
const RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when one of `held` is `needed` or a higher role. */
export function includesRole(held: readonly Role[], needed: Role): boolean {
  return held.some((r) => RANK[r] >= RANK[needed]);
}

export function createRoleService({ prisma }: { prisma: PrismaClient }) {
  const store = createUserStore(prisma);

  /** Gives the users named in the configuration (ADMIN_USER_IDS, MANAGER_USER_IDS) their role at start. */
  async function ensureRoleHolders(slackUserIds: string[], role: Role): Promise<void> {
    for (const slackUserId of slackUserIds) await store.addRole(slackUserId, role, "configuration");
  }

  return {
    rolesOf: store.rolesOf,
    ensureRoleHolders,

    /** True when the user holds `role` or a higher one. */
    async hasRole(slackUserId: string, role: Role): Promise<boolean> {
      return includesRole(await store.rolesOf(slackUserId), role);
    },

    async grantRole({ slackUserId, role, grantedBy }: { slackUserId: string; role: Role; grantedBy: string }) {
      await store.addRole(slackUserId, role, grantedBy);
    },

    /** Refuses to remove the last admin, so the office can never lock itself out. */
    async revokeRole({ slackUserId, role }: { slackUserId: string; role: Role }): Promise<"revoked" | "last_admin"> {
      return store.removeRoleUnlessLastAdmin(slackUserId, role);
    },

    async listRoleHolders(): Promise<{ slackUserId: string; roles: Role[] }[]> {
      const byUser = new Map<string, Role[]>();
      for (const row of await store.findRoleGrants())
        byUser.set(row.slackUserId, [...(byUser.get(row.slackUserId) ?? []), row.role]);
      return [...byUser].map(([slackUserId, roles]) => ({ slackUserId, roles }));
    },

    /** Exactly the holders of one role (the digest goes to managers, not to every admin). */
    holdersOf: store.findHoldersOf,

    async ensureAdmins(slackUserIds: string[]): Promise<void> {
      await ensureRoleHolders(slackUserIds, "admin");
    },
  };
}

export type RoleService = ReturnType<typeof createRoleService>;
