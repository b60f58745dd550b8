// The tests' fake Slack Web API is the local workspace's emulator (src/slack-emulator/web-api.ts):
// one implementation, with Slack's limits, for both. This file keeps the tests' names for it.
export {
  APP_TOKEN,
  BOT_TOKEN,
  BOT_USER_ID,
  type FakeUser,
  type Json,
  type RecordedCall,
  SlackApiEmulator as FakeSlack,
} from "../../src/slack-emulator/web-api.js";
