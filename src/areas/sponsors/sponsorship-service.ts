// @deprecated The sponsors registry as the old container of services (src/app/services.ts) builds
// it, for the areas and tests not yet given the sponsors area's own service. It has no roles nor
// other areas' services: `step` trusts the caller's word on whether the actor is a manager, as it
// always did, and the thank-you letters are not tracked with the greetings from here. The sponsors
// area itself uses service.ts.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { createSponsorsService, type SponsorStepOutcome } from "./service.js";
import type { SponsorshipAction } from "./sponsorship-flow.js";
import type { SponsorshipDraft } from "./sponsorship-validation.js";
import { createSponsorsStore } from "./store.js";

export type { SponsorStepOutcome } from "./service.js";
export type { SponsorBenefit, Sponsorship, SponsorshipWithBenefits } from "./store.js";

export function createSponsorshipService({
  prisma,
  clock,
  timeZone,
}: {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
}) {
  const store = createSponsorsStore(prisma);
  const serviceFor = (claim: { manager: boolean }) =>
    createSponsorsService({
      store,
      clock,
      timeZone,
      roles: {
        hasRole: async (_user, role) => role === "staff" || claim.manager,
        holdersOf: async () => [],
      },
      greetings: { requestThankYou: async () => undefined, record: async () => undefined },
      events: { get: async () => null, between: async () => [] },
    });
  const reader = serviceFor({ manager: false });
  return {
    get: reader.get,
    history: reader.history,
    unthankedOf: reader.unthankedOf,
    awaitingApproval: reader.awaitingApproval,
    thanksOwed: reader.thanksOwed,
    benefitsDue: reader.benefitsDue,
    forYear: reader.forYear,
    search: reader.search,

    async create(options: { draft: SponsorshipDraft; createdBy: string; submissionKey: string }) {
      const outcome = await reader.create({
        actor: options.createdBy,
        draft: options.draft,
        submissionKey: options.submissionKey,
      });
      if (outcome.status === "refused") throw new Error("unreachable: the legacy registry refuses nobody");
      return outcome;
    },

    async step(
      id: number,
      action: SponsorshipAction,
      actor: { userId: string; manager: boolean },
      payload: { receivedCents?: bigint; note?: string } = {},
    ): Promise<SponsorStepOutcome> {
      return serviceFor(actor).step({ actor: actor.userId, id, action, ...payload });
    },
  };
}

export type SponsorshipService = ReturnType<typeof createSponsorshipService>;
