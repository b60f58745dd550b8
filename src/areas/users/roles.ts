// Who may do what: each user's roles, which the office's admins give and take.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";
import { type AuditLog, noAudit } from "../../lib/audit.js";
import { createUserStore } from "./store.js";

export type { Role };
export const ROLES: readonly Role[] = ["admin", "manager", "staff", "reader"];

// A higher role can do what a lower one can: an admin manages, a manager also does staff work.
// A reader (the mayor's office, the secretary-general) stands beside the ladder, not on it: they
// receive the digest and the period reports, which managers also may, and have no staff rights.
const RANK: Record<Role, number> = { reader: 0, staff: 1, manager: 2, admin: 3 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * True when one of `held` is `needed` or a higher role. `reader` is held by readers and by managers
 * and admins, never by staff alone; a reader holds nothing else by being one.
 */
export function includesRole(held: readonly Role[], needed: Role): boolean {
  if (needed === "reader") return held.some((r) => r === "reader" || RANK[r] >= RANK.manager);
  return held.some((r) => r !== "reader" && RANK[r] >= RANK[needed]);
}

export function createRoleService({ prisma, audit = noAudit }: { prisma: PrismaClient; audit?: AuditLog }) {
  const store = createUserStore(prisma);

  /** Gives the role; a role newly given is audited with who gave it (a Slack id, or "configuration"). */
  async function grant(slackUserId: string, role: Role, grantedBy: string): Promise<void> {
    if (await store.addRole(slackUserId, role, grantedBy))
      audit.record("role.granted", { user: slackUserId, role, by: grantedBy });
  }

  /** Gives the users named in the configuration (ADMIN_USER_IDS, MANAGER_USER_IDS) their role at start. */
  async function ensureRoleHolders(slackUserIds: string[], role: Role): Promise<void> {
    for (const slackUserId of slackUserIds) await grant(slackUserId, role, "configuration");
  }

  return {
    rolesOf: store.rolesOf,
    ensureRoleHolders,

    /** True when the user holds `role` or a higher one. */
    async hasRole(slackUserId: string, role: Role): Promise<boolean> {
      return includesRole(await store.rolesOf(slackUserId), role);
    },

    async grantRole({ slackUserId, role, grantedBy }: { slackUserId: string; role: Role; grantedBy: string }) {
      await grant(slackUserId, role, grantedBy);
    },

    /**
     * Refuses to remove the last admin, so the office can never lock itself out. A role removed is
     * audited with who removed it; one the user did not hold changes nothing and is not.
     */
    async revokeRole({
      slackUserId,
      role,
      revokedBy,
    }: {
      slackUserId: string;
      role: Role;
      revokedBy: string;
    }): Promise<"revoked" | "last_admin"> {
      const outcome = await store.removeRoleUnlessLastAdmin(slackUserId, role);
      if (outcome === "revoked") audit.record("role.revoked", { user: slackUserId, role, by: revokedBy });
      return outcome === "last_admin" ? "last_admin" : "revoked";
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
