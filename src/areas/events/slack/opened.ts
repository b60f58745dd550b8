// What a listener does with the events service's answer to "show me this event": the refusal or
// "not found" told to the person, or the event to go on with.
import type { Reply, UserView } from "../../../slack/listener.js";
import { EVENTS_ROLE } from "../rules.js";
import { isRefused, type Refused } from "../service.js";

/** The answer, or undefined once the person has been told why there is none. */
export async function opened<T>(answer: T | null | Refused, user: UserView, reply: Reply): Promise<T | undefined> {
  if (isRefused(answer)) {
    await reply(user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]));
    return undefined;
  }
  if (answer === null) {
    await reply(user.t.events.notFound);
    return undefined;
  }
  return answer;
}
