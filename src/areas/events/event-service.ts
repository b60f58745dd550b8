// The events' service as the older container (src/app/services.ts) builds it, for the areas that
// still take it from there (sponsors, admin). The events area builds its own in index.ts.

import type { DomainDeps } from "../deps.js";
import { createRoleService } from "../users/roles.js";
import { buildEventService } from "./service.js";
import { createEventStore } from "./store.js";

export type { EventService, EventWithType } from "./service.js";
export type { Event } from "./store.js";

export function createEventService(deps: DomainDeps) {
  return buildEventService({
    store: createEventStore(deps.prisma),
    roles: createRoleService(deps),
    clock: deps.clock,
    timeZone: deps.timeZone,
  });
}
