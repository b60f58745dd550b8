// The users' records: their roles, their language and their time zone. The only file of the area that uses Prisma.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";
import type { LocaleCode } from "../../i18n/index.js";

export interface StoredUserLocale {
  localeOverride: LocaleCode | null;
  slackLocale: string | null;
  slackLocaleAt: Date | null;
}

// Adding a user or a role is one INSERT … ON CONFLICT DO NOTHING: Prisma 6 makes an upsert with
// nothing to update a SELECT, an INSERT and a SELECT in a transaction, and wraps createMany in one
// (prisma/orm#29748).
export function createUserStore(prisma: PrismaClient) {
  async function ensureUser(slackUserId: string): Promise<void> {
    await prisma.$executeRaw`INSERT INTO users (slack_user_id) VALUES (${slackUserId}) ON CONFLICT DO NOTHING`;
  }

  return {
    ensureUser,

    async rolesOf(slackUserId: string): Promise<Role[]> {
      const rows = await prisma.userRole.findMany({ where: { slackUserId }, select: { role: true } });
      return rows.map((r) => r.role);
    },

    /**
     * Adds the role (and the user, if new); a role already held stays as it was granted. True when
     * the role was new.
     */
    async addRole(slackUserId: string, role: Role, grantedBy: string): Promise<boolean> {
      await ensureUser(slackUserId);
      const count = await prisma.$executeRaw`
        INSERT INTO user_roles (slack_user_id, role, granted_by) VALUES (${slackUserId}, CAST(${role} AS "Role"), ${grantedBy})
        ON CONFLICT DO NOTHING`;
      return count > 0;
    },

    /**
     * Removes the role unless it is the last admin's admin role, in one transaction so that two
     * admins revoking each other at once cannot both succeed. "not_held": there was nothing to remove.
     */
    async removeRoleUnlessLastAdmin(slackUserId: string, role: Role): Promise<"revoked" | "not_held" | "last_admin"> {
      return prisma.$transaction(async (tx) => {
        if (role === "admin") {
          const admins = await tx.userRole.count({ where: { role: "admin" } });
          const isAdmin = await tx.userRole.count({ where: { role: "admin", slackUserId } });
          if (isAdmin > 0 && admins <= 1) return "last_admin";
        }
        const { count } = await tx.userRole.deleteMany({ where: { slackUserId, role } });
        return count > 0 ? "revoked" : "not_held";
      });
    },

    /** Every role held, by user then role. */
    async findRoleGrants(): Promise<{ slackUserId: string; role: Role }[]> {
      return prisma.userRole.findMany({
        orderBy: [{ slackUserId: "asc" }, { role: "asc" }],
        select: { slackUserId: true, role: true },
      });
    },

    async findHoldersOf(role: Role): Promise<string[]> {
      const rows = await prisma.userRole.findMany({ where: { role }, orderBy: { slackUserId: "asc" } });
      return rows.map((r) => r.slackUserId);
    },

    async findLocale(slackUserId: string): Promise<StoredUserLocale | null> {
      return prisma.user.findUnique({
        where: { slackUserId },
        select: { localeOverride: true, slackLocale: true, slackLocaleAt: true },
      });
    },

    async saveSlackLocale(slackUserId: string, slackLocale: string, at: Date): Promise<void> {
      await prisma.user.upsert({
        where: { slackUserId },
        create: { slackUserId, slackLocale, slackLocaleAt: at },
        update: { slackLocale, slackLocaleAt: at },
      });
    },

    async findTimeZone(slackUserId: string): Promise<{ slackTz: string | null; slackTzAt: Date | null } | null> {
      return prisma.user.findUnique({ where: { slackUserId }, select: { slackTz: true, slackTzAt: true } });
    },

    async saveSlackTimeZone(slackUserId: string, slackTz: string, at: Date): Promise<void> {
      await prisma.user.upsert({
        where: { slackUserId },
        create: { slackUserId, slackTz, slackTzAt: at },
        update: { slackTz, slackTzAt: at },
      });
    },

    /** Only for someone Grafeio already knows (a workspace's every profile change is not kept). */
    async updateKnownTimeZone(slackUserId: string, slackTz: string, at: Date): Promise<boolean> {
      const { count } = await prisma.user.updateMany({ where: { slackUserId }, data: { slackTz, slackTzAt: at } });
      return count > 0;
    },

    async saveLocaleOverride(slackUserId: string, localeOverride: LocaleCode | null): Promise<void> {
      await prisma.user.upsert({
        where: { slackUserId },
        create: { slackUserId, localeOverride },
        update: { localeOverride },
      });
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
