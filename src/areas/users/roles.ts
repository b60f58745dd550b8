import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";

export type { Role };
export const ROLES: readonly Role[] = ["admin", "manager", "staff"];

// A higher role can do what a lower one can: an admin manages, a manager also does staff work.
const RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function createRoleService({ prisma }: { prisma: PrismaClient }) {
  async function rolesOf(slackUserId: string): Promise<Role[]> {
    const rows = await prisma.userRole.findMany({ where: { slackUserId }, select: { role: true } });
    return rows.map((r) => r.role);
  }

  /** Gives the users named in the configuration (ADMIN_USER_IDS, MANAGER_USER_IDS) their role at start. */
  async function ensureRoleHolders(slackUserIds: string[], role: Role): Promise<void> {
    for (const slackUserId of slackUserIds) {
      await prisma.user.upsert({ where: { slackUserId }, create: { slackUserId }, update: {} });
      await prisma.userRole.upsert({
        where: { slackUserId_role: { slackUserId, role } },
        create: { slackUserId, role, grantedBy: "configuration" },
        update: {},
      });
    }
  }

  return {
    rolesOf,
    ensureRoleHolders,

    /** True when the user holds `role` or a higher one. */
    async hasRole(slackUserId: string, role: Role): Promise<boolean> {
      const roles = await rolesOf(slackUserId);
      return roles.some((r) => RANK[r] >= RANK[role]);
    },

    async grantRole({ slackUserId, role, grantedBy }: { slackUserId: string; role: Role; grantedBy: string }) {
      await prisma.user.upsert({ where: { slackUserId }, create: { slackUserId }, update: {} });
      await prisma.userRole.upsert({
        where: { slackUserId_role: { slackUserId, role } },
        create: { slackUserId, role, grantedBy },
        update: {},
      });
    },

    /** Refuses to remove the last admin, so the office can never lock itself out. */
    async revokeRole({ slackUserId, role }: { slackUserId: string; role: Role }): Promise<"revoked" | "last_admin"> {
      return prisma.$transaction(async (tx) => {
        if (role === "admin") {
          const admins = await tx.userRole.count({ where: { role: "admin" } });
          const isAdmin = await tx.userRole.count({ where: { role: "admin", slackUserId } });
          if (isAdmin > 0 && admins <= 1) return "last_admin";
        }
        await tx.userRole.deleteMany({ where: { slackUserId, role } });
        return "revoked";
      });
    },

    async listRoleHolders(): Promise<{ slackUserId: string; roles: Role[] }[]> {
      const rows = await prisma.userRole.findMany({ orderBy: [{ slackUserId: "asc" }, { role: "asc" }] });
      const byUser = new Map<string, Role[]>();
      for (const row of rows) byUser.set(row.slackUserId, [...(byUser.get(row.slackUserId) ?? []), row.role]);
      return [...byUser].map(([slackUserId, roles]) => ({ slackUserId, roles }));
    },

    /** Exactly the holders of one role (the digest goes to managers, not to every admin). */
    async holdersOf(role: Role): Promise<string[]> {
      const rows = await prisma.userRole.findMany({ where: { role }, orderBy: { slackUserId: "asc" } });
      return rows.map((r) => r.slackUserId);
    },

    async ensureAdmins(slackUserIds: string[]): Promise<void> {
      await ensureRoleHolders(slackUserIds, "admin");
    },
  };
}

export type RoleService = ReturnType<typeof createRoleService>;
